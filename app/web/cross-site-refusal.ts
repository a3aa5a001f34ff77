// Where the server renders its answer to a form that did not come from Cunbo's own pages (server/request-origin.ts).
export const CROSS_SITE_REFUSAL_PATH = "/cross-site-refused";
