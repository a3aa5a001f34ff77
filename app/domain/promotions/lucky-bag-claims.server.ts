// A lucky-bag winner claims the prize with an address from their book, within the claim window: it becomes a
// zero-price order, paid at once, in the workshop's packing queue like any other, with the prize's cost booked
// to whoever donated it (ledger/promotion-cost.server.ts). Claiming twice answers the first claim's order.
import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { contactFromAddress } from "../accounts/addresses.server";
import { newId, newOrderNumber } from "../checkout/order-statement.server";
import { Conflict, NotFound } from "../errors.server";
import { createFulfilmentOrders } from "../fulfilment/fulfilment-orders.server";
import { prizeEntryRows } from "../ledger/promotion-cost.server";
import { announcePaid } from "../orders/order-events.server";

export const PRIZE_PAYMENT_PROVIDER = "lucky_bag";

export type ClaimedPrize = { orderId: string; accessToken: string; number: string; already: boolean };

export async function claimPrize(winId: string, userId: string, addressId: string, now = new Date()) {
  const contact = await contactFromAddress(userId, addressId);
  const claimed = await db.$transaction(async (tx): Promise<ClaimedPrize> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "LuckyBagWin" WHERE "id" = ${winId} AND "userId" = ${userId} FOR UPDATE`;
    if (!locked[0]) throw new NotFound();
    const win = await tx.luckyBagWin.findUniqueOrThrow({
      where: { id: winId },
      select: {
        claimBy: true,
        returnedAt: true,
        order: { select: { id: true, accessToken: true, number: true } },
        bag: {
          select: {
            donor: true,
            hostId: true,
            unitsPerWinner: true,
            variant: {
              select: {
                id: true,
                nameZh: true,
                nameEn: true,
                priceFen: true,
                product: {
                  select: {
                    id: true,
                    titleZh: true,
                    titleEn: true,
                    perishable: true,
                    preorder: true,
                    workshop: {
                      select: {
                        id: true,
                        premiumRateBp: true,
                        villageFundRateBp: true,
                        villageZh: true,
                        shipWithinHours: true,
                        coldChain: true,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    if (win.order)
      return { orderId: win.order.id, accessToken: win.order.accessToken, number: win.order.number, already: true };
    if (win.returnedAt || win.claimBy.getTime() <= now.getTime()) throw new Conflict("luckybag:error.claimExpired");
    const { variant, unitsPerWinner: quantity } = win.bag;
    const { product } = variant;
    const { workshop } = product;
    const orderId = newId();
    const order = await tx.order.create({
      data: {
        id: orderId,
        number: newOrderNumber(now),
        userId,
        accessToken: randomBytes(24).toString("base64url"),
        status: "paid",
        ...contact,
        subtotalFen: 0,
        shippingFen: 0,
        totalFen: 0,
        paymentProvider: PRIZE_PAYMENT_PROVIDER,
        paymentRef: `luckybag_${winId}`,
        expiresAt: now,
        paidAt: now,
        createdAt: now,
      },
      select: { id: true, accessToken: true, number: true },
    });
    const line = await tx.orderLine.create({
      data: {
        orderId,
        workshopId: workshop.id,
        productId: product.id,
        variantId: variant.id,
        titleZh: product.titleZh,
        titleEn: product.titleEn,
        variantNameZh: variant.nameZh,
        variantNameEn: variant.nameEn,
        listPriceFen: variant.priceFen,
        unitPriceFen: 0,
        quantity,
        lineTotalFen: 0,
        premiumRateBp: workshop.premiumRateBp,
        villageFundRateBp: workshop.villageFundRateBp,
        hostCommissionBp: 0,
      },
      select: { id: true },
    });
    const fulfilment = await createFulfilmentOrders(
      tx,
      orderId,
      [{ workshopId: workshop.id, lineTotalFen: 0, product, batch: null, workshop }],
      now,
      0,
    );
    const donor =
      win.bag.donor === "host"
        ? ({ kind: "host", hostId: win.bag.hostId } as const)
        : ({ kind: "workshop", workshopId: workshop.id } as const);
    await tx.ledgerEntry.createMany({
      data: prizeEntryRows(
        orderId,
        {
          id: line.id,
          workshopId: workshop.id,
          premiumRateBp: workshop.premiumRateBp,
          villageFundRateBp: workshop.villageFundRateBp,
          villageZh: workshop.villageZh,
          valueFen: variant.priceFen * quantity,
        },
        donor,
        fulfilment,
        now,
      ),
    });
    await tx.luckyBagWin.update({ where: { id: winId }, data: { claimedAt: now, orderId } });
    return { orderId: order.id, accessToken: order.accessToken, number: order.number, already: false };
  });
  if (!claimed.already) await announcePaid(claimed.orderId);
  return claimed;
}
