-- DropIndex
DROP INDEX "Article_status_idx";

-- CreateIndex
CREATE INDEX "Article_status_visibility_outlet_ownerId_idx" ON "Article"("status", "visibility", "outlet", "ownerId");

-- CreateIndex
CREATE INDEX "Article_publishedAt_slug_status_visibility_ownerId_id_idx" ON "Article"("publishedAt" DESC, "slug", "status", "visibility", "ownerId", "id");

-- CreateIndex
CREATE INDEX "Article_outlet_publishedAt_slug_status_visibility_ownerId_id_idx" ON "Article"("outlet", "publishedAt" DESC, "slug", "status", "visibility", "ownerId", "id");
