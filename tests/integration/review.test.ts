import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Actor, performAs } from '@/lib/action.server';
import { db } from '@/lib/db.server';
import { getDashboard, getLearnerSettings, planToday } from '@/lib/review/queries.server';
import { getReviewQueue, gradeReviewCardAt, updateLearnerSettings } from '@/lib/review/service.server';

// Review on SQLite and on PostgreSQL (see tests/vitest.config.ts). Every `now` is explicit.
const NOW = new Date('2026-05-10T10:00:00Z'); // 12:00 in Berlin
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

const as = (userId: string): Actor => ({ userId });
/** Grades as `userId` at `now`, through the action pipeline. */
const grade = (userId: string, input: unknown, now: Date) =>
  performAs(
    as(userId),
    gradeReviewCardAt(() => now),
    input,
  );
const updateSettings = (userId: string, input: unknown) => performAs(as(userId), updateLearnerSettings, input);

let serial = 0;
async function learner(name: string) {
  return db.user.create({ data: { name, email: `${name}-${++serial}@review.test` } });
}

type EntryFixture = {
  status?: string;
  contextDe?: string;
  contextEn?: string;
  surface?: string;
  termId?: string;
  createdAt?: Date;
  translation?: string;
};
async function entry(userId: string, lemma: string, over: EntryFixture = {}) {
  return db.vocabularyEntry.create({
    data: { userId, lemma, translation: `${lemma} (en)`, status: 'learning-1', ...over },
  });
}

/** A card in review state, due at `due`, for hand-made histories. */
async function reviewCard(userId: string, entryId: string, direction: string, due: Date) {
  return db.reviewCard.create({
    data: {
      userId,
      entryId,
      direction,
      due,
      state: 2,
      stability: 5,
      difficulty: 5,
      reps: 3,
      scheduledDays: 5,
      lastReview: days(-5),
      createdAt: days(-30),
    },
  });
}

const counts = async () => ({ cards: await db.reviewCard.count(), logs: await db.reviewLog.count() });

beforeAll(async () => {
  await db.user.deleteMany(); // each test file starts without learners; their words, cards and logs cascade
});
afterAll(async () => {
  await db.$disconnect();
});

describe('review queue', () => {
  test('creates the cards of words in review, three with a context sentence, skips known and ignored words, and shows one card a word', async () => {
    const anna = await learner('anna');
    const term = await db.term.upsert({
      where: { lemma: 'Werkzeugmaschine' },
      create: { lemma: 'Werkzeugmaschine', gender: 'f', plural: 'Werkzeugmaschinen', englishPreferred: 'machine tool' },
      update: { gender: 'f', plural: 'Werkzeugmaschinen' },
    });
    await entry(anna.id, 'Werkzeugmaschine', {
      status: 'learning-2',
      termId: term.id,
      translation: 'machine tool',
      surface: 'Werkzeugmaschinen',
      contextDe: 'China liefert Werkzeugmaschinen an Russland.',
      contextEn: 'China supplies machine tools to Russia.',
    });
    await entry(anna.id, 'liefern', { status: 'new' });
    await entry(anna.id, 'Bündnis', { status: 'known', contextDe: 'Das Bündnis hält.' });
    await entry(anna.id, 'Sanktion', { status: 'ignored' });

    const queue = await getReviewQueue(anna.id, NOW);
    // A new word starts with its German to English card; its siblings wait for another day (ADR 023).
    expect(queue.cards.map((c) => `${c.entry.lemma}:${c.direction}`)).toEqual([
      'Werkzeugmaschine:de-en',
      'liefern:de-en',
    ]);
    const created = await db.reviewCard.findMany({ where: { userId: anna.id }, include: { entry: true } });
    expect(created.map((c) => `${c.entry.lemma}:${c.direction}`).sort()).toEqual([
      'Werkzeugmaschine:cloze',
      'Werkzeugmaschine:de-en',
      'Werkzeugmaschine:en-de',
      'liefern:de-en',
      'liefern:en-de',
    ]);
    expect(queue).toMatchObject({
      dueCount: 0,
      newCount: 2,
      doneToday: 0,
      limits: { newCardsPerDay: 20, reviewsPerDay: 200, newRemaining: 20, reviewsRemaining: 200, timeZone: 'UTC' },
    });
    expect(queue.cards.every((c) => c.state === 0 && c.reps === 0)).toBe(true);
    expect(created.every((c) => c.state === 0 && c.reps === 0)).toBe(true);
    expect(queue.cards.find((c) => c.entry.lemma === 'Werkzeugmaschine' && c.direction === 'de-en')!.face.prompt).toBe(
      'die Werkzeugmaschine, die Werkzeugmaschinen',
    );
    expect(await db.reviewCard.count({ where: { userId: anna.id } })).toBe(5);

    // Idempotent, also when two requests race to create the same cards.
    await Promise.all([getReviewQueue(anna.id, NOW), getReviewQueue(anna.id, NOW)]);
    const late = await entry(anna.id, 'Aufrüstung', { contextDe: 'Die Aufrüstung beginnt.' });
    await Promise.all([getReviewQueue(anna.id, NOW), getReviewQueue(anna.id, NOW), getReviewQueue(anna.id, NOW)]);
    expect(await db.reviewCard.count({ where: { userId: anna.id } })).toBe(8);
    expect(await db.reviewCard.count({ where: { entryId: late.id } })).toBe(3);

    // A word marked known keeps its cards but leaves the queue.
    await db.vocabularyEntry.update({ where: { id: late.id }, data: { status: 'known' } });
    const after = await getReviewQueue(anna.id, NOW);
    expect(after.cards.some((c) => c.entry.id === late.id)).toBe(false);
    expect(await db.reviewCard.count({ where: { entryId: late.id } })).toBe(3);
  });

  test('due cards come first, oldest due first; another learner’s cards never appear', async () => {
    const ben = await learner('ben');
    const cleo = await learner('cleo');
    const benWord = await entry(ben.id, 'Abschreckung');
    const cleoWord = await entry(cleo.id, 'Abschreckung');
    const late = await reviewCard(ben.id, benWord.id, 'de-en', days(-1));
    const early = await reviewCard(ben.id, (await entry(ben.id, 'Aufmarsch')).id, 'en-de', days(-3));
    await reviewCard(ben.id, (await entry(ben.id, 'Waffenruhe')).id, 'de-en', days(1)); // not due yet
    const cleoCard = await reviewCard(cleo.id, cleoWord.id, 'de-en', days(-10));

    const queue = await getReviewQueue(ben.id, NOW);
    expect(queue.cards.slice(0, 2).map((c) => c.id)).toEqual([early.id, late.id]);
    expect(queue.dueCount).toBe(2);
    expect(queue.cards.slice(2).every((c) => c.state === 0)).toBe(true); // Waffenruhe's en-de card is new
    expect(queue.cards.map((c) => c.id)).not.toContain(cleoCard.id);
    expect((await getReviewQueue(cleo.id, NOW)).cards.map((c) => c.id)).not.toContain(early.id);
  });

  test('respects the daily new-card and review limits, counted in the learner’s day', async () => {
    const dora = await learner('dora');
    expect((await updateSettings(dora.id, { newCardsPerDay: 3, reviewsPerDay: 2, timeZone: 'Europe/Berlin' })).ok).toBe(
      true,
    );
    for (const lemma of ['Drohne', 'Rakete', 'Panzer', 'Munition']) await entry(dora.id, lemma);
    const dueCards = [];
    for (const [i, lemma] of ['Front', 'Offensive', 'Rückzug'].entries()) {
      const word = await entry(dora.id, lemma);
      dueCards.push(await reviewCard(dora.id, word.id, 'de-en', days(-1 - i)));
      await reviewCard(dora.id, word.id, 'en-de', days(30));
    }

    const first = await getReviewQueue(dora.id, NOW);
    expect(first).toMatchObject({
      dueCount: 2,
      newCount: 3,
      doneToday: 0,
      limits: { newRemaining: 3, reviewsRemaining: 2 },
    });
    expect(first.cards.slice(0, 2).map((c) => c.id)).toEqual([dueCards[2]!.id, dueCards[1]!.id]);
    // Cards are created on demand: three words' worth cover today's three new cards, one a word.
    expect(await db.reviewCard.count({ where: { userId: dora.id, state: 0 } })).toBe(6);

    // Two new cards and one review graded today leave one of each.
    const newOnes = first.cards.filter((c) => c.state === 0);
    expect((await grade(dora.id, { cardId: newOnes[0]!.id, rating: 3, reps: newOnes[0]!.reps }, NOW)).ok).toBe(true);
    expect((await grade(dora.id, { cardId: newOnes[1]!.id, rating: 1, reps: newOnes[1]!.reps }, NOW)).ok).toBe(true);
    expect((await grade(dora.id, { cardId: first.cards[0]!.id, rating: 3, reps: first.cards[0]!.reps }, NOW)).ok).toBe(
      true,
    );
    // The two new cards are in their learning steps (1 and 10 minutes): due within the learn-ahead
    // window and outside the limits, so one review and one new card are left besides them.
    const second = await getReviewQueue(dora.id, minutes(1));
    expect(second).toMatchObject({
      dueCount: 3,
      newCount: 1,
      doneToday: 3,
      limits: { newRemaining: 1, reviewsRemaining: 1 },
    });
    expect(
      second.cards
        .filter((c) => c.state === 1)
        .map((c) => c.id)
        .sort(),
    ).toEqual([newOnes[0]!.id, newOnes[1]!.id].sort());

    // Tomorrow in Berlin (22:00 UTC) the limits start again: the two learning cards and two reviews
    // are due; of the four new words, the two in their learning steps keep their siblings buried.
    const tomorrow = await getReviewQueue(dora.id, new Date('2026-05-10T22:00:00Z'));
    expect(tomorrow).toMatchObject({
      doneToday: 0,
      dueCount: 4,
      newCount: 2,
      limits: { newRemaining: 3, reviewsRemaining: 2 },
    });
    // Still today in Berlin at 21:59 UTC.
    expect((await getReviewQueue(dora.id, new Date('2026-05-10T21:59:00Z'))).doneToday).toBe(3);
  });
});

describe('grading', () => {
  test('stores a log and moves the card’s due date', async () => {
    const emil = await learner('emil');
    await entry(emil.id, 'Waffenlieferung');
    const card = (await getReviewQueue(emil.id, NOW)).cards[0]!;
    const result = await grade(emil.id, { cardId: card.id, rating: 3, reps: 0, durationMs: 4200 }, NOW);
    expect(result).toMatchObject({ ok: true, data: { id: card.id, state: 1, reps: 1, lapses: 0 } });
    if (!result.ok) return;
    expect(new Date(result.data.due).getTime()).toBeGreaterThan(NOW.getTime());
    const stored = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored).toMatchObject({ state: 1, reps: 1, lastReview: NOW, due: new Date(result.data.due) });
    const logs = await db.reviewLog.findMany({ where: { cardId: card.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ userId: emil.id, rating: 3, state: 0, reviewedAt: NOW, durationMs: 4200 });

    // Again on a card in review counts a lapse.
    const word = await entry(emil.id, 'Lieferkette');
    const due = await reviewCard(emil.id, word.id, 'de-en', days(-1));
    const again = await grade(emil.id, { cardId: due.id, rating: '1', reps: 3 }, NOW);
    expect(again).toMatchObject({ ok: true, data: { state: 3, lapses: 1, reps: 4 } });
  });

  test('another learner’s card is refused exactly like a missing one, and nothing is written', async () => {
    const owner = await learner('fritz');
    const intruder = await learner('greta');
    await entry(owner.id, 'Geheimdienst');
    const card = (await getReviewQueue(owner.id, NOW)).cards[0]!;
    const before = await counts();
    const row = await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });

    const foreign = await grade(intruder.id, { cardId: card.id, rating: 4, reps: 0 }, NOW);
    const missing = await grade(intruder.id, { cardId: 'no-such-card', rating: 4, reps: 0 }, NOW);
    expect(foreign).toEqual({ ok: false, error: 'review:errors.cardNotFound' });
    expect(missing).toEqual(foreign);
    expect(await counts()).toEqual(before);
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toEqual(row);
  });

  test('invalid input is refused with field errors and writes nothing', async () => {
    const hans = await learner('hans');
    await entry(hans.id, 'Einfluss');
    const card = (await getReviewQueue(hans.id, NOW)).cards[0]!;
    const before = await counts();
    const result = await grade(hans.id, { cardId: card.id, rating: 7, reps: 0 }, NOW);
    expect(result).toMatchObject({
      ok: false,
      error: 'review:errors.invalidInput',
      fieldErrors: { rating: 'review:errors.ratingInvalid' },
    });
    expect(await grade(hans.id, null, NOW)).toMatchObject({ ok: false, error: 'review:errors.invalidInput' });
    expect(await counts()).toEqual(before);
  });

  test('a double submit applies once, concurrent or with a stale reps', async () => {
    const ida = await learner('ida');
    await entry(ida.id, 'Gegenoffensive');
    await entry(ida.id, 'Vorstoß');
    const [first, second] = (await getReviewQueue(ida.id, NOW)).cards;
    const before = await counts();

    const results = await Promise.all([
      grade(ida.id, { cardId: first!.id, rating: 3, reps: 0 }, NOW),
      grade(ida.id, { cardId: first!.id, rating: 3, reps: 0 }, NOW),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'review:errors.alreadyGraded' });
    expect(await counts()).toEqual({ ...before, logs: before.logs + 1 });
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: first!.id } })).reps).toBe(1);

    expect((await grade(ida.id, { cardId: second!.id, rating: 4, reps: 0 }, NOW)).ok).toBe(true);
    expect(await grade(ida.id, { cardId: second!.id, rating: 4, reps: 0 }, minutes(1))).toMatchObject({
      ok: false,
      error: 'review:errors.alreadyGraded',
    });
    expect(await db.reviewLog.count({ where: { cardId: second!.id } })).toBe(1);
  });

  test('a grade without the card’s reps is refused, so a captured grade cannot be replayed', async () => {
    const jonas = await learner('jonas');
    await entry(jonas.id, 'Waffenruhe');
    const card = (await getReviewQueue(jonas.id, NOW)).cards[0]!;
    const before = await counts();
    expect(await grade(jonas.id, { cardId: card.id, rating: 4 }, NOW)).toEqual({
      ok: false,
      error: 'review:errors.invalidInput',
      fieldErrors: { reps: 'review:errors.invalidInput' },
    });
    expect(await counts()).toEqual(before);

    const sent = { cardId: card.id, rating: 4, reps: card.reps, durationMs: 1500 };
    expect((await grade(jonas.id, sent, NOW)).ok).toBe(true);
    // The same request again, now or days later, and the same grade with reps left out: none applies.
    for (const [input, at] of [
      [sent, minutes(1)],
      [sent, days(30)],
      [{ cardId: card.id, rating: 4 }, days(30)],
    ] as const)
      expect((await grade(jonas.id, input, at)).ok).toBe(false);
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });
});

describe('learner settings', () => {
  test('defaults until saved; a bad time zone or limit is refused and nothing is stored', async () => {
    const jana = await learner('jana');
    expect(await getLearnerSettings(jana.id)).toEqual({ newCardsPerDay: 20, reviewsPerDay: 200, timeZone: 'UTC' });
    expect(await updateSettings(jana.id, { newCardsPerDay: 10, reviewsPerDay: 100, timeZone: 'Mars/Olympus' })).toEqual(
      {
        ok: false,
        error: 'review:errors.invalidInput',
        fieldErrors: { timeZone: 'review:settings.errors.timeZone' },
      },
    );
    expect(await updateSettings(jana.id, { newCardsPerDay: 500, reviewsPerDay: 100, timeZone: 'UTC' })).toMatchObject({
      ok: false,
      fieldErrors: { newCardsPerDay: 'review:settings.errors.newCardsPerDay' },
    });
    expect(await db.learnerSettings.count({ where: { userId: jana.id } })).toBe(0);
  });

  test('each learner changes only their own settings', async () => {
    const kai = await learner('kai');
    const lena = await learner('lena');
    expect(
      await updateSettings(kai.id, { newCardsPerDay: '5', reviewsPerDay: '50', timeZone: 'america/new_york' }),
    ).toEqual({
      ok: true,
      data: { newCardsPerDay: 5, reviewsPerDay: 50, timeZone: 'America/New_York' },
    });
    expect(
      await updateSettings(kai.id, { newCardsPerDay: 6, reviewsPerDay: 60, timeZone: 'Europe/Berlin' }),
    ).toMatchObject({ ok: true });
    expect(await getLearnerSettings(kai.id)).toEqual({
      newCardsPerDay: 6,
      reviewsPerDay: 60,
      timeZone: 'Europe/Berlin',
    });
    expect(await getLearnerSettings(lena.id)).toEqual({ newCardsPerDay: 20, reviewsPerDay: 200, timeZone: 'UTC' });
    expect(await db.learnerSettings.count({ where: { userId: { in: [kai.id, lena.id] } } })).toBe(1);
  });
});

describe('what is due', () => {
  test('the dashboard and the review page count the same due and new cards (no "5 cards due" beside "Nothing to review")', async () => {
    const pia = await learner('pia');
    await updateSettings(pia.id, { newCardsPerDay: 2, reviewsPerDay: 2, timeZone: 'Europe/Berlin' });
    // A card in a learning step that ends in two hours: later today, not now.
    const stepping = await entry(pia.id, 'Schritt');
    const step = await reviewCard(pia.id, stepping.id, 'de-en', minutes(120));
    await db.reviewCard.update({ where: { id: step.id }, data: { state: 1, scheduledDays: 0 } });
    await reviewCard(pia.id, stepping.id, 'en-de', days(10));
    // Three review cards due, one of them tonight; the review limit lets two in.
    for (const [lemma, due] of [
      ['Front', days(-2)],
      ['Offensive', days(-1)],
      ['Abend', minutes(300)],
    ] as const) {
      const word = await entry(pia.id, lemma);
      await reviewCard(pia.id, word.id, 'de-en', due);
      await reviewCard(pia.id, word.id, 'en-de', days(20));
    }
    // Two cards of one word due: siblings, one of them today.
    const pair = await entry(pia.id, 'Bündnis');
    await reviewCard(pia.id, pair.id, 'de-en', days(-3));
    await reviewCard(pia.id, pair.id, 'en-de', days(-3));
    // Three new words without cards; the new-card limit lets two in.
    for (const lemma of ['Drohne', 'Rakete', 'Panzer']) await entry(pia.id, lemma);

    const dashboard = await getDashboard(pia.id, NOW);
    const queue = await getReviewQueue(pia.id, NOW);
    expect({ due: dashboard.dueToday, new: dashboard.newAvailable }).toEqual({
      due: queue.dueCount,
      new: queue.newCount,
    });
    expect(queue).toMatchObject({ dueCount: 2, newCount: 2, laterToday: 1 });
    expect(dashboard.laterToday).toBe(1);
    expect(await getDashboard(pia.id, NOW)).toMatchObject({ dueToday: 2, newAvailable: 2, laterToday: 1 });
    const words = queue.cards.map((c) => c.entry.id);
    expect(new Set(words).size).toBe(words.length); // one card per word

    // Everything in the queue graded Easy: both say nothing is left but the card stepping till noon.
    for (const card of queue.cards)
      expect((await grade(pia.id, { cardId: card.id, rating: 4, reps: card.reps }, NOW)).ok).toBe(true);
    const after = await getReviewQueue(pia.id, minutes(1));
    expect(after).toMatchObject({ dueCount: 0, newCount: 0, laterToday: 1, cards: [] });
    expect(await getDashboard(pia.id, minutes(1))).toMatchObject({ dueToday: 0, newAvailable: 0, laterToday: 1 });
    // When the step is over, both offer it.
    expect((await getReviewQueue(pia.id, minutes(121))).cards.map((c) => c.id)).toEqual([step.id]);
    expect(await getDashboard(pia.id, minutes(121))).toMatchObject({ dueToday: 1, laterToday: 0 });
  });
});

describe('the learner\u2019s day at the ends of the world', () => {
  /** A review grade (of a card in review state) given at `at`. */
  const reviewGrade = (userId: string, cardId: string, at: Date) =>
    db.reviewLog.create({
      data: {
        userId,
        cardId,
        rating: 3,
        state: 2,
        due: at,
        stability: 5,
        difficulty: 5,
        elapsedDays: 5,
        lastElapsedDays: 3,
        scheduledDays: 5,
        learningSteps: 0,
        reviewedAt: at,
      },
    });

  test('UTC+14: grades since the local midnight almost a day ago count against today, earlier ones do not', async () => {
    const tia = await learner('tia');
    await updateSettings(tia.id, { newCardsPerDay: 20, reviewsPerDay: 5, timeZone: 'Pacific/Kiritimati' });
    // 23:50 on 11 May in Kiritimati; the day began at 10:00 UTC on 10 May, 23 h 50 min ago.
    const now = new Date('2026-05-11T09:50:00Z');
    const word = await entry(tia.id, 'Mitternacht');
    const card = await reviewCard(tia.id, word.id, 'de-en', days(30));
    await reviewGrade(tia.id, card.id, new Date('2026-05-10T10:05:00Z')); // today, 23 h 45 min ago
    await reviewGrade(tia.id, card.id, new Date('2026-05-10T09:55:00Z')); // yesterday, 5 min before midnight
    const queue = await planToday(tia.id, now);
    expect(queue.doneToday).toBe(1);
    expect(queue.limits.reviewsRemaining).toBe(4);
  });

  test('UTC\u221211: a learning step that ends almost a day from now is later today', async () => {
    const uwe = await learner('uwe');
    await updateSettings(uwe.id, { newCardsPerDay: 20, reviewsPerDay: 200, timeZone: 'Pacific/Pago_Pago' });
    // 00:05 on 11 May in Pago Pago; the day ends at 11:00 UTC on 12 May, 23 h 55 min from now.
    const now = new Date('2026-05-11T11:05:00Z');
    const word = await entry(uwe.id, 'Schrittweise');
    for (const [direction, hours] of [
      ['de-en', 23.5],
      ['en-de', 24.5],
    ] as const) {
      const card = await reviewCard(uwe.id, word.id, direction, new Date(now.getTime() + hours * 3_600_000));
      await db.reviewCard.update({ where: { id: card.id }, data: { state: 1, scheduledDays: 0 } });
    }
    const queue = await planToday(uwe.id, now);
    expect({ due: queue.due.length, laterToday: queue.laterToday }).toEqual({ due: 0, laterToday: 1 });
  });
});

describe('dashboard', () => {
  test('due today, words by status, known words over time and the streak, in the learner’s zone', async () => {
    const mia = await learner('mia');
    const other = await learner('nils');
    await updateSettings(mia.id, { newCardsPerDay: 50, reviewsPerDay: 200, timeZone: 'Europe/Berlin' });

    const at = (iso: string) => new Date(iso);
    await entry(mia.id, 'Neu', { status: 'new' }); // two cards still to create, one new today
    const l1 = await entry(mia.id, 'Lernwort', { status: 'learning-1' });
    const x = await entry(mia.id, 'Vergessen', { status: 'learning-2' }); // two cards still to create, one new today
    const l3 = await entry(mia.id, 'Fast', { status: 'learning-3' }); // one card still to create, buried by the due one
    await entry(mia.id, 'Alt', { status: 'known', createdAt: at('2026-04-01T08:00:00Z') }); // created known: no change record
    const k2 = await entry(mia.id, 'Gelernt', { status: 'known' });
    await entry(mia.id, 'Egal', { status: 'ignored' });

    const dueTonight = await reviewCard(mia.id, l1.id, 'de-en', at('2026-05-10T21:30:00Z')); // 23:30 Berlin
    await reviewCard(mia.id, l1.id, 'en-de', at('2026-05-10T22:30:00Z')); // tomorrow in Berlin
    await reviewCard(mia.id, l3.id, 'de-en', at('2026-05-09T08:00:00Z'));
    await reviewCard(mia.id, k2.id, 'de-en', at('2026-05-09T08:00:00Z')); // known: not reviewed

    await db.statusChange.createMany({
      data: [
        { entryId: k2.id, userId: mia.id, status: 'learning-1', changedAt: at('2026-04-20T10:00:00Z') },
        { entryId: k2.id, userId: mia.id, status: 'known', changedAt: at('2026-05-05T22:30:00Z') }, // 00:30 on the 6th in Berlin
        { entryId: x.id, userId: mia.id, status: 'known', changedAt: at('2026-05-02T10:00:00Z') },
        { entryId: x.id, userId: mia.id, status: 'learning-2', changedAt: at('2026-05-08T10:00:00Z') },
      ],
    });
    const log = (reviewedAt: string) => ({
      cardId: dueTonight.id,
      userId: mia.id,
      rating: 3,
      state: 2,
      due: at(reviewedAt),
      stability: 5,
      difficulty: 5,
      elapsedDays: 1,
      lastElapsedDays: 1,
      scheduledDays: 2,
      learningSteps: 0,
      reviewedAt: at(reviewedAt),
    });
    // Reviews on 1–5 May, then 8 and 9 May (the last at 23:30 Berlin).
    await db.reviewLog.createMany({
      data: [
        '2026-05-01T12:00:00Z',
        '2026-05-02T12:00:00Z',
        '2026-05-02T13:00:00Z',
        '2026-05-03T12:00:00Z',
        '2026-05-04T12:00:00Z',
        '2026-05-05T12:00:00Z',
        '2026-05-08T12:00:00Z',
        '2026-05-09T21:30:00Z',
      ].map(log),
    });
    // Another learner's history must not show.
    const theirs = await entry(other.id, 'Fremd', { status: 'known' });
    await reviewCard(other.id, theirs.id, 'de-en', at('2026-05-09T08:00:00Z'));

    const before = await counts();
    const dashboard = await getDashboard(mia.id, NOW);
    expect(await counts()).toEqual(before); // read-only
    expect(dashboard).toMatchObject({
      today: '2026-05-10',
      timeZone: 'Europe/Berlin',
      dueToday: 2,
      newAvailable: 2,
      laterToday: 0,
      reviewsToday: 0,
      streak: { current: 2, longest: 5 },
    });
    expect(dashboard.byStatus).toEqual({
      new: 1,
      'learning-1': 1,
      'learning-2': 1,
      'learning-3': 1,
      'learning-4': 0,
      known: 2,
      ignored: 1,
    });
    expect(dashboard.knownOverTime).toHaveLength(30);
    expect(dashboard.knownOverTime[0]).toEqual({ day: '2026-04-11', known: 1 });
    expect(Object.fromEntries(dashboard.knownOverTime.slice(20).map((d) => [d.day, d.known]))).toEqual({
      '2026-05-01': 1,
      '2026-05-02': 2,
      '2026-05-03': 2,
      '2026-05-04': 2,
      '2026-05-05': 2,
      '2026-05-06': 3,
      '2026-05-07': 3,
      '2026-05-08': 2,
      '2026-05-09': 2,
      '2026-05-10': 2,
    });

    // 00:30 on the 10th in Berlin is still the 9th in UTC: it extends the streak to today.
    await db.reviewLog.create({ data: log('2026-05-09T22:30:00Z') });
    expect(await getDashboard(mia.id, NOW)).toMatchObject({
      reviewsToday: 1,
      reviewTimeTodayMs: 0,
      streak: { current: 3, longest: 5 },
    });
    // Timed reviews today add up (each capped at two minutes); yesterday's time does not count.
    await db.reviewLog.createMany({
      data: [
        { ...log('2026-05-10T06:00:00Z'), durationMs: 7_000 },
        { ...log('2026-05-10T07:00:00Z'), durationMs: 600_000 },
        { ...log('2026-05-09T12:00:00Z'), durationMs: 9_000 },
      ],
    });
    expect(await getDashboard(mia.id, NOW)).toMatchObject({ reviewsToday: 3, reviewTimeTodayMs: 127_000 });
    // Two days on without a review, the streak is over.
    expect((await getDashboard(mia.id, days(2))).streak).toEqual({ current: 0, longest: 5 });
  });

  test('a learner with nothing yet sees zeros', async () => {
    const olga = await learner('olga');
    const dashboard = await getDashboard(olga.id, NOW);
    expect(dashboard).toMatchObject({
      dueToday: 0,
      newAvailable: 0,
      reviewsToday: 0,
      streak: { current: 0, longest: 0 },
    });
    expect(Object.values(dashboard.byStatus)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(dashboard.knownOverTime.map((d) => d.known)).toEqual(new Array(30).fill(0));
    expect(dashboard.knownOverTime.at(-1)!.day).toBe('2026-05-10');
  });

  test('welcomes a learner on the day the account was made, and welcomes them back from the next day on', async () => {
    const rosa = await learner('rosa');
    await db.user.update({ where: { id: rosa.id }, data: { createdAt: minutes(-30) } });
    expect((await getDashboard(rosa.id, NOW)).returning).toBe(false);
    expect((await getDashboard(rosa.id, days(1))).returning).toBe(true);
  });
});
