-- DropIndex
DROP INDEX "Installer_organizationId_createdAt_idx";

-- DropIndex
DROP INDEX "Installer_organizationId_name_idx";

-- DropIndex
DROP INDEX "Installer_organizationId_email_idx";

-- DropIndex
DROP INDEX "Installer_organizationId_phone_idx";

-- DropIndex
DROP INDEX "Installer_organizationId_status_idx";

-- DropIndex
DROP INDEX "Installer_organizationId_lastLoginAt_idx";

-- DropIndex
DROP INDEX "Installer_organizationId_panelCount_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "installerCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Organization" ("createdAt", "id", "name") SELECT "createdAt", "id", "name" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Installer_organizationId_createdAt_id_idx" ON "Installer"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Installer_organizationId_name_id_idx" ON "Installer"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Installer_organizationId_email_id_idx" ON "Installer"("organizationId", "email", "id");

-- CreateIndex
CREATE INDEX "Installer_organizationId_phone_id_idx" ON "Installer"("organizationId", "phone", "id");

-- CreateIndex
CREATE INDEX "Installer_organizationId_status_id_idx" ON "Installer"("organizationId", "status", "id");

-- CreateIndex
CREATE INDEX "Installer_organizationId_lastLoginAt_id_idx" ON "Installer"("organizationId", "lastLoginAt", "id");

-- CreateIndex
CREATE INDEX "Installer_organizationId_panelCount_id_idx" ON "Installer"("organizationId", "panelCount", "id");


-- Backfill the installer counter.
UPDATE "Organization" SET "installerCount" = (SELECT COUNT(*) FROM "Installer" WHERE "Installer"."organizationId" = "Organization"."id");
