// The grades a learner gives and the states a card is in, numbered as FSRS numbers them (ts-fsrs's
// Rating and State, and the ReviewLog.rating and ReviewCard.state columns). Plain data without
// ts-fsrs, so that the review island can use them: the scheduler (scheduler.ts) stays on the server.

export const REVIEW_RATINGS = [1, 2, 3, 4] as const;
/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/** 0 new, 1 learning, 2 review, 3 relearning. */
export type CardStateNumber = 0 | 1 | 2 | 3;
