-- CreateTable
CREATE TABLE "ArticleWord" (
    "articleId" TEXT NOT NULL,
    "lemma" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ArticleWord_pkey" PRIMARY KEY ("articleId","lemma")
);

-- AddForeignKey
ALTER TABLE "ArticleWord" ADD CONSTRAINT "ArticleWord_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
