-- AlterTable (additive: two columns with a null or a default, no table rebuild)
ALTER TABLE "Article" ADD COLUMN "sourceUrl" TEXT;
ALTER TABLE "Article" ADD COLUMN "visibility" TEXT NOT NULL DEFAULT 'public';

-- CreateIndex
CREATE INDEX "Article_visibility_idx" ON "Article"("visibility");
