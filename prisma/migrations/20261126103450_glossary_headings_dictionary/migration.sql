-- CreateTable
CREATE TABLE "TermDomain" (
    "termId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,

    PRIMARY KEY ("termId", "domain"),
    CONSTRAINT "TermDomain_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DictionaryEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "german" TEXT NOT NULL,
    "english" TEXT NOT NULL,
    "line" INTEGER NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "headingDe" TEXT,
    "headingEn" TEXT,
    "tokens" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Section_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Section" ("articleId", "headingDe", "headingEn", "id", "position") SELECT "articleId", "headingDe", "headingEn", "id", "position" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE UNIQUE INDEX "Section_articleId_position_key" ON "Section"("articleId", "position");
CREATE TABLE "new_Term" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lemma" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'noun',
    "gender" TEXT,
    "plural" TEXT,
    "genitive" TEXT,
    "separable" BOOLEAN NOT NULL DEFAULT false,
    "englishPreferred" TEXT NOT NULL DEFAULT '',
    "englishAlternatives" TEXT NOT NULL DEFAULT '[]',
    "definitionEn" TEXT NOT NULL DEFAULT '',
    "definitionDe" TEXT NOT NULL DEFAULT '',
    "usageNote" TEXT,
    "related" TEXT NOT NULL DEFAULT '[]',
    "variants" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Term" ("createdAt", "id", "lemma", "updatedAt") SELECT "createdAt", "id", "lemma", "updatedAt" FROM "Term";
DROP TABLE "Term";
ALTER TABLE "new_Term" RENAME TO "Term";
CREATE UNIQUE INDEX "Term_lemma_key" ON "Term"("lemma");
CREATE INDEX "Term_kind_idx" ON "Term"("kind");
CREATE TABLE "new_TermOccurrence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "termId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "sentenceId" TEXT,
    "sectionId" TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    CONSTRAINT "TermOccurrence_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TermOccurrence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TermOccurrence_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TermOccurrence_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TermOccurrence" ("articleId", "end", "id", "kind", "sentenceId", "start", "surface", "termId") SELECT "articleId", "end", "id", "kind", "sentenceId", "start", "surface", "termId" FROM "TermOccurrence";
DROP TABLE "TermOccurrence";
ALTER TABLE "new_TermOccurrence" RENAME TO "TermOccurrence";
CREATE INDEX "TermOccurrence_termId_idx" ON "TermOccurrence"("termId");
CREATE INDEX "TermOccurrence_articleId_idx" ON "TermOccurrence"("articleId");
CREATE INDEX "TermOccurrence_sentenceId_idx" ON "TermOccurrence"("sentenceId");
CREATE INDEX "TermOccurrence_sectionId_idx" ON "TermOccurrence"("sectionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TermDomain_domain_idx" ON "TermDomain"("domain");

-- CreateIndex
CREATE INDEX "DictionaryEntry_key_idx" ON "DictionaryEntry"("key");
