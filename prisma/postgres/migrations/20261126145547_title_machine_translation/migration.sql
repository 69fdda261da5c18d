-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "titleMachineTranslated" BOOLEAN NOT NULL DEFAULT false;
