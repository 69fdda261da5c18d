-- AlterTable
ALTER TABLE "Sentence" ADD COLUMN "note" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "titleDe" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleMachineTranslated" BOOLEAN NOT NULL DEFAULT false,
    "outlet" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "sourceNoteDe" TEXT NOT NULL,
    "sourceNoteEn" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "wordCount" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "editedInApp" BOOLEAN NOT NULL DEFAULT false,
    "engineVersion" TEXT,
    "annotatedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'published',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "ownerId" TEXT,
    "sourceFormat" TEXT NOT NULL DEFAULT 'seed',
    "removedBlocks" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("annotatedAt", "contentHash", "createdAt", "engineVersion", "id", "outlet", "ownerId", "publishedAt", "removedBlocks", "slug", "sourceFormat", "sourceNoteDe", "sourceNoteEn", "sourceUrl", "status", "titleDe", "titleEn", "titleMachineTranslated", "updatedAt", "version", "visibility", "wordCount") SELECT "annotatedAt", "contentHash", "createdAt", "engineVersion", "id", "outlet", "ownerId", "publishedAt", "removedBlocks", "slug", "sourceFormat", "sourceNoteDe", "sourceNoteEn", "sourceUrl", "status", "titleDe", "titleEn", "titleMachineTranslated", "updatedAt", "version", "visibility", "wordCount" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_visibility_outlet_ownerId_idx" ON "Article"("status", "visibility", "outlet", "ownerId");
CREATE INDEX "Article_ownerId_idx" ON "Article"("ownerId");
CREATE INDEX "Article_visibility_idx" ON "Article"("visibility");
CREATE INDEX "Article_publishedAt_slug_status_visibility_ownerId_id_idx" ON "Article"("publishedAt" DESC, "slug", "status", "visibility", "ownerId", "id");
CREATE INDEX "Article_outlet_publishedAt_slug_status_visibility_ownerId_id_idx" ON "Article"("outlet", "publishedAt" DESC, "slug", "status", "visibility", "ownerId", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
