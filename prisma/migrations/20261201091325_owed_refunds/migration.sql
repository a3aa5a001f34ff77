-- CreateTable
CREATE TABLE "OwedRefund" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "paymentRef" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "stuckAt" TIMESTAMPTZ(3),
    "refundId" TEXT,
    "madeAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwedRefund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OwedRefund_orderId_key" ON "OwedRefund"("orderId");

-- CreateIndex
CREATE INDEX "OwedRefund_madeAt_createdAt_idx" ON "OwedRefund"("madeAt", "createdAt");

-- AddForeignKey
ALTER TABLE "OwedRefund" ADD CONSTRAINT "OwedRefund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
