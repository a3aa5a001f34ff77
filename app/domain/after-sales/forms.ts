// The after-sales forms: the buyer's request and return shipment, the workshop's (or admin's) answer. Parsed on
// the server with conform; error messages are i18n keys shown beside the field.
import * as z from "zod";
import { parseYuan } from "~/lib/money";
import { COURIER_IDS, isPlausibleTracking } from "../fulfilment/couriers";
import { AFTER_SALES_KINDS, AFTER_SALES_REASONS } from "./rules";

const id = z.string("aftersales:error.notFound").trim().min(1, "aftersales:error.notFound").max(64);

const yuan = (message: string) =>
  z
    .string(message)
    .trim()
    .max(20, message)
    .transform((value, ctx) => {
      const fen = parseYuan(value);
      if (fen === null || fen < 1) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return fen;
    });

export const OpenRequestSchema = z.object({
  kind: z.enum(AFTER_SALES_KINDS, "aftersales:error.kind"),
  reason: z.enum(AFTER_SALES_REASONS, "aftersales:error.reason"),
  amount: yuan("aftersales:error.amount"),
  note: z.string().trim().max(500, "aftersales:error.note").optional(),
  lines: z
    .array(
      z.object({
        id,
        quantity: z.coerce
          .number("aftersales:error.quantity")
          .int("aftersales:error.quantity")
          .min(0, "aftersales:error.quantity")
          .max(999, "aftersales:error.quantity"),
      }),
      "aftersales:error.noLines",
    )
    .min(1, "aftersales:error.noLines")
    .max(50, "aftersales:error.noLines"),
});

export const ReturnShipmentSchema = z
  .object({
    intent: z.literal("return"),
    requestId: id,
    courier: z.enum(COURIER_IDS, "fulfil:error.courier"),
    trackingNumber: z.string("fulfil:error.trackingRequired").trim().min(1, "fulfil:error.trackingRequired").max(40),
  })
  .superRefine((value, ctx) => {
    if (!isPlausibleTracking(value.courier, value.trackingNumber)) {
      ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "fulfil:error.tracking" });
    }
  });

export const AnswerSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), id, amount: yuan("aftersales:error.amount").optional() }),
  z.object({ intent: z.literal("ask-return"), id }),
  z.object({
    intent: z.literal("refuse"),
    id,
    reason: z
      .string("aftersales:error.refusalReason")
      .trim()
      .min(2, "aftersales:error.refusalReason")
      .max(200, "aftersales:error.refusalReason"),
  }),
  z.object({ intent: z.literal("retry-refund"), id }),
]);
