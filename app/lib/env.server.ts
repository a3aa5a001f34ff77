// Parses process.env once, with zod, and fails fast with a message naming the variable at fault.
import { z } from "zod";

const IceServersSchema = z.array(
  z.object({
    urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  }),
);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  REDIS_URL: z.string().url().optional(),
  // How many reverse proxies stand in front of the app. Only then is X-Forwarded-For believed (that many hops of
  // it); with none, anyone could claim any address and walk around the per-address limits.
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  // Where `npm start` keeps its embedded database, session secret and uploads.
  DATA_DIR: z.string().default(".data"),
  // Under DATA_DIR unless set, so what is stored and what /uploads serves are one folder.
  UPLOAD_DIR: z.string().optional(),
  PAYMENT_PROVIDER: z.enum(["local", "stripe"]).optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_HOST: z.string().optional(),
  LOG_REQUESTS: z.enum(["0", "1"]).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DEMO_ACCOUNTS: z.enum(["on", "off"]).optional(),
  DEBUG_POSTGRES: z.string().optional(),
  // Packing slips embed a CJK font: a .ttf/.otf path, or a .ttc with the face's PostScript name in CJK_FONT_FAMILY.
  CJK_FONT_PATH: z.string().optional(),
  CJK_FONT_FAMILY: z.string().optional(),
  // Days after shipping when a parcel the buyer has not confirmed counts as received (确认收货).
  // Money out: who sends payouts (manual = a bank-transfer file and a form to mark each paid).
  PAYOUT_PROVIDER: z.enum(["manual", "wechat", "alipay", "stripe"]).default("manual"),
  RECEIPT_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  // Live video: which engine relays WHIP/WHEP media, the one IPv4 address its ICE offers (every interface's if
  // unset; 127.0.0.1 on one machine), and the ICE servers browsers are handed, as JSON: [{"urls":"stun:…"}].
  MEDIA_ENGINE: z.enum(["embedded"]).default("embedded"),
  MEDIA_ICE_ADDRESS: z.ipv4().optional(),
  MEDIA_ICE_SERVERS: z
    .string()
    .default("[]")
    .transform((text, ctx) => {
      try {
        return IceServersSchema.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: "custom", message: 'expected JSON like [{"urls":"stun:host:3478"}]' });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof EnvSchema> & { UPLOAD_DIR: string };

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.SESSION_SECRET) {
    throw new Error("SESSION_SECRET must be set in production (16+ characters; several, comma-separated, to rotate).");
  }
  parsed = { ...result.data, UPLOAD_DIR: result.data.UPLOAD_DIR ?? `${result.data.DATA_DIR}/uploads` };
  return parsed;
}
