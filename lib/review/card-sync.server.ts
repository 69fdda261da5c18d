import 'server-only';
import { db } from '@/lib/db.server';
import { cardDirections } from './cards';
import { newCardSchedule } from './scheduler';
import { REVIEWED_STATUSES } from './statuses';

type NewCardRow = ReturnType<typeof newCardSchedule> & { entryId: string; userId: string; direction: string; createdAt: Date };

/** The cards the learner's words still lack: read-only, so the dashboard can count them. */
export async function findMissingCards(userId: string, now: Date): Promise<NewCardRow[]> {
  // Only entries that may lack a card are read: with 20,000 words most have all of theirs.
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
    select: { id: true, lemma: true, translation: true, contextDe: true, contextEn: true, surface: true, cards: { select: { direction: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const schedule = newCardSchedule(now);
  return entries.flatMap((entry) => {
    const existing = new Set(entry.cards.map((c) => c.direction));
    return cardDirections(entry)
      .filter((direction) => !existing.has(direction))
      .map((direction) => ({ ...schedule, entryId: entry.id, userId, direction, createdAt: now }));
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/**
 * Creates the missing cards of the learner's words in review. createMany's skipDuplicates does not
 * exist on SQLite, so a concurrent request that created some first makes this insert fail as a
 * whole (one statement); it then re-reads what is still missing and tries again.
 */
export async function ensureReviewCards(userId: string, now: Date): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const rows = await findMissingCards(userId, now);
    if (rows.length === 0) return 0;
    try {
      return (await db.reviewCard.createMany({ data: rows })).count;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
