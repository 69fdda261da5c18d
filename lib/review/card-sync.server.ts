import 'server-only';
import { db } from '@/lib/db.server';
import { prismaErrorCode } from '@/lib/db-retry.server';
import { cardDirections } from './cards';
import { newCardSchedule } from './scheduler';
import { REVIEWED_STATUSES } from './statuses';

type NewCardRow = ReturnType<typeof newCardSchedule> & {
  entryId: string;
  userId: string;
  direction: string;
  createdAt: Date;
};

const PAGE = 200;

/**
 * Up to `wanted` cards (more when an entry's last cards overshoot) that the learner's words in
 * review still lack, oldest words first. Read-only, so the dashboard can count them too.
 */
export async function findMissingCards(userId: string, now: Date, wanted: number): Promise<NewCardRow[]> {
  const schedule = newCardSchedule(now);
  const rows: NewCardRow[] = [];
  // Only entries that may lack a card are read; a context without the word (no cloze) is read again
  // each time, so the loop pages rather than assuming each entry yields a card.
  for (let skip = 0; rows.length < wanted; skip += PAGE) {
    const entries = await db.vocabularyEntry.findMany({
      where: {
        userId,
        status: { in: [...REVIEWED_STATUSES] },
        OR: [
          { cards: { none: { direction: 'de-en' } } },
          { cards: { none: { direction: 'en-de' } } },
          { contextDe: { not: null }, cards: { none: { direction: 'cloze' } } },
        ],
      },
      select: {
        id: true,
        lemma: true,
        translation: true,
        contextDe: true,
        contextEn: true,
        surface: true,
        cards: { select: { direction: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip,
      take: PAGE,
    });
    for (const entry of entries) {
      if (rows.length >= wanted) break;
      const existing = new Set(entry.cards.map((c) => c.direction));
      for (const direction of cardDirections(entry)) {
        if (!existing.has(direction)) rows.push({ ...schedule, entryId: entry.id, userId, direction, createdAt: now });
      }
    }
    if (entries.length < PAGE) break;
  }
  return rows;
}

/** New cards of words still in review: known and ignored words keep theirs, unreviewed. */
export async function countNewCards(userId: string): Promise<number> {
  return db.reviewCard.count({
    where: { userId, state: 0, entry: { userId, status: { in: [...REVIEWED_STATUSES] } } },
  });
}

/**
 * Creates missing cards of the learner's words in review, on demand: only until `wantedNew` new
 * cards exist, so that 20,000 imported words cost one page of inserts, not 60,000 rows at once.
 * createMany's skipDuplicates does not exist on SQLite, so a concurrent request that created some
 * first makes this insert fail as a whole (one statement); it then re-reads what is still missing.
 */
export async function ensureReviewCards(userId: string, now: Date, wantedNew: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const have = await countNewCards(userId);
    if (have >= wantedNew) return 0;
    const rows = await findMissingCards(userId, now, wantedNew - have);
    if (rows.length === 0) return 0;
    try {
      return (await db.reviewCard.createMany({ data: rows })).count;
    } catch (error) {
      if (prismaErrorCode(error) !== 'P2002' || attempt >= 3) throw error;
    }
  }
}
