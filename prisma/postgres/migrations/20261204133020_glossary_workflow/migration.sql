-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "editedInApp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "grammarOverride" TEXT,
ADD COLUMN     "proposedById" TEXT,
ADD COLUMN     "proposedFromId" TEXT,
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "sourceUrl" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'approved',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "glossaryEditor" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TermRevision" (
    "id" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "snapshot" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TermRevision_authorId_idx" ON "TermRevision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "TermRevision_termId_version_key" ON "TermRevision"("termId", "version");

-- CreateIndex
CREATE INDEX "Term_status_idx" ON "Term"("status");

-- CreateIndex
CREATE INDEX "Term_proposedFromId_idx" ON "Term"("proposedFromId");

-- AddForeignKey
ALTER TABLE "Term" ADD CONSTRAINT "Term_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Term" ADD CONSTRAINT "Term_proposedFromId_fkey" FOREIGN KEY ("proposedFromId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermRevision" ADD CONSTRAINT "TermRevision_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermRevision" ADD CONSTRAINT "TermRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
