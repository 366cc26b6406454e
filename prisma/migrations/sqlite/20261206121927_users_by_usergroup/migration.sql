-- CreateIndex
CREATE INDEX "User_usergroupId_idx" ON "User"("usergroupId");

