-- CreateEnum
CREATE TYPE "PayeeKind" AS ENUM ('workshop', 'premium_fund', 'host', 'village', 'platform', 'worker');

-- CreateEnum
CREATE TYPE "PayoutRunStatus" AS ENUM ('prepared', 'approved', 'sending', 'done');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('pending', 'sending', 'paid', 'failed', 'needs_attention');

-- CreateEnum
CREATE TYPE "WorkUnit" AS ENUM ('pieces', 'hours', 'days');

-- CreateTable
CREATE TABLE "Payee" (
    "id" TEXT NOT NULL,
    "kind" "PayeeKind" NOT NULL,
    "refId" TEXT NOT NULL,
    "workshopId" TEXT,
    "displayName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayeeAccount" (
    "payeeId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "accountRef" TEXT NOT NULL,
    "accountName" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PayeeAccount_pkey" PRIMARY KEY ("payeeId")
);

-- CreateTable
CREATE TABLE "Settlement" (
    "id" TEXT NOT NULL,
    "cutoff" TIMESTAMPTZ(3) NOT NULL,
    "triggeredBy" TEXT,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL,
    "settlementId" TEXT NOT NULL,
    "payeeId" TEXT NOT NULL,
    "periodFrom" TIMESTAMPTZ(3) NOT NULL,
    "periodTo" TIMESTAMPTZ(3) NOT NULL,
    "openingFen" INTEGER NOT NULL,
    "entriesFen" INTEGER NOT NULL,
    "deductionsFen" INTEGER NOT NULL,
    "payoutFen" INTEGER NOT NULL,
    "closingFen" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementEntry" (
    "ledgerEntryId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "deduction" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "StatementEntry_pkey" PRIMARY KEY ("ledgerEntryId")
);

-- CreateTable
CREATE TABLE "PayoutRun" (
    "id" TEXT NOT NULL,
    "status" "PayoutRunStatus" NOT NULL DEFAULT 'prepared',
    "preparedBy" TEXT NOT NULL,
    "approvedBy" TEXT,
    "totalFen" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "preparedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),

    CONSTRAINT "PayoutRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payout" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "statementId" TEXT,
    "payeeKind" "PayeeKind" NOT NULL,
    "payeeId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'pending',
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "paidAt" TIMESTAMPTZ(3),
    "bankReference" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectId" TEXT,
    "detail" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "code" TEXT,
    "stationZh" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "remainderTo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkRecord" (
    "id" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "unit" "WorkUnit" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerShare" (
    "payoutId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "work" INTEGER NOT NULL,
    "totalWork" INTEGER NOT NULL,
    "fundFen" INTEGER NOT NULL,
    "accessToken" TEXT NOT NULL,

    CONSTRAINT "WorkerShare_pkey" PRIMARY KEY ("payoutId")
);

-- CreateIndex
CREATE INDEX "Payee_workshopId_idx" ON "Payee"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "Payee_kind_refId_key" ON "Payee"("kind", "refId");

-- CreateIndex
CREATE INDEX "Statement_payeeId_createdAt_idx" ON "Statement"("payeeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_settlementId_payeeId_key" ON "Statement"("settlementId", "payeeId");

-- CreateIndex
CREATE INDEX "StatementEntry_statementId_idx" ON "StatementEntry"("statementId");

-- CreateIndex
CREATE INDEX "Payout_runId_idx" ON "Payout"("runId");

-- CreateIndex
CREATE INDEX "Payout_status_idx" ON "Payout"("status");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectId_idx" ON "AuditLog"("subjectId");

-- CreateIndex
CREATE INDEX "Worker_workshopId_idx" ON "Worker"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "Worker_workshopId_displayName_key" ON "Worker"("workshopId", "displayName");

-- CreateIndex
CREATE UNIQUE INDEX "WorkRecord_workerId_period_unit_key" ON "WorkRecord"("workerId", "period", "unit");

-- CreateIndex
CREATE UNIQUE INDEX "WorkerShare_accessToken_key" ON "WorkerShare"("accessToken");

-- CreateIndex
CREATE INDEX "WorkerShare_workerId_idx" ON "WorkerShare"("workerId");

-- AddForeignKey
ALTER TABLE "PayeeAccount" ADD CONSTRAINT "PayeeAccount_payeeId_fkey" FOREIGN KEY ("payeeId") REFERENCES "Payee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_payeeId_fkey" FOREIGN KEY ("payeeId") REFERENCES "Payee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_preparedBy_fkey" FOREIGN KEY ("preparedBy") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_approvedBy_fkey" FOREIGN KEY ("approvedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PayoutRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_payeeId_fkey" FOREIGN KEY ("payeeId") REFERENCES "Payee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Worker" ADD CONSTRAINT "Worker_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkRecord" ADD CONSTRAINT "WorkRecord_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkerShare" ADD CONSTRAINT "WorkerShare_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkerShare" ADD CONSTRAINT "WorkerShare_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Maker-checker: whoever prepared a payout run cannot be the one who approves it.
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_approver_not_preparer" CHECK ("approvedBy" IS NULL OR "approvedBy" <> "preparedBy");
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_approved_has_approver" CHECK (status = 'prepared' OR "approvedBy" IS NOT NULL);
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_balances" CHECK ("openingFen" + "entriesFen" + "deductionsFen" = "payoutFen" + "closingFen" AND "payoutFen" >= 0);
ALTER TABLE "WorkRecord" ADD CONSTRAINT "WorkRecord_quantity_positive" CHECK (quantity > 0);
-- A statement is paid at most once: one payout (or, for a premium fund shared out, one per worker).
CREATE UNIQUE INDEX "Payout_one_per_statement" ON "Payout" ("statementId", "payeeId") WHERE "statementId" IS NOT NULL;
