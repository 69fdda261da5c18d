-- CreateTable
CREATE TABLE "DictionarySource" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "senses" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DictionarySource_pkey" PRIMARY KEY ("id")
);
