// Turns the environment into the WeChat Pay, Alipay and Stripe Connect payout adapters' configuration (keys may
// be PEM text or a path to a PEM file). The provider registry builds the configured provider through these.
import { readFileSync } from "node:fs";
import { createAlipayPayoutProvider } from "~/domain/payouts/alipay-provider.server";
import type { PayoutLookup } from "~/domain/payouts/payout-lookup";
import type { PayoutProvider } from "~/domain/payouts/payout-provider";
import { createStripeConnectPayoutProvider } from "~/domain/payouts/stripe-connect-provider.server";
import { createWechatPayoutProvider } from "~/domain/payouts/wechat-provider.server";
import { registerPayoutProvider } from "~/domain/payouts/payout-provider.server";
import { ledgerPayoutLookup } from "~/domain/payouts/reconciliation.server";
import { env, type Env } from "~/lib/env.server";

/** PEM text as given (with escaped newlines restored), or the contents of the file it names. */
export function pemFrom(value: string): string {
  const text = value.trim();
  return text.startsWith("-----BEGIN") ? text.replace(/\\n/g, "\n") : readFileSync(text, "utf8");
}

/** The configured profit-sharing or Stripe payout provider; null for `manual` (the registry's own). */
export function payoutProviderFromEnv(env: Env, lookup: PayoutLookup): PayoutProvider | null {
  switch (env.PAYOUT_PROVIDER) {
    case "wechat":
      return createWechatPayoutProvider({
        mchid: env.WECHATPAY_MCHID!,
        appid: env.WECHATPAY_APPID!,
        merchantPrivateKey: pemFrom(env.WECHATPAY_MERCHANT_PRIVATE_KEY!),
        merchantSerialNo: env.WECHATPAY_MERCHANT_SERIAL_NO!,
        platformPublicKey: pemFrom(env.WECHATPAY_PLATFORM_PUBLIC_KEY!),
        platformSerialNo: env.WECHATPAY_PLATFORM_PUBLIC_KEY_ID!,
        apiV3Key: env.WECHATPAY_APIV3_KEY!,
        baseUrl: env.WECHATPAY_API_HOST,
        splitCapBp: env.WECHATPAY_SPLIT_CAP_BP,
        lookup,
      });
    case "alipay":
      return createAlipayPayoutProvider({
        appId: env.ALIPAY_APP_ID!,
        privateKey: pemFrom(env.ALIPAY_PRIVATE_KEY!),
        alipayPublicKey: pemFrom(env.ALIPAY_PUBLIC_KEY!),
        gateway: env.ALIPAY_GATEWAY,
        splitCapBp: env.ALIPAY_SPLIT_CAP_BP,
        lookup,
      });
    case "stripe":
      return createStripeConnectPayoutProvider({
        secretKey: env.STRIPE_CONNECT_SECRET_KEY!,
        apiHost: env.STRIPE_CONNECT_API_HOST,
        currency: env.STRIPE_CONNECT_CURRENCY,
        webhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET,
      });
    default:
      return null;
  }
}

/** Puts the WeChat Pay, Alipay and Stripe Connect adapters in the payout registry, each made from the environment
 *  the first time a payout asks for it (manual is always there). */
export function registerPayoutAdapters() {
  for (const name of ["wechat", "alipay", "stripe"] as const) {
    registerPayoutProvider(name, () => {
      const provider = payoutProviderFromEnv({ ...env(), PAYOUT_PROVIDER: name }, ledgerPayoutLookup(name));
      if (!provider) throw new Error(`No payout provider "${name}" could be made`);
      return provider;
    });
  }
}
