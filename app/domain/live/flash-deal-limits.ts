// How long a flash deal may run: the domain refuses anything outside these, and the host's form checks the same.
export const DEAL_MIN_SECONDS = 30;
export const DEAL_MAX_SECONDS = 20 * 60;
