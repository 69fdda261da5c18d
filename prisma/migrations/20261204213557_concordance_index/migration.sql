-- DropIndex
DROP INDEX "TermOccurrence_termId_idx";

-- CreateIndex
CREATE INDEX "TermOccurrence_termId_articleId_idx" ON "TermOccurrence"("termId", "articleId");
