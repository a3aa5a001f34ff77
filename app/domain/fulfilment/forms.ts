// The packing-room console's forms: one zod schema per intent, parsed on the server and used by the browser for
// the same checks before submitting. Error messages are i18n keys.
import * as z from "zod";
import { COURIER_IDS, isCourierId, isPlausibleTracking, type CourierId } from "./couriers";

const parcelId = z.string("fulfil:error.notFound").trim().min(1, "fulfil:error.notFound").max(40);

export const StepSchema = z.object({
  intent: z.enum(["accept", "pack", "deliver", "requeue"]),
  id: parcelId,
});

export const ShipSchema = z
  .object({
    intent: z.literal("ship"),
    id: parcelId,
    courier: z.enum(COURIER_IDS, "fulfil:error.courier"),
    trackingNumber: z.string("fulfil:error.trackingRequired").trim().min(1, "fulfil:error.trackingRequired").max(40),
    // "yes" once the person has seen that the number is on another parcel and saves it anyway.
    reuseTracking: z.literal("yes").optional(),
  })
  .superRefine((value, ctx) => {
    if (!isPlausibleTracking(value.courier, value.trackingNumber)) {
      ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "fulfil:error.tracking" });
    }
  });

export const ExceptionSchema = z.object({
  intent: z.literal("exception"),
  id: parcelId,
  reason: z.string("fulfil:error.reason").trim().min(2, "fulfil:error.reason").max(200, "fulfil:error.reason"),
  refund: z.boolean().optional(),
});

export const CancelSchema = z.object({
  intent: z.literal("cancel"),
  id: parcelId,
  reason: z.string().trim().max(200, "fulfil:error.reason").optional(),
  refund: z.boolean().optional(),
});

export const BulkAcceptSchema = z.object({
  intent: z.literal("bulk-accept"),
  ids: z.array(parcelId, "fulfil:error.noneSelected").min(1, "fulfil:error.noneSelected").max(200),
});

export const ReleaseSchema = z.object({
  intent: z.literal("release"),
  batchId: z.string().trim().min(1).max(40),
});

/** Bulk shipping names each parcel's tracking field after the parcel: tracking-<id>. */
export const trackingField = (id: string) => `tracking-${id}`;

/** The single-parcel steps, told apart by their intent. */
export const ParcelStepSchema = z.discriminatedUnion("intent", [StepSchema, ShipSchema, ExceptionSchema, CancelSchema]);

export type BulkShipParse =
  | { ok: true; items: { id: string; ship: { courier: CourierId; trackingNumber: string } }[] }
  | { ok: false; errors: Record<string, string[]> };

/** One courier for all the selected parcels, a tracking number for each; every problem is reported beside its field. */
export function parseBulkShip(formData: FormData): BulkShipParse {
  const ids = [...new Set(formData.getAll("ids").map(String).filter(Boolean))].slice(0, 200);
  const courier = String(formData.get("courier") ?? "");
  const errors: Record<string, string[]> = {};
  if (ids.length === 0) errors.ids = ["fulfil:error.noneSelected"];
  if (!isCourierId(courier)) errors.courier = ["fulfil:error.courier"];
  const items = ids.map((id) => {
    const trackingNumber = String(formData.get(trackingField(id)) ?? "").trim();
    if (!trackingNumber) errors[trackingField(id)] = ["fulfil:error.trackingRequired"];
    else if (isCourierId(courier) && !isPlausibleTracking(courier, trackingNumber)) {
      errors[trackingField(id)] = ["fulfil:error.tracking"];
    }
    return { id, ship: { courier: courier as CourierId, trackingNumber } };
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, items };
}
