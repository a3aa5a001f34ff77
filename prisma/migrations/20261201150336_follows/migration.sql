-- CreateTable
CREATE TABLE "Follow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hostId" TEXT,
    "workshopId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Follow_hostId_idx" ON "Follow"("hostId");

-- CreateIndex
CREATE INDEX "Follow_workshopId_idx" ON "Follow"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_hostId_key" ON "Follow"("userId", "hostId");

-- CreateIndex
CREATE UNIQUE INDEX "Follow_userId_workshopId_key" ON "Follow"("userId", "workshopId");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A follow names exactly one of a host or a workshop.
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_one_target" CHECK (("hostId" IS NULL) <> ("workshopId" IS NULL));
