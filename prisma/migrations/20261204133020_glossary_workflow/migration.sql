-- CreateTable
CREATE TABLE "TermRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "termId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TermRevision_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TermRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Term" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lemma" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'approved',
    "rejectionReason" TEXT,
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
    "sourceUrl" TEXT,
    "grammarOverride" TEXT,
    "contentHash" TEXT NOT NULL DEFAULT '',
    "editedInApp" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "proposedById" TEXT,
    "proposedFromId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Term_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Term_proposedFromId_fkey" FOREIGN KEY ("proposedFromId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Term" ("contentHash", "createdAt", "definitionDe", "definitionEn", "englishAlternatives", "englishPreferred", "gender", "genitive", "id", "kind", "lemma", "plural", "related", "separable", "source", "updatedAt", "usageNote", "variants") SELECT "contentHash", "createdAt", "definitionDe", "definitionEn", "englishAlternatives", "englishPreferred", "gender", "genitive", "id", "kind", "lemma", "plural", "related", "separable", "source", "updatedAt", "usageNote", "variants" FROM "Term";
DROP TABLE "Term";
ALTER TABLE "new_Term" RENAME TO "Term";
CREATE UNIQUE INDEX "Term_lemma_key" ON "Term"("lemma");
CREATE INDEX "Term_kind_idx" ON "Term"("kind");
CREATE INDEX "Term_status_idx" ON "Term"("status");
CREATE INDEX "Term_proposedFromId_idx" ON "Term"("proposedFromId");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "teacherRequest" TEXT,
    "glossaryEditor" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerified", "id", "image", "name", "role", "teacherRequest", "updatedAt") SELECT "createdAt", "email", "emailVerified", "id", "image", "name", "role", "teacherRequest", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_teacherRequest_idx" ON "User"("teacherRequest");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TermRevision_authorId_idx" ON "TermRevision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "TermRevision_termId_version_key" ON "TermRevision"("termId", "version");
