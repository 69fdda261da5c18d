import type { VocabularyStatus } from '@/lib/vocabulary/status';
import type { CardDirection, CardFace } from './cards';
import type { DayKey } from './day';
import type { CardStateNumber } from './ratings';

// Plain, serialisable view types for the review page and the dashboard. Instants are ISO strings.

export type LearnerSettingsView = { newCardsPerDay: number; reviewsPerDay: number; timeZone: string };

export type QueueCard = {
  id: string;
  direction: CardDirection;
  face: CardFace;
  state: CardStateNumber;
  /** Send back with the grade: a stale value means the card was graded meanwhile. */
  reps: number;
  due: string;
  entry: { id: string; lemma: string; translation: string; status: VocabularyStatus };
};

export type ReviewLimits = LearnerSettingsView & { reviewsRemaining: number; newRemaining: number };

export type ReviewQueue = {
  /** Due cards first (due, then created), then new cards; both within today's remaining limits. */
  cards: QueueCard[];
  /** Due cards in this queue. */
  dueCount: number;
  /** New cards in this queue. */
  newCount: number;
  /** Grades given today, new cards included. */
  doneToday: number;
  limits: ReviewLimits;
};

export type GradedCard = {
  id: string;
  due: string;
  state: CardStateNumber;
  reps: number;
  lapses: number;
  scheduledDays: number;
};

export type Streak = { current: number; longest: number };

export type Dashboard = {
  today: DayKey;
  timeZone: string;
  /** Cards due by the end of the learner's day, of words still being learned. */
  dueToday: number;
  /** New cards that today's new-card limit still lets in. */
  newAvailable: number;
  reviewsToday: number;
  /** Study time of today's reviews (each capped, see COUNTED_REVIEW_MS_MAX). */
  reviewTimeTodayMs: number;
  byStatus: Record<VocabularyStatus, number>;
  /** The last 30 learner-local days, oldest first, today last. */
  knownOverTime: { day: DayKey; known: number }[];
  streak: Streak;
};
