-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "headingDe" TEXT,
    "headingEn" TEXT,
    "headingMachineTranslated" BOOLEAN NOT NULL DEFAULT false,
    "tokens" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Section_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Section" ("articleId", "headingDe", "headingEn", "id", "position", "tokens") SELECT "articleId", "headingDe", "headingEn", "id", "position", "tokens" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE UNIQUE INDEX "Section_articleId_position_key" ON "Section"("articleId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
