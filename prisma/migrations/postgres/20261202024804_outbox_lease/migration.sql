-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "leasedUntil" TIMESTAMP(3);

