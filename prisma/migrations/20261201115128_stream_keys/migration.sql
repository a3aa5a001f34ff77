-- CreateTable
CREATE TABLE "StreamKey" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StreamKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StreamKey_keyHash_key" ON "StreamKey"("keyHash");

-- CreateIndex
CREATE INDEX "StreamKey_showId_idx" ON "StreamKey"("showId");

-- AddForeignKey
ALTER TABLE "StreamKey" ADD CONSTRAINT "StreamKey_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one key of a show is current (not revoked).
CREATE UNIQUE INDEX "StreamKey_one_current_per_show" ON "StreamKey"("showId") WHERE "revokedAt" IS NULL;
