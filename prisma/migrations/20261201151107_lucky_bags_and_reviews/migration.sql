-- CreateEnum
CREATE TYPE "LuckyBagEntryRule" AS ENUM ('tap', 'phrase', 'follow');

-- CreateEnum
CREATE TYPE "LuckyBagDonor" AS ENUM ('workshop', 'host');

-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'promotion';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "reviewCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewStarsSum" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LuckyBag" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "donor" "LuckyBagDonor" NOT NULL,
    "winnersCount" INTEGER NOT NULL,
    "unitsPerWinner" INTEGER NOT NULL,
    "entryRule" "LuckyBagEntryRule" NOT NULL,
    "phrase" TEXT,
    "seedCommit" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "drawnAt" TIMESTAMPTZ(3),
    "entriesCount" INTEGER NOT NULL DEFAULT 0,
    "returnedUnits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LuckyBag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LuckyBagEntry" (
    "id" TEXT NOT NULL,
    "bagId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "via" "LuckyBagEntryRule" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LuckyBagEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LuckyBagWin" (
    "id" TEXT NOT NULL,
    "bagId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "claimBy" TIMESTAMPTZ(3) NOT NULL,
    "claimedAt" TIMESTAMPTZ(3),
    "orderId" TEXT,
    "returnedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LuckyBagWin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "photos" TEXT[],
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "authorName" TEXT NOT NULL,
    "reply" TEXT,
    "repliedAt" TIMESTAMPTZ(3),
    "replyUserId" TEXT,
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenReason" TEXT,
    "hiddenByUserId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LuckyBag_showId_createdAt_idx" ON "LuckyBag"("showId", "createdAt");

-- CreateIndex
CREATE INDEX "LuckyBag_drawnAt_endsAt_idx" ON "LuckyBag"("drawnAt", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "LuckyBagEntry_bagId_userId_key" ON "LuckyBagEntry"("bagId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "LuckyBagWin_entryId_key" ON "LuckyBagWin"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "LuckyBagWin_orderId_key" ON "LuckyBagWin"("orderId");

-- CreateIndex
CREATE INDEX "LuckyBagWin_userId_idx" ON "LuckyBagWin"("userId");

-- CreateIndex
CREATE INDEX "LuckyBagWin_claimedAt_returnedAt_claimBy_idx" ON "LuckyBagWin"("claimedAt", "returnedAt", "claimBy");

-- CreateIndex
CREATE UNIQUE INDEX "LuckyBagWin_bagId_position_key" ON "LuckyBagWin"("bagId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Review_orderLineId_key" ON "Review"("orderLineId");

-- CreateIndex
CREATE INDEX "Review_productId_createdAt_idx" ON "Review"("productId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_workshopId_createdAt_idx" ON "Review"("workshopId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_userId_idx" ON "Review"("userId");

-- AddForeignKey
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBagEntry" ADD CONSTRAINT "LuckyBagEntry_bagId_fkey" FOREIGN KEY ("bagId") REFERENCES "LuckyBag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBagEntry" ADD CONSTRAINT "LuckyBagEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBagWin" ADD CONSTRAINT "LuckyBagWin_bagId_fkey" FOREIGN KEY ("bagId") REFERENCES "LuckyBag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBagWin" ADD CONSTRAINT "LuckyBagWin_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LuckyBagEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBagWin" ADD CONSTRAINT "LuckyBagWin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LuckyBagWin" ADD CONSTRAINT "LuckyBagWin_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A show runs one lucky bag at a time: at most one not yet drawn.
CREATE UNIQUE INDEX "LuckyBag_one_open_per_show" ON "LuckyBag"("showId") WHERE "drawnAt" IS NULL;
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_winners_range" CHECK ("winnersCount" BETWEEN 1 AND 100);
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_units_range" CHECK ("unitsPerWinner" BETWEEN 1 AND 20);
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_countdown_range"
  CHECK ("endsAt" >= "startsAt" + interval '1 minute' AND "endsAt" <= "startsAt" + interval '15 minutes');
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_phrase_rule" CHECK (("entryRule" = 'phrase') = ("phrase" IS NOT NULL));
-- Never more prize units back to stock than were taken from it.
ALTER TABLE "LuckyBag" ADD CONSTRAINT "LuckyBag_returned_range"
  CHECK ("returnedUnits" >= 0 AND "returnedUnits" <= "winnersCount" * "unitsPerWinner");
ALTER TABLE "LuckyBagWin" ADD CONSTRAINT "LuckyBagWin_claimed_or_returned"
  CHECK ("claimedAt" IS NULL OR "returnedAt" IS NULL);
ALTER TABLE "LuckyBagWin" ADD CONSTRAINT "LuckyBagWin_claim_has_order" CHECK (("claimedAt" IS NULL) = ("orderId" IS NULL));

ALTER TABLE "Review" ADD CONSTRAINT "Review_stars_range" CHECK ("stars" BETWEEN 1 AND 5);
ALTER TABLE "Review" ADD CONSTRAINT "Review_photos_at_most_six" CHECK (cardinality("photos") <= 6);
ALTER TABLE "Review" ADD CONSTRAINT "Review_hidden_has_reason" CHECK (("hiddenAt" IS NULL) = ("hiddenReason" IS NULL));
ALTER TABLE "Review" ADD CONSTRAINT "Review_reply_once" CHECK (("reply" IS NULL) = ("repliedAt" IS NULL));
ALTER TABLE "Product" ADD CONSTRAINT "Product_review_figures" CHECK ("reviewCount" >= 0 AND "reviewStarsSum" BETWEEN "reviewCount" AND 5 * "reviewCount");
