-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "leasedUntil" DATETIME;

