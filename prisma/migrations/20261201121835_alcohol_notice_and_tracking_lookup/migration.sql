-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "alcohol" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "FulfilmentOrder_trackingNumber_idx" ON "FulfilmentOrder"("trackingNumber");

-- Existing markets: the seeded rice-wine category is alcohol (new seeds set it themselves).
UPDATE "Category" SET "alcohol" = true WHERE "slug" = 'rice-wine';
