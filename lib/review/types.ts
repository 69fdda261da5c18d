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
  /**
   * Due cards first (learning, then review), then new cards; both within today's remaining limits,
   * one card per word, no two cards of a word back to back (ADR 023).
   */
  cards: QueueCard[];
  /** Due cards in this queue. */
  dueCount: number;
  /** New cards in this queue. */
  newCount: number;
  /** Grades given today, new cards included. */
  doneToday: number;
  /** Cards in a learning step that ends later today, after this queue. */
  laterToday: number;
  /** The end of the learner's day (ISO): a learning step ending later belongs to another day. */
  dayEnd: string;
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
  /** Cards due now, as the review page counts them (planToday): its queue's due cards. */
  dueToday: number;
  /** New cards that today's new-card limit still lets in: the review page's new cards. */
  newAvailable: number;
  /** Cards in a learning step that ends later today. */
  laterToday: number;
  /** False on the day the account was made: the greeting says welcome, not welcome back. */
  returning: boolean;
  reviewsToday: number;
  /** Study time of today's reviews (each capped, see COUNTED_REVIEW_MS_MAX). */
  reviewTimeTodayMs: number;
  byStatus: Record<VocabularyStatus, number>;
  /** The last 30 learner-local days, oldest first, today last. */
  knownOverTime: { day: DayKey; known: number }[];
  streak: Streak;
};
