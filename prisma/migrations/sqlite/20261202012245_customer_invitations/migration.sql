-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN "linkSignInAt" DATETIME;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "requireSms" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SiteContact" (
    "siteId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'SITE_MEMBER',
    "enabled" BOOLEAN NOT NULL DEFAULT true,

    PRIMARY KEY ("siteId", "contactId"),
    CONSTRAINT "SiteContact_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SiteContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SiteContact" ("contactId", "role", "siteId") SELECT "contactId", "role", "siteId" FROM "SiteContact";
DROP TABLE "SiteContact";
ALTER TABLE "new_SiteContact" RENAME TO "SiteContact";
CREATE INDEX "SiteContact_contactId_idx" ON "SiteContact"("contactId");
CREATE TABLE "new_VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'installer-sign-in',

    PRIMARY KEY ("identifier", "token")
);
INSERT INTO "new_VerificationToken" ("expires", "identifier", "token") SELECT "expires", "identifier", "token" FROM "VerificationToken";
DROP TABLE "VerificationToken";
ALTER TABLE "new_VerificationToken" RENAME TO "VerificationToken";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_contactId_kind_key" ON "Invitation"("contactId", "kind");

