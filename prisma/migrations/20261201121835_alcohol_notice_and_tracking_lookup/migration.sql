-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "alcohol" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "FulfilmentOrder_trackingNumber_idx" ON "FulfilmentOrder"("trackingNumber");
