-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Sentence" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;
