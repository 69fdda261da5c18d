-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "editedInApp" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Sentence" ADD COLUMN     "note" TEXT;
