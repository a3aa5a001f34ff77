// A paid order written straight to the database (Order + OrderLines + one FulfilmentOrder per workshop + the
// ledger entries of every line, written by the ledger's own writeSaleEntries), for fulfilment and dashboard
// tests that need orders paid at chosen times or in bulk. Tests of the buying path itself go through checkout.
import { randomBytes } from "node:crypto";
import type { FulfilmentStatus } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { writeReversalEntries, writeSaleEntries, type LineForLedger } from "~/domain/ledger/ledger.server";
import { db } from "~/lib/db.server";

export type FixtureLine = {
  /** A variant by SKU; else the first variant of `productSlug`; else of the workshop's first active product. */
  sku?: string;
  productSlug?: string;
  workshopSlug?: string;
  quantity?: number;
  customisationNote?: string;
  showId?: string;
  batchId?: string;
};

export type PaidOrderOptions = {
  workshopSlug: string;
  lines?: FixtureLine[];
  paidAt?: Date;
  shipBy?: Date;
  status?: FulfilmentStatus;
  buyerEmail?: string;
  contactName?: string;
  phone?: string;
};

async function variantFor(line: FixtureLine, workshopSlug: string) {
  const where: Prisma.VariantWhereInput = line.sku
    ? { sku: line.sku }
    : line.productSlug
      ? { product: { slug: line.productSlug } }
      : { product: { workshop: { slug: workshopSlug }, status: "active", preorder: false } };
  return db.variant.findFirstOrThrow({
    where,
    orderBy: [{ product: { createdAt: "asc" } }, { position: "asc" }],
    include: { product: { include: { workshop: true } } },
  });
}

export async function createPaidOrder(options: PaidOrderOptions) {
  const paidAt = options.paidAt ?? new Date();
  const buyer = options.buyerEmail ? await db.user.findUniqueOrThrow({ where: { email: options.buyerEmail } }) : null;
  const specs = options.lines ?? [{}];
  const resolved = await Promise.all(
    specs.map(async (spec) => {
      const variant = await variantFor(spec, spec.workshopSlug ?? options.workshopSlug);
      const show = spec.showId
        ? await db.show.findUniqueOrThrow({ where: { id: spec.showId }, include: { host: true } })
        : null;
      return { spec, variant, show, quantity: spec.quantity ?? 1 };
    }),
  );
  const linesTotal = resolved.reduce((sum, r) => sum + r.variant.priceFen * r.quantity, 0);
  const shippingFen = 1000;

  return db.$transaction(async (tx) => {
    const order = await tx.order.create({
      data: {
        number: `CB${randomBytes(5).toString("hex").toUpperCase()}`,
        userId: buyer?.id ?? null,
        accessToken: randomBytes(24).toString("base64url"),
        status: "paid",
        contactName: options.contactName ?? "李小梅",
        phone: options.phone ?? "13800138000",
        email: buyer?.email ?? null,
        province: "浙江省",
        city: "杭州市",
        district: "西湖区",
        street: "文三路 90 号 3 幢 502 室",
        subtotalFen: linesTotal,
        shippingFen,
        totalFen: linesTotal + shippingFen,
        paymentProvider: "local",
        paymentRef: `local_${randomBytes(6).toString("hex")}`,
        expiresAt: new Date(paidAt.getTime() + 15 * 60_000),
        paidAt,
        createdAt: paidAt,
      },
    });
    const fulfilmentByWorkshop = new Map<string, string>();
    for (const workshopId of new Set(resolved.map((r) => r.variant.product.workshopId))) {
      const fulfilment = await tx.fulfilmentOrder.create({
        data: {
          orderId: order.id,
          workshopId,
          status: options.status ?? "queued",
          shipBy: options.shipBy ?? new Date(paidAt.getTime() + 72 * 3_600_000),
          shippingFen: fulfilmentByWorkshop.size === 0 ? shippingFen : 0,
          createdAt: paidAt,
          events: { create: { toStatus: "queued", note: "paid", createdAt: paidAt } },
        },
      });
      fulfilmentByWorkshop.set(workshopId, fulfilment.id);
    }
    const lineIds: string[] = [];
    const ledgerLines: LineForLedger[] = [];
    for (const { spec, variant, show, quantity } of resolved) {
      const workshop = variant.product.workshop;
      const lineTotalFen = variant.priceFen * quantity;
      const hostBp = show ? show.host.commissionRateBp : 0;
      const line = await tx.orderLine.create({
        data: {
          orderId: order.id,
          workshopId: workshop.id,
          productId: variant.productId,
          variantId: variant.id,
          titleZh: variant.product.titleZh,
          titleEn: variant.product.titleEn,
          variantNameZh: variant.nameZh,
          variantNameEn: variant.nameEn,
          listPriceFen: variant.priceFen,
          unitPriceFen: variant.priceFen,
          quantity,
          lineTotalFen,
          premiumRateBp: workshop.premiumRateBp,
          villageFundRateBp: workshop.villageFundRateBp,
          hostCommissionBp: hostBp,
          customisationNote: spec.customisationNote ?? null,
          showId: show?.id ?? null,
          hostId: show?.hostId ?? null,
          batchId: spec.batchId ?? null,
        },
      });
      lineIds.push(line.id);
      ledgerLines.push({ ...line, villageZh: workshop.villageZh });
    }
    await writeSaleEntries(tx, order.id, ledgerLines, fulfilmentByWorkshop, paidAt);
    const [workshopId] = [...fulfilmentByWorkshop.keys()];
    return {
      orderId: order.id,
      number: order.number,
      accessToken: order.accessToken,
      totalFen: order.totalFen,
      lineIds,
      fulfilmentOrderId: fulfilmentByWorkshop.get(workshopId)!,
      fulfilmentByWorkshop,
    };
  });
}

/** A refund or cancellation as the checkout area records it (the ledger's own reversal), dated `at`. */
export async function reverseOrder(orderId: string, at = new Date()) {
  await db.$transaction((tx) => writeReversalEntries(tx, orderId, undefined, at));
}

export async function workshopBySlug(slug: string) {
  return db.workshop.findUniqueOrThrow({ where: { slug } });
}

export async function userByEmail(email: string) {
  return db.user.findUniqueOrThrow({ where: { email } });
}
