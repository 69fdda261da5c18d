import { arrangeSiblings, LEARN_AHEAD_MS } from './queue';
import type { GradedCard, QueueCard } from './types';

// One review session in the browser, pure: which card shows next, and where a graded card that the
// scheduler keeps in (re)learning goes (ADR 023). "Again" on any card, and the first grades of a new
// card, give a step of minutes (ts-fsrs learning steps, lib/review/scheduler.ts): the card waits
// until its step is over and comes back in the same session; when nothing else is left it comes back
// at once if its step ends within the learn-ahead window, as in Anki. A card only leaves the session
// once graded out of its learning steps (or when its step ends beyond the window: "later today").

const wordOf = (card: QueueCard) => card.entry.id;

export type WaitingCard = { card: QueueCard; due: number };

export type SessionState = {
  /** The card on screen; null when the session is over. */
  current: QueueCard | null;
  /** Cards not shown yet, in order. */
  queue: QueueCard[];
  /** Graded cards in a learning step, waiting to come back, earliest first. */
  waiting: WaitingCard[];
  /** Grades given in this session. */
  graded: number;
  /** Graded cards whose next step ends later today, beyond the learn-ahead window. */
  later: number;
};

/** Takes the next card: a waiting card whose step is over, else the next in line, else (learn-ahead) a waiting one. */
function advance(state: Omit<SessionState, 'current'>, now: number, previous?: string): SessionState {
  const queue = arrangeSiblings(state.queue, wordOf, previous);
  const waiting = [...state.waiting];
  // A card back from its step goes first, unless it would follow itself while others are waiting in line.
  const ready = waiting.findIndex((w) => w.due <= now && (wordOf(w.card) !== previous || queue.length === 0));
  if (ready !== -1) {
    const [back] = waiting.splice(ready, 1);
    return { ...state, queue, waiting, current: back!.card };
  }
  if (queue.length > 0) return { ...state, queue: queue.slice(1), waiting, current: queue[0]! };
  const soonest = waiting[0];
  if (soonest && soonest.due <= now + LEARN_AHEAD_MS)
    return { ...state, queue, waiting: waiting.slice(1), current: soonest.card };
  return { ...state, queue, waiting: [], later: state.later + waiting.length, current: null };
}

/** A session over today's queue, its first card on screen. */
export function startSession(cards: readonly QueueCard[], now: number): SessionState {
  return advance({ queue: [...cards], waiting: [], graded: 0, later: 0 }, now);
}

/**
 * The session after the card on screen was graded: a card the scheduler keeps in (re)learning with
 * a step ending before `dayEnd` (the end of the learner's day) waits to come back, with the reps its
 * next grade must send; any other card is done for today. `graded` is null when the card had been
 * graded elsewhere meanwhile (another tab): it is done here.
 */
export function afterGrade(state: SessionState, graded: GradedCard | null, now: number, dayEnd: number): SessionState {
  const card = state.current;
  if (!card) return state;
  const due = graded ? Date.parse(graded.due) : Infinity;
  const learning = graded?.state === 1 || graded?.state === 3;
  const waiting =
    learning && due < dayEnd
      ? [...state.waiting, { card: { ...card, state: graded.state, reps: graded.reps, due: graded.due }, due }].sort(
          (a, b) => a.due - b.due,
        )
      : state.waiting;
  return advance({ ...state, waiting, graded: state.graded + 1 }, now, wordOf(card));
}

/** Cards still to show in this session, the one on screen included. */
export function remaining(state: SessionState): number {
  return (state.current ? 1 : 0) + state.queue.length + state.waiting.length;
}
