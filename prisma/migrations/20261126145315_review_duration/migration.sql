-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "durationMs" INTEGER;
