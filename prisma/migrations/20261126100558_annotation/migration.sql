-- AlterTable
ALTER TABLE "Article" ADD COLUMN "annotatedAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "engineVersion" TEXT;

-- CreateTable
CREATE TABLE "Term" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lemma" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TermOccurrence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "termId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    CONSTRAINT "TermOccurrence_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TermOccurrence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TermOccurrence_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleLemma" (
    "articleId" TEXT NOT NULL,
    "lemma" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "lemma"),
    CONSTRAINT "ArticleLemma_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Sentence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "paragraphId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textDe" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "tokens" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Sentence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Sentence" ("id", "paragraphId", "position", "textDe", "textEn") SELECT "id", "paragraphId", "position", "textDe", "textEn" FROM "Sentence";
DROP TABLE "Sentence";
ALTER TABLE "new_Sentence" RENAME TO "Sentence";
CREATE UNIQUE INDEX "Sentence_paragraphId_position_key" ON "Sentence"("paragraphId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Term_lemma_key" ON "Term"("lemma");

-- CreateIndex
CREATE INDEX "TermOccurrence_termId_idx" ON "TermOccurrence"("termId");

-- CreateIndex
CREATE INDEX "TermOccurrence_articleId_idx" ON "TermOccurrence"("articleId");

-- CreateIndex
CREATE INDEX "TermOccurrence_sentenceId_idx" ON "TermOccurrence"("sentenceId");

-- CreateIndex
CREATE INDEX "ArticleLemma_lemma_idx" ON "ArticleLemma"("lemma");
