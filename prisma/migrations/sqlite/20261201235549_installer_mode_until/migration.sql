-- AlterTable
ALTER TABLE "Site" ADD COLUMN "installerModeUntil" DATETIME;

