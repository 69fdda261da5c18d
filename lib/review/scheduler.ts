import { type Card, createEmptyCard, fsrs, type Grade, State } from 'ts-fsrs';
import type { ReviewRating } from './ratings';

// The FSRS side of review, pure: rows in, rows out. ts-fsrs's snake_case Card never leaves this file,
// and ts-fsrs never leaves the server: no client module may import this one (the island's grades are
// in ratings.ts).

/** The scheduling columns of a ReviewCard row. */
export type CardSchedule = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

/** The columns of a ReviewLog row, minus ids. state and due are the card's before this grading. */
export type ReviewLogFields = {
  rating: ReviewRating;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
};

// Fuzz off: the same history always gives the same schedule, which tests and a double-submit check
// can rely on. Our daily limits already spread load, the job fuzz does in Anki.
export const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });

function toState(state: number): State {
  return state === 1 ? State.Learning : state === 2 ? State.Review : state === 3 ? State.Relearning : State.New;
}

export function toFsrsCard(row: CardSchedule): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: toState(row.state),
    last_review: row.lastReview ?? undefined,
  };
}

export function fromFsrsCard(card: Card): CardSchedule {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** A card never reviewed, due at once. */
export function newCardSchedule(now: Date): CardSchedule {
  return fromFsrsCard(createEmptyCard(now));
}

/** One grading: the card's next schedule and the log row that records it. */
export function gradeCard(
  row: CardSchedule,
  rating: ReviewRating,
  now: Date,
): { card: CardSchedule; log: ReviewLogFields } {
  const { card, log } = scheduler.next(toFsrsCard(row), now, rating as Grade);
  return {
    card: fromFsrsCard(card),
    log: {
      rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      reviewedAt: log.review,
    },
  };
}
