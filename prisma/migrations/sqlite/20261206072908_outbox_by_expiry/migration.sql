-- CreateIndex
CREATE INDEX "OutboxMessage_status_expiresAt_idx" ON "OutboxMessage"("status", "expiresAt");

