// A work period: one Shanghai calendar month, written "2026-11".
export const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
