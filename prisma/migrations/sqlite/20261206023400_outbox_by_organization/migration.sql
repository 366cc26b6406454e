-- CreateIndex
CREATE INDEX "OutboxMessage_organizationId_status_createdAt_idx" ON "OutboxMessage"("organizationId", "status", "createdAt");

