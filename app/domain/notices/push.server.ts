// Web Push: a browser's subscription kept per shopper, and a notice delivered to each of that shopper's browsers as
// the Push API asks (RFC 8291 aes128gcm encryption and a VAPID-signed JWT, both made by the web-push library).
import webpush from "web-push";
import { db } from "~/lib/db.server";
import { isLocale, type Locale } from "~/lib/i18n";
import type { Vapid } from "~/lib/vapid.server";
import { InvalidInput } from "../errors.server";

// The push services browsers hand out endpoints on (Chrome/Edge/Samsung, Firefox, Safari, Windows). Any other host
// is refused: a subscription's endpoint is where this server will send requests, so it must not point inwards.
const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  "push.services.mozilla.com",
  "push.apple.com",
  "notify.windows.com",
];

export type SubscriptionInput = { endpoint: string; keys: { p256dh: string; auth: string } };

/** Whether the endpoint is a known push service's (https), or — outside production — a stand-in on loopback. */
export function acceptableEndpoint(endpoint: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") {
    return PUSH_SERVICE_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
  }
  return !production && url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

export async function savePushSubscription(
  userId: string,
  input: SubscriptionInput,
  locale: Locale,
  production: boolean,
) {
  if (!acceptableEndpoint(input.endpoint, production)) throw new InvalidInput("notices:error.pushEndpoint");
  const keys = { p256dh: input.keys.p256dh, auth: input.keys.auth };
  // The same browser subscribing again (or for another account) moves the one row to its current owner.
  await db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { userId, endpoint: input.endpoint, ...keys, locale },
    update: { userId, ...keys, locale },
  });
}

export async function removePushSubscription(userId: string, endpoint: string) {
  await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
}

export async function hasPushSubscription(userId: string) {
  return (await db.pushSubscription.count({ where: { userId } })) > 0;
}

export type PushMessage = { title: string; body: string; url: string; tag: string };

/**
 * Sends each message to every browser of its shopper, in that browser's language. A subscription the push service
 * says is gone (404, 410) is forgotten; other failures are logged and left for the inbox, which is the record.
 */
export async function deliverPushes(
  messages: { userId: string; message: (locale: Locale) => PushMessage }[],
  keys: Vapid,
): Promise<{ sent: number; gone: number; failed: number }> {
  const tally = { sent: 0, gone: 0, failed: 0 };
  if (messages.length === 0) return tally;
  const subscriptions = await db.pushSubscription.findMany({
    where: { userId: { in: [...new Set(messages.map((m) => m.userId))] } },
  });
  const byUser = new Map<string, typeof subscriptions>();
  for (const subscription of subscriptions) {
    byUser.set(subscription.userId, [...(byUser.get(subscription.userId) ?? []), subscription]);
  }
  const sends = messages.flatMap(({ userId, message }) =>
    (byUser.get(userId) ?? []).map(async (subscription) => {
      const locale = isLocale(subscription.locale) ? subscription.locale : "zh-CN";
      const request = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        JSON.stringify(message(locale)),
        {
          vapidDetails: keys,
          TTL: 60 * 60,
          urgency: "high",
          contentEncoding: webpush.supportedContentEncodings.AES_128_GCM,
        },
      );
      try {
        // web-push builds the request; fetch sends it (web-push's own sender speaks https only, and a stand-in
        // push service in tests listens on plain http on loopback).
        const answer = await fetch(request.endpoint, {
          method: request.method,
          headers: request.headers as Record<string, string>,
          body: request.body ? new Uint8Array(request.body) : undefined,
          redirect: "error",
          signal: AbortSignal.timeout(10_000),
        });
        if (answer.status === 404 || answer.status === 410) {
          await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
          tally.gone += 1;
        } else if (answer.ok) tally.sent += 1;
        else {
          console.error(`[push] ${new URL(subscription.endpoint).host} answered ${answer.status}`);
          tally.failed += 1;
        }
      } catch (error) {
        console.error(`[push] ${new URL(subscription.endpoint).host} failed:`, error);
        tally.failed += 1;
      }
    }),
  );
  await Promise.all(sends);
  return tally;
}
