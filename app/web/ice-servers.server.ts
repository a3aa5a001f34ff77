// The ICE servers handed to one publisher's or viewer's session, from configuration (MEDIA_ICE_SERVERS, TURN_URLS,
// TURN_SECRET), with TURN credentials minted for that session.
import { randomBytes } from "node:crypto";
import { iceServersFor, type IceServer } from "~/domain/live/turn-credentials.server";
import { env } from "~/lib/env.server";

export function sessionIceServers(session = randomBytes(9).toString("base64url")): IceServer[] {
  const settings = env();
  return iceServersFor(
    {
      servers: settings.MEDIA_ICE_SERVERS,
      turnUrls: settings.TURN_URLS,
      turnSecret: settings.TURN_SECRET,
      ttlSeconds: settings.TURN_CREDENTIAL_TTL_SECONDS,
    },
    session,
  );
}
