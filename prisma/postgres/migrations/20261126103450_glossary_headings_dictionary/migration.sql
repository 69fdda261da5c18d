-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "tokens" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "contentHash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "definitionDe" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "definitionEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "englishAlternatives" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "englishPreferred" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "gender" TEXT,
ADD COLUMN     "genitive" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'noun',
ADD COLUMN     "plural" TEXT,
ADD COLUMN     "related" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "separable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "usageNote" TEXT,
ADD COLUMN     "variants" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "TermOccurrence" ADD COLUMN     "sectionId" TEXT,
ALTER COLUMN "sentenceId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "TermDomain" (
    "termId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,

    CONSTRAINT "TermDomain_pkey" PRIMARY KEY ("termId","domain")
);

-- CreateTable
CREATE TABLE "DictionaryEntry" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "german" TEXT NOT NULL,
    "english" TEXT NOT NULL,
    "line" INTEGER NOT NULL,

    CONSTRAINT "DictionaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TermDomain_domain_idx" ON "TermDomain"("domain");

-- CreateIndex
CREATE INDEX "DictionaryEntry_key_idx" ON "DictionaryEntry"("key");

-- CreateIndex
CREATE INDEX "Term_kind_idx" ON "Term"("kind");

-- CreateIndex
CREATE INDEX "TermOccurrence_sectionId_idx" ON "TermOccurrence"("sectionId");

-- AddForeignKey
ALTER TABLE "TermDomain" ADD CONSTRAINT "TermDomain_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermOccurrence" ADD CONSTRAINT "TermOccurrence_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;
