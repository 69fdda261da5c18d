-- CreateIndex
CREATE INDEX "Article_publishedAt_slug_idx" ON "Article"("publishedAt" DESC, "slug");

-- CreateIndex
CREATE INDEX "Article_outlet_publishedAt_slug_idx" ON "Article"("outlet", "publishedAt" DESC, "slug");
