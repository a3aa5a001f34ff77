-- The packing queue, pre-order batches and dashboards at 10,000+ parcels per workshop (see tests/bench/queue-page.ts).

-- CreateIndex
CREATE INDEX "OrderLine_batchId_idx" ON "OrderLine"("batchId");

-- CreateIndex
CREATE INDEX "FulfilmentOrder_workshopId_shipBy_idx" ON "FulfilmentOrder"("workshopId", "shipBy");

-- CreateIndex
CREATE INDEX "LedgerEntry_orderLineId_idx" ON "LedgerEntry"("orderLineId");
