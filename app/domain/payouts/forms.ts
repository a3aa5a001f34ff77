// The money-out forms' schemas, shared by the server (which parses) and the pages (which show constraints).
import * as z from "zod";
import { PERIOD_RE } from "./period";
import { WORK_UNITS } from "./share-out";

const id = z.string().trim().min(1).max(100);

export const PayoutRunActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("settle") }),
  z.object({ intent: z.literal("prepare") }),
  z.object({ intent: z.literal("approve"), runId: id }),
  z.object({
    intent: z.literal("markPaid"),
    payoutId: id,
    bankReference: z
      .string({ error: "payouts:error.bankReference" })
      .trim()
      .min(4, "payouts:error.bankReference")
      .max(64, "payouts:error.bankReference")
      .regex(/^[A-Za-z0-9-_/]+$/, "payouts:error.bankReference"),
  }),
]);

export const PAYOUT_ACCOUNT_PROVIDERS = ["manual", "wechat", "alipay", "stripe"] as const;

export const WorkerSchema = z.object({
  intent: z.literal("worker"),
  displayName: z.string({ error: "payouts:error.displayName" }).trim().min(1, "payouts:error.displayName").max(40),
  code: z.string().trim().max(20).optional(),
  stationZh: z.string({ error: "payouts:error.station" }).trim().min(1, "payouts:error.station").max(40),
  provider: z.enum(PAYOUT_ACCOUNT_PROVIDERS),
  accountRef: z.string({ error: "payouts:error.accountRef" }).trim().min(4, "payouts:error.accountRef").max(64),
  accountName: z.string({ error: "payouts:error.accountName" }).trim().min(1, "payouts:error.accountName").max(40),
  remainderTo: z.literal("on").optional(),
});

export const WorkSchema = z.object({
  intent: z.literal("work"),
  workerId: id,
  period: z.string({ error: "payouts:error.period" }).regex(PERIOD_RE, "payouts:error.period"),
  unit: z.enum(WORK_UNITS),
  quantity: z.coerce
    .number({ error: "payouts:error.quantity" })
    .int("payouts:error.quantity")
    .min(1, "payouts:error.quantity")
    .max(1_000_000, "payouts:error.quantity"),
});

export const WorkCsvSchema = z.object({ intent: z.literal("csv") });
