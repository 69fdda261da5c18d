-- CreateIndex
CREATE INDEX "VocabularyEntry_userId_createdAt_id_idx" ON "VocabularyEntry"("userId", "createdAt", "id");
