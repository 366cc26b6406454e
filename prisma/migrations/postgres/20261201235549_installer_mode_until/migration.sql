-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "installerModeUntil" TIMESTAMP(3);

