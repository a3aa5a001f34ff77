// Short-lived TURN credentials by the TURN REST API scheme (draft-uberti-behave-turn-rest, coturn's
// use-auth-secret): username = "<expiry unix seconds>:<session>", credential = base64(HMAC-SHA1(secret, username)).
// The TURN server shares only the secret, so no credential is ever stored, and each lapses on its own.
import { createHmac } from "node:crypto";

export type IceServer = { urls: string | string[]; username?: string; credential?: string };

export function turnCredentials(secret: string, session: string, nowMs: number, ttlSeconds: number) {
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${session}`;
  return { username, credential: createHmac("sha1", secret).update(username).digest("base64") };
}

/** The ICE servers one session is handed: the configured STUN/TURN list, plus the TURN URLs with fresh credentials. */
export function iceServersFor(
  config: { servers: IceServer[]; turnUrls: string[]; turnSecret?: string; ttlSeconds: number },
  session: string,
  nowMs = Date.now(),
): IceServer[] {
  if (!config.turnUrls.length || !config.turnSecret) return config.servers;
  return [
    ...config.servers,
    { urls: config.turnUrls, ...turnCredentials(config.turnSecret, session, nowMs, config.ttlSeconds) },
  ];
}
