// Parses process.env once, with zod, and fails fast with a message naming the variable at fault.
import * as z from "zod";

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
  // Payouts (money out to workshops, hosts, villages, workers): `manual` bank-transfer files unless set. Keys are
  // PEM text (\n may be escaped) or a path to a PEM file. *_API_HOST / ALIPAY_GATEWAY point at a stand-in.
  PAYOUT_PROVIDER: z.enum(["manual", "wechat", "alipay", "stripe"]).default("manual"),
  WECHATPAY_MCHID: z.string().regex(/^\d+$/).optional(),
  WECHATPAY_APPID: z.string().optional(),
  WECHATPAY_MERCHANT_PRIVATE_KEY: z.string().optional(),
  WECHATPAY_MERCHANT_SERIAL_NO: z.string().optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY: z.string().optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY_ID: z.string().optional(),
  WECHATPAY_APIV3_KEY: z.string().length(32).optional(),
  WECHATPAY_API_HOST: z.string().url().optional(),
  WECHATPAY_SPLIT_CAP_BP: z.coerce.number().int().min(1).max(10_000).default(3000),
  ALIPAY_APP_ID: z.string().optional(),
  ALIPAY_PRIVATE_KEY: z.string().optional(),
  ALIPAY_PUBLIC_KEY: z.string().optional(),
  ALIPAY_GATEWAY: z.string().url().optional(),
  ALIPAY_SPLIT_CAP_BP: z.coerce.number().int().min(1).max(10_000).default(3000),
  STRIPE_CONNECT_SECRET_KEY: z.string().optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_CONNECT_API_HOST: z.string().url().optional(),
  STRIPE_CONNECT_CURRENCY: z
    .string()
    .regex(/^[a-z]{3}$/)
    .default("cny"),
  LOG_REQUESTS: z.enum(["0", "1"]).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DEMO_ACCOUNTS: z.enum(["on", "off"]).optional(),
  DEBUG_POSTGRES: z.string().optional(),
  // Packing slips embed a CJK font: a .ttf/.otf path, or a .ttc with the face's PostScript name in CJK_FONT_FAMILY.
  CJK_FONT_PATH: z.string().optional(),
  CJK_FONT_FAMILY: z.string().optional(),
  // Web Push (VAPID): the key pair push services know this site by (web-push's generateVAPIDKeys, base64url), and
  // a mailto: or https: contact. `npm start` generates a pair once into DATA_DIR; unset elsewhere, one per process.
  VAPID_PUBLIC_KEY: z.string().min(80).optional(),
  VAPID_PRIVATE_KEY: z.string().min(40).optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "expected mailto:… or https://…")
    .default("mailto:notices@cunbo.example"),
  // Days after shipping when a parcel the buyer has not confirmed counts as received (确认收货).
  RECEIPT_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  // Live video: which engine relays WHIP/WHEP media, the one IPv4 address its ICE offers (every interface's if
  // unset; 127.0.0.1 on one machine), and the ICE servers browsers are handed, as JSON: [{"urls":"stun:…"}].
  MEDIA_ENGINE: z.enum(["embedded", "janus"]).default("embedded"),
  // With MEDIA_ENGINE=janus: a running Janus's WebSocket API (ws://host:8188); unset, the app starts its own
  // private Janus (Debian's `janus` package) on a free loopback port.
  JANUS_URL: z
    .string()
    .regex(/^wss?:\/\/[^\s]+$/, "expected ws://host:port")
    .optional(),
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
  // A TURN server for phones and firewalls that block UDP (coturn with use-auth-secret): its URLs, comma-separated
  // (turn:turn.example:3478?transport=udp,turns:turn.example:5349?transport=tcp), the shared secret, and how long
  // each session's minted credential lasts (a show's length at most).
  TURN_URLS: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^turns?:/, "expected turn: or turns: URLs"))),
  TURN_SECRET: z.string().min(16).optional(),
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(86_400)
    .default(4 * 3600),
  // Broadcasts are recorded (and remuxed to HLS for viewers WebRTC cannot reach) by ffmpeg: under
  // UPLOAD_DIR/recordings unless set; RECORDING=off turns it off.
  RECORDING: z.enum(["on", "off"]).default("on"),
  RECORDINGS_DIR: z.string().optional(),
  FFMPEG_PATH: z.string().default("ffmpeg"),
  FFPROBE_PATH: z.string().default("ffprobe"),
});

const PAYOUT_SETTINGS = {
  manual: [],
  wechat: [
    "WECHATPAY_MCHID",
    "WECHATPAY_APPID",
    "WECHATPAY_MERCHANT_PRIVATE_KEY",
    "WECHATPAY_MERCHANT_SERIAL_NO",
    "WECHATPAY_PLATFORM_PUBLIC_KEY",
    "WECHATPAY_PLATFORM_PUBLIC_KEY_ID",
    "WECHATPAY_APIV3_KEY",
  ],
  alipay: ["ALIPAY_APP_ID", "ALIPAY_PRIVATE_KEY", "ALIPAY_PUBLIC_KEY"],
  stripe: ["STRIPE_CONNECT_SECRET_KEY"],
} as const;

/** The settings the chosen payout provider cannot work without, when they are not set. */
function missingPayoutSettings(data: z.infer<typeof EnvSchema>): string[] {
  return PAYOUT_SETTINGS[data.PAYOUT_PROVIDER].filter((name) => !data[name]);
}

export type Env = z.infer<typeof EnvSchema> & { UPLOAD_DIR: string };

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = EnvSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  const missing = missingPayoutSettings(result.data);
  if (missing.length) {
    throw new Error(
      `PAYOUT_PROVIDER=${result.data.PAYOUT_PROVIDER} needs ${missing.join(", ")} (see README.md, Payouts).`,
    );
  }
  if (result.data.NODE_ENV === "production" && !result.data.SESSION_SECRET) {
    throw new Error("SESSION_SECRET must be set in production (16+ characters; several, comma-separated, to rotate).");
  }
  parsed = { ...result.data, UPLOAD_DIR: result.data.UPLOAD_DIR ?? `${result.data.DATA_DIR}/uploads` };
  return parsed;
}
