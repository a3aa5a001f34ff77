-- CreateEnum
CREATE TYPE "AfterSalesKind" AS ENUM ('refund_only', 'return_and_refund');

-- CreateEnum
CREATE TYPE "AfterSalesReason" AS ENUM ('no_reason', 'damaged', 'quality', 'wrong_item', 'missing', 'not_as_described');

-- CreateEnum
CREATE TYPE "AfterSalesStatus" AS ENUM ('requested', 'approved', 'partially_approved', 'awaiting_return', 'returned', 'refunded', 'refused', 'escalated');

-- CreateTable
CREATE TABLE "AfterSalesRequest" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "fulfilmentOrderId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "buyerUserId" TEXT,
    "kind" "AfterSalesKind" NOT NULL,
    "reason" "AfterSalesReason" NOT NULL,
    "note" TEXT,
    "photos" TEXT[],
    "askedFen" INTEGER NOT NULL,
    "approvedFen" INTEGER,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "status" "AfterSalesStatus" NOT NULL DEFAULT 'requested',
    "answerBy" TIMESTAMPTZ(3) NOT NULL,
    "refusalReason" TEXT,
    "returnCourier" TEXT,
    "returnTracking" TEXT,
    "refundId" TEXT,
    "escalatedAt" TIMESTAMPTZ(3),
    "refundedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AfterSalesRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AfterSalesLine" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,

    CONSTRAINT "AfterSalesLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AfterSalesEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromStatus" "AfterSalesStatus",
    "toStatus" "AfterSalesStatus" NOT NULL,
    "actorUserId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AfterSalesEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AfterSalesRequest_refundId_key" ON "AfterSalesRequest"("refundId");

-- CreateIndex
CREATE INDEX "AfterSalesRequest_orderId_idx" ON "AfterSalesRequest"("orderId");

-- CreateIndex
CREATE INDEX "AfterSalesRequest_workshopId_status_answerBy_idx" ON "AfterSalesRequest"("workshopId", "status", "answerBy");

-- CreateIndex
CREATE INDEX "AfterSalesRequest_status_answerBy_idx" ON "AfterSalesRequest"("status", "answerBy");

-- CreateIndex
CREATE INDEX "AfterSalesLine_orderLineId_idx" ON "AfterSalesLine"("orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "AfterSalesLine_requestId_orderLineId_key" ON "AfterSalesLine"("requestId", "orderLineId");

-- CreateIndex
CREATE INDEX "AfterSalesEvent_requestId_createdAt_idx" ON "AfterSalesEvent"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "AfterSalesRequest" ADD CONSTRAINT "AfterSalesRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AfterSalesRequest" ADD CONSTRAINT "AfterSalesRequest_fulfilmentOrderId_fkey" FOREIGN KEY ("fulfilmentOrderId") REFERENCES "FulfilmentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AfterSalesRequest" ADD CONSTRAINT "AfterSalesRequest_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AfterSalesLine" ADD CONSTRAINT "AfterSalesLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AfterSalesRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AfterSalesLine" ADD CONSTRAINT "AfterSalesLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AfterSalesEvent" ADD CONSTRAINT "AfterSalesEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AfterSalesRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot express.
-- At most one open request per parcel, so two requests opened at once cannot both claim the same goods.
CREATE UNIQUE INDEX "AfterSalesRequest_one_open_per_parcel" ON "AfterSalesRequest"("fulfilmentOrderId")
  WHERE "status" NOT IN ('refunded', 'refused');
-- Amounts: positive, an approval never above what was asked, a refund never above what was approved.
ALTER TABLE "AfterSalesRequest" ADD CONSTRAINT "AfterSalesRequest_amounts_check" CHECK (
  "askedFen" > 0
  AND ("approvedFen" IS NULL OR ("approvedFen" > 0 AND "approvedFen" <= "askedFen"))
  AND "refundedFen" >= 0
  AND "refundedFen" <= COALESCE("approvedFen", 0)
);
-- A refunded request names its one provider refund.
ALTER TABLE "AfterSalesRequest" ADD CONSTRAINT "AfterSalesRequest_refunded_check" CHECK (
  ("status" = 'refunded') = ("refundId" IS NOT NULL)
);
ALTER TABLE "AfterSalesLine" ADD CONSTRAINT "AfterSalesLine_amounts_check" CHECK ("quantity" > 0 AND "amountFen" >= 0);
