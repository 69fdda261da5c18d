import type { CardDirection } from './cards';

// What a learner's day of review holds, pure: which candidate cards are in today's queue, which are
// buried until tomorrow, and in what order a session shows them (ADR 023). The server plans the day
// with planDay (queries.server.ts), the review island re-orders with arrangeSiblings; neither needs
// ts-fsrs, so this module may reach the browser.

/** How far ahead a (re)learning card may be shown when nothing else is left: Anki's learn-ahead limit. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** de→en first (recognising), then en→de (producing), then the cloze (the word in its sentence). */
const DIRECTION_RANK: Record<CardDirection, number> = { 'de-en': 0, 'en-de': 1, cloze: 2 };

export type Candidate = { id: string; entryId: string; direction: CardDirection };

export type DayInput<C extends Candidate> = {
  /** (Re)learning cards due within the learn-ahead window, oldest due first: never buried, never limited. */
  learning: readonly C[];
  /** Review cards due before the end of the learner's day, oldest due first. */
  review: readonly C[];
  /** New cards, their words oldest first; siblings may come in any order. */
  fresh: readonly C[];
  /** Words with a card graded today: their other new and review cards wait until tomorrow. */
  touched: ReadonlySet<string>;
  reviewsRemaining: number;
  newRemaining: number;
};

export type DayPlan<C extends Candidate> = { learning: C[]; review: C[]; fresh: C[] };

/**
 * Today's queue: every learning card; then review cards, at most one per word and none of a word
 * graded today or already in learning, within the review limit; then one new card per word that has
 * no card in the queue yet and none graded today, the word's de→en card before its en→de and cloze,
 * within the new-card limit. The siblings left out are buried: they stay due and come tomorrow.
 */
export function planDay<C extends Candidate>(input: DayInput<C>): DayPlan<C> {
  const taken = new Set(input.touched);
  const learning = [...input.learning];
  for (const card of learning) taken.add(card.entryId);

  const review: C[] = [];
  for (const card of input.review) {
    if (review.length >= input.reviewsRemaining) break;
    if (taken.has(card.entryId)) continue;
    taken.add(card.entryId);
    review.push(card);
  }

  const firstOfWord = new Map<string, C>();
  for (const card of input.fresh) {
    if (taken.has(card.entryId)) continue;
    const best = firstOfWord.get(card.entryId);
    if (!best || DIRECTION_RANK[card.direction] < DIRECTION_RANK[best.direction]) firstOfWord.set(card.entryId, card);
  }
  const fresh = [...firstOfWord.values()].slice(0, Math.max(0, input.newRemaining));
  return { learning, review, fresh };
}

/**
 * The cards in the same order as far as possible, but no two cards of one word back to back: a card
 * that would follow its sibling (or `before`, the word shown last) moves behind the nearest later
 * card of another word. Where only one word's cards are left, they stay together: nothing else can
 * go between them.
 */
export function arrangeSiblings<C>(cards: readonly C[], wordOf: (card: C) => string, before?: string): C[] {
  const out = [...cards];
  for (let i = 0; i < out.length; i++) {
    const previous = i === 0 ? before : wordOf(out[i - 1]!);
    if (wordOf(out[i]!) !== previous) continue;
    const j = out.findIndex((card, k) => k > i && wordOf(card) !== previous);
    if (j === -1) break;
    const [moved] = out.splice(j, 1);
    out.splice(i, 0, moved!);
  }
  return out;
}
