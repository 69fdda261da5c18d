-- The title search's trigram indexes need pg_trgm (a trusted extension: the database owner may create it).
-- Added by hand: Prisma tracks extensions only behind a preview flag (docs/decisions/039-paging-at-scale.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "Article_status_idx";

-- CreateIndex
CREATE INDEX "Article_status_visibility_outlet_ownerId_idx" ON "Article"("status", "visibility", "outlet", "ownerId");

-- CreateIndex
CREATE INDEX "Article_publishedAt_slug_status_visibility_ownerId_id_idx" ON "Article"("publishedAt" DESC, "slug", "status", "visibility", "ownerId", "id");

-- CreateIndex
CREATE INDEX "Article_outlet_publishedAt_slug_status_visibility_ownerId_i_idx" ON "Article"("outlet", "publishedAt" DESC, "slug", "status", "visibility", "ownerId", "id");

-- CreateIndex
CREATE INDEX "Article_titleDe_idx" ON "Article" USING GIN ("titleDe" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_titleEn_idx" ON "Article" USING GIN ("titleEn" gin_trgm_ops);
