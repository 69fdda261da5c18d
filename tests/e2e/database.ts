import Database from 'better-sqlite3';
import { inject } from 'vitest';

// The e2e app's SQLite file (tests/setup/app-server.ts), for what a test cannot do through the app:
// read an id the app never shows, or let time pass for one row (an invitation link that has expired).
// Short statements; SQLite's own locking keeps them apart from the app's.

/** Runs `work` on the e2e app's database, closed afterwards. */
export function withE2eDatabase<T>(work: (database: Database.Database) => T): T {
  const database = new Database(inject('databaseUrl').replace(/^file:/, ''), { timeout: 10_000 });
  try {
    return work(database);
  } finally {
    database.close();
  }
}

/** The id of the newest invitation link that nobody has used. */
export const newestOpenInvitationId = (): string =>
  withE2eDatabase(
    (database) =>
      (
        database
          .prepare('SELECT id FROM "TeacherInvitation" WHERE "usedAt" IS NULL ORDER BY "createdAt" DESC LIMIT 1')
          .get() as { id: string }
      ).id,
  );

/** Lets the newest unused invitation link expire: its expiry becomes the moment it was made. */
export const expireNewestInvitation = (): void =>
  withE2eDatabase((database) => {
    database
      .prepare(`UPDATE "TeacherInvitation" SET "expiresAt" = "createdAt" WHERE id = ?`)
      .run(newestOpenInvitationId());
  });
