-- CreateTable
CREATE TABLE "DictionarySource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "senses" INTEGER NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
