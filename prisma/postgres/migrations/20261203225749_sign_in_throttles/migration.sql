-- CreateTable
CREATE TABLE "AuthThrottle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuthThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "KnownClient" (
    "userId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownClient_pkey" PRIMARY KEY ("userId","keyHash")
);

-- CreateIndex
CREATE INDEX "AuthThrottle_lastAt_idx" ON "AuthThrottle"("lastAt");

-- AddForeignKey
ALTER TABLE "KnownClient" ADD CONSTRAINT "KnownClient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
