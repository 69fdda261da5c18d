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
    "wordCount" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "engineVersion" TEXT,
    "annotatedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'published',
    "ownerId" TEXT,
    "sourceFormat" TEXT NOT NULL DEFAULT 'seed',
    "removedBlocks" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("annotatedAt", "contentHash", "createdAt", "engineVersion", "id", "outlet", "ownerId", "publishedAt", "removedBlocks", "slug", "sourceFormat", "sourceNoteDe", "sourceNoteEn", "status", "titleDe", "titleEn", "titleMachineTranslated", "updatedAt", "wordCount") SELECT "annotatedAt", "contentHash", "createdAt", "engineVersion", "id", "outlet", "ownerId", "publishedAt", "removedBlocks", "slug", "sourceFormat", "sourceNoteDe", "sourceNoteEn", "status", "titleDe", "titleEn", "titleMachineTranslated", "updatedAt", "wordCount" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_idx" ON "Article"("status");
CREATE INDEX "Article_ownerId_idx" ON "Article"("ownerId");
CREATE TABLE "new_Sentence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paragraphId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textDe" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "machineTranslated" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "tokens" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Sentence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Sentence" ("id", "machineTranslated", "paragraphId", "position", "textDe", "textEn", "tokens") SELECT "id", "machineTranslated", "paragraphId", "position", "textDe", "textEn", "tokens" FROM "Sentence";
DROP TABLE "Sentence";
ALTER TABLE "new_Sentence" RENAME TO "Sentence";
CREATE UNIQUE INDEX "Sentence_paragraphId_position_key" ON "Sentence"("paragraphId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
