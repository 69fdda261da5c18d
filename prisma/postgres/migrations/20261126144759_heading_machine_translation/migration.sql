-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "headingMachineTranslated" BOOLEAN NOT NULL DEFAULT false;
