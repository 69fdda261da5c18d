-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "removedBlocks" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "sourceFormat" TEXT NOT NULL DEFAULT 'seed',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'published';

-- AlterTable
ALTER TABLE "Sentence" ADD COLUMN     "machineTranslated" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Article_status_idx" ON "Article"("status");

-- CreateIndex
CREATE INDEX "Article_ownerId_idx" ON "Article"("ownerId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
