-- CreateTable
CREATE TABLE "ArticleWord" (
    "articleId" TEXT NOT NULL,
    "lemma" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "lemma"),
    CONSTRAINT "ArticleWord_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
