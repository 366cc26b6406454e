-- CreateEnum
CREATE TYPE "InvitationKind" AS ENUM ('MOBILE', 'WEB');

-- AlterEnum
ALTER TYPE "CodePurpose" ADD VALUE 'MOBILE_ACTIVATION';

-- AlterTable
ALTER TABLE "SiteContact" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "linkSignInAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "VerificationToken" ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'installer-sign-in';

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" "InvitationKind" NOT NULL,
    "requireSms" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_contactId_kind_key" ON "Invitation"("contactId", "kind");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

