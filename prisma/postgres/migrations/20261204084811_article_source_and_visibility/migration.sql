-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sourceUrl" TEXT,
ADD COLUMN     "visibility" TEXT NOT NULL DEFAULT 'public';

-- CreateIndex
CREATE INDEX "Article_visibility_idx" ON "Article"("visibility");
