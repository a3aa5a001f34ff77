-- CreateEnum
CREATE TYPE "CouponFunder" AS ENUM ('workshop', 'market');

-- CreateEnum
CREATE TYPE "CouponKind" AS ENUM ('amount_off', 'percent_off');

-- CreateEnum
CREATE TYPE "CouponScope" AS ENUM ('workshop', 'product', 'show');

-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'discount';

-- AlterTable
ALTER TABLE "Show" ADD COLUMN     "couponPinnedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pinnedCouponId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "couponClaimId" TEXT,
ADD COLUMN     "discountFen" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "discountFen" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL,
    "funder" "CouponFunder" NOT NULL,
    "scope" "CouponScope" NOT NULL,
    "workshopId" TEXT,
    "productId" TEXT,
    "showId" TEXT,
    "kind" "CouponKind" NOT NULL,
    "thresholdFen" INTEGER NOT NULL DEFAULT 0,
    "amountOffFen" INTEGER,
    "percentOffBp" INTEGER,
    "capFen" INTEGER,
    "claimStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "claimEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "total" INTEGER NOT NULL,
    "claimed" INTEGER NOT NULL DEFAULT 0,
    "perShopperLimit" INTEGER NOT NULL DEFAULT 1,
    "validHours" INTEGER NOT NULL,
    "stoppedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouponClaim" (
    "id" TEXT NOT NULL,
    "couponId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "orderId" TEXT,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CouponClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Coupon_workshopId_createdAt_idx" ON "Coupon"("workshopId", "createdAt");

-- CreateIndex
CREATE INDEX "Coupon_showId_idx" ON "Coupon"("showId");

-- CreateIndex
CREATE UNIQUE INDEX "CouponClaim_orderId_key" ON "CouponClaim"("orderId");

-- CreateIndex
CREATE INDEX "CouponClaim_userId_expiresAt_idx" ON "CouponClaim"("userId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CouponClaim_couponId_userId_seq_key" ON "CouponClaim"("couponId", "userId", "seq");

-- AddForeignKey
ALTER TABLE "Show" ADD CONSTRAINT "Show_pinnedCouponId_fkey" FOREIGN KEY ("pinnedCouponId") REFERENCES "Coupon"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_couponClaimId_fkey" FOREIGN KEY ("couponClaimId") REFERENCES "CouponClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouponClaim" ADD CONSTRAINT "CouponClaim_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouponClaim" ADD CONSTRAINT "CouponClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A coupon never gives out more than its total, whatever the concurrency (claims are conditional updates too).
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_claimed_within_total" CHECK ("claimed" >= 0 AND "claimed" <= "total");
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_sane" CHECK (
  "total" > 0 AND "perShopperLimit" >= 1 AND "validHours" >= 1 AND "thresholdFen" >= 0 AND "claimEndsAt" > "claimStartsAt"
  AND ("funder" <> 'workshop' OR "workshopId" IS NOT NULL)
  AND ("scope" <> 'product' OR "productId" IS NOT NULL)
  AND ("scope" <> 'show' OR "showId" IS NOT NULL)
  AND ("scope" <> 'workshop' OR "workshopId" IS NOT NULL)
  AND (("kind" = 'amount_off' AND "amountOffFen" > 0) OR ("kind" = 'percent_off' AND "percentOffBp" BETWEEN 1 AND 9999 AND "capFen" > 0)));
-- The n-th claim of a shopper is numbered 1..limit; (coupon, user, seq) is unique, so a shopper never holds more.
ALTER TABLE "CouponClaim" ADD CONSTRAINT "CouponClaim_seq_positive" CHECK ("seq" >= 1);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_discount_within_line" CHECK ("discountFen" >= 0 AND "lineTotalFen" >= 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_discount_within_goods" CHECK ("discountFen" >= 0 AND "discountFen" <= "subtotalFen");
-- A line's total is what was paid for it (less its part of a coupon), an order's is its goods less the discount
-- plus shipping.
ALTER TABLE "OrderLine" DROP CONSTRAINT "OrderLine_total_matches";
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_total_matches" CHECK ("lineTotalFen" + "discountFen" = "unitPriceFen" * "quantity");
ALTER TABLE "Order" DROP CONSTRAINT "Order_total_matches";
ALTER TABLE "Order" ADD CONSTRAINT "Order_total_matches" CHECK ("totalFen" = "subtotalFen" - "discountFen" + "shippingFen" AND "totalFen" >= 0);
