-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "annotatedAt" TIMESTAMP(3),
ADD COLUMN     "engineVersion" TEXT;

-- AlterTable
ALTER TABLE "Sentence" ADD COLUMN     "tokens" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Term" (
    "id" TEXT NOT NULL,
    "lemma" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermOccurrence" (
    "id" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "surface" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "TermOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleLemma" (
    "articleId" TEXT NOT NULL,
    "lemma" TEXT NOT NULL,

    CONSTRAINT "ArticleLemma_pkey" PRIMARY KEY ("articleId","lemma")
);

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

-- AddForeignKey
ALTER TABLE "TermOccurrence" ADD CONSTRAINT "TermOccurrence_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermOccurrence" ADD CONSTRAINT "TermOccurrence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermOccurrence" ADD CONSTRAINT "TermOccurrence_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLemma" ADD CONSTRAINT "ArticleLemma_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
