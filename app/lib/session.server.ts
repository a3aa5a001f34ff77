// The one session store: a signed cookie holding the user's id and a guest's cart token.
import { createCookieSessionStorage, type SessionStorage } from "@remix-run/node";
import { env } from "./env.server";

const DEV_SECRET = "cunbo-development-secret-change-me";

let created: SessionStorage | undefined;

// Made on first use, like the database client, so tests and scripts can set the environment before it is read.
const storage = () =>
  (created ??= createCookieSessionStorage({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      // Secure cookies only travel over HTTPS, so they follow the public URL rather than NODE_ENV.
      secure: env().PUBLIC_URL?.startsWith("https://") ?? false,
      // Several comma-separated secrets let an old one keep working while a new one takes over.
      secrets: (env().SESSION_SECRET ?? DEV_SECRET).split(",").map((secret) => secret.trim()),
      maxAge: 60 * 60 * 24 * 30,
    },
  }));

export const sessionStorage: SessionStorage = {
  getSession: (...args) => storage().getSession(...args),
  commitSession: (...args) => storage().commitSession(...args),
  destroySession: (...args) => storage().destroySession(...args),
};

export async function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}
