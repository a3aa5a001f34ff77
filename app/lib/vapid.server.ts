// The site's VAPID identity for Web Push: from the environment, else a pair generated once for this process (a
// development default; `npm start` keeps one in DATA_DIR so that subscriptions outlive a restart).
import webpush from "web-push";
import { env } from "./env.server";
import { singleton } from "./singleton.server";

export type Vapid = { publicKey: string; privateKey: string; subject: string };

const generated = singleton("vapid:generated", () => webpush.generateVAPIDKeys());

export function vapid(): Vapid {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = env();
  if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY) {
    return { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY, subject: VAPID_SUBJECT };
  }
  return { ...generated, subject: VAPID_SUBJECT };
}
