'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AssignmentStatus } from '@/lib/classroom/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// Events the reader island dispatches on window: a term card opened, a word's status saved.
export const TERM_OPENED = 'lesebruecke:term-opened';
export const WORD_SAVED = 'lesebruecke:word-saved';
export type LemmaEventDetail = { lemma: string };

type ProgressEvent = {
  id: string;
  kind: 'open' | 'seen' | 'active' | 'lookup' | 'save' | 'done';
  paragraph?: number;
  seconds?: number;
  term?: string;
};
type AssignmentInfo = {
  id: string;
  className: string;
  article: { slug: string; titleDe: string };
  status: AssignmentStatus;
  /** The focus terms' lemmas, marked in the article. */
  focusTerms: string[];
};

const FLUSH_MS = 5_000;
const ACTIVE_EVERY_S = 15;
const IDLE_AFTER_MS = 60_000;
const SEEN_AFTER_MS = 1_000;
const BATCH = 50;

/**
 * Reading progress for an assignment (reader URL with ?assignment=<id>, signed in): 'open' once;
 * 'seen' for a paragraph half on screen for a second; 'active' seconds while the tab is visible and
 * there was input in the last minute; term lookups and saved words. Events carry random ids, so a
 * resend is harmless; they go out in batches every few seconds and by beacon when the page is left.
 * The assignment's focus terms go to the reader (`onFocusTerms`) to be marked; "Mark as done" sits at
 * the article's end (`endSlot`), after which the quiz opens.
 */
export function AssignmentTracker({
  slug,
  locale,
  signedIn,
  bodyReady,
  onFocusTerms,
  endSlot,
}: {
  slug: string;
  locale: Locale;
  signedIn: boolean;
  /** The article's paragraphs are in the page (after a client-side navigation they arrive later). */
  bodyReady: boolean;
  onFocusTerms?: (lemmas: ReadonlySet<string>) => void;
  endSlot?: HTMLElement | null;
}) {
  const assignmentId = useSearchParams().get('assignment');
  const { t } = useTranslation('reader');
  const [info, setInfo] = useState<AssignmentInfo | null>(null);
  const [done, setDone] = useState(false);
  const queue = useRef<ProgressEvent[]>([]);
  const activeSeconds = useRef(0);
  const sending = useRef(false);
  /** Counts as seen, now, the paragraphs on screen whose second has not passed (set while tracking). */
  const seeOnScreen = useRef<() => void>(() => {});
  const url = assignmentId ? paths.assignmentProgressApi(assignmentId) : null;

  const push = useCallback(
    (event: Omit<ProgressEvent, 'id'>) => queue.current.push({ id: crypto.randomUUID(), ...event }),
    [],
  );
  const takeActive = useCallback(() => {
    const seconds = Math.min(30, Math.floor(activeSeconds.current));
    if (seconds >= 1) {
      activeSeconds.current -= seconds;
      push({ kind: 'active', seconds });
    }
  }, [push]);

  const flush = useCallback(async () => {
    if (!url || sending.current || !queue.current.length) return;
    sending.current = true;
    const batch = queue.current.slice(0, BATCH);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
        keepalive: true,
      });
      // Sent, or refused for good (4xx other than a flood): drop. A flood or a server error: keep and resend (ids make it harmless).
      if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429))
        queue.current = queue.current.slice(batch.length);
    } catch {
      // offline: resend next time
    } finally {
      sending.current = false;
    }
  }, [url]);

  // The assignment itself (title, membership): nothing is tracked unless the student belongs to it.
  useEffect(() => {
    if (!url || !signedIn) return setInfo(null);
    let current = true;
    void fetch(url).then(async (response) => {
      if (!current || !response.ok) return;
      const data = (await response.json()) as AssignmentInfo;
      if (data.article.slug !== slug) return;
      setInfo(data);
      setDone(data.status === 'done');
    });
    return () => {
      current = false;
    };
  }, [url, signedIn, slug]);

  // The focus terms are marked in the article while this assignment is read.
  const focusKey = info ? JSON.stringify(info.focusTerms) : '';
  useEffect(() => {
    if (!onFocusTerms || !focusKey) return;
    onFocusTerms(new Set(JSON.parse(focusKey) as string[]));
    return () => onFocusTerms(new Set());
  }, [focusKey, onFocusTerms]);

  const tracking = Boolean(info) && bodyReady;
  useEffect(() => {
    if (!tracking) return;
    push({ kind: 'open' });
    void flush();

    // Paragraphs seen: half of it (or half the screen, for a long one) visible for a second.
    const seen = new Set<number>();
    const timers = new Map<Element, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const position = Number((entry.target as HTMLElement).dataset.paragraph) - 1;
          if (!Number.isInteger(position) || position < 0 || seen.has(position)) continue;
          const visible = entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= window.innerHeight * 0.5;
          const timer = timers.get(entry.target);
          if (visible && timer === undefined) {
            timers.set(
              entry.target,
              window.setTimeout(() => {
                timers.delete(entry.target);
                if (seen.has(position)) return;
                seen.add(position);
                push({ kind: 'seen', paragraph: position });
              }, SEEN_AFTER_MS),
            );
          } else if (!visible && timer !== undefined) {
            window.clearTimeout(timer);
            timers.delete(entry.target);
          }
        }
      },
      { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
    );
    for (const para of document.querySelectorAll('.para[data-paragraph]')) observer.observe(para);
    // "Mark as done" at the article's end: the last paragraphs are on screen, however briefly.
    seeOnScreen.current = () => {
      for (const [element, timer] of timers) {
        window.clearTimeout(timer);
        const position = Number((element as HTMLElement).dataset.paragraph) - 1;
        if (!seen.has(position)) {
          seen.add(position);
          push({ kind: 'seen', paragraph: position });
        }
      }
      timers.clear();
    };

    // Active reading time: counted each second while the tab is visible and there was recent input.
    let lastInput = Date.now();
    const onInput = () => {
      lastInput = Date.now();
    };
    const inputs = ['scroll', 'wheel', 'keydown', 'pointerdown', 'pointermove', 'touchstart'] as const;
    for (const name of inputs) window.addEventListener(name, onInput, { passive: true });
    const tick = window.setInterval(() => {
      if (document.visibilityState !== 'visible' || Date.now() - lastInput > IDLE_AFTER_MS) return;
      activeSeconds.current += 1;
      if (activeSeconds.current >= ACTIVE_EVERY_S) takeActive();
    }, 1_000);
    const batches = window.setInterval(() => void flush(), FLUSH_MS);

    const onLemma = (kind: 'lookup' | 'save') => (event: Event) => {
      const lemma = (event as CustomEvent<LemmaEventDetail>).detail?.lemma;
      if (lemma) push({ kind, term: lemma });
    };
    const onLookup = onLemma('lookup');
    const onSave = onLemma('save');
    window.addEventListener(TERM_OPENED, onLookup);
    window.addEventListener(WORD_SAVED, onSave);

    // Leaving (or hiding) the page: whatever is left goes by beacon, which outlives the page.
    const beacon = () => {
      takeActive();
      if (!url || !queue.current.length) return;
      while (queue.current.length) {
        const batch = queue.current.splice(0, BATCH);
        if (!navigator.sendBeacon(url, new Blob([JSON.stringify({ events: batch })], { type: 'application/json' }))) {
          queue.current.unshift(...batch);
          break;
        }
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') beacon();
    };
    window.addEventListener('pagehide', beacon);
    document.addEventListener('visibilitychange', onVisibility);

    return () => {
      observer.disconnect();
      seeOnScreen.current = () => {};
      for (const timer of timers.values()) window.clearTimeout(timer);
      for (const name of inputs) window.removeEventListener(name, onInput);
      window.clearInterval(tick);
      window.clearInterval(batches);
      window.removeEventListener(TERM_OPENED, onLookup);
      window.removeEventListener(WORD_SAVED, onSave);
      window.removeEventListener('pagehide', beacon);
      document.removeEventListener('visibilitychange', onVisibility);
      beacon();
    };
  }, [tracking, url, push, flush, takeActive]);

  const markDone = async () => {
    seeOnScreen.current();
    takeActive();
    push({ kind: 'done' });
    // Wait for any batch in flight, then send everything now.
    for (let i = 0; i < 20 && sending.current; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    while (queue.current.length) {
      const before = queue.current.length;
      await flush();
      if (queue.current.length >= before) break;
    }
    if (!queue.current.length) setDone(true);
  };

  if (!info || !assignmentId) return null;
  const end = done ? (
    <p role="status" data-testid="tracker-done">
      {t('assignmentBar.done')}{' '}
      <Link href={paths.quiz(locale, assignmentId)} data-testid="tracker-to-assignment">
        {t('assignmentBar.toAssignment')}
      </Link>
    </p>
  ) : (
    <>
      <p>{t('assignmentBar.endPrompt')}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void markDone()}
        data-testid="tracker-mark-done"
      >
        {t('assignmentBar.markDone')}
      </button>
    </>
  );
  return (
    <>
      <aside className="assignment-bar" aria-label={t('assignmentBar.label')} data-testid="assignment-bar">
        <p>
          {t('assignmentBar.readingFor')} <Link href={paths.assignment(locale, assignmentId)}>{info.className}</Link>
        </p>
        {info.focusTerms.length ? (
          <p className="assignment-bar__legend" data-testid="focus-legend">
            <span className="term term--focus" aria-hidden="true">
              {t('assignmentBar.focusSample')}
            </span>{' '}
            {t('assignmentBar.focusLegend', { count: info.focusTerms.length })}
          </p>
        ) : null}
        <p className="muted">{done ? t('assignmentBar.doneShort') : t('assignmentBar.doneAtEnd')}</p>
      </aside>
      {endSlot
        ? createPortal(
            <section className="assignment-end" aria-label={t('assignmentBar.endLabel')} data-testid="assignment-end">
              {end}
            </section>,
            endSlot,
          )
        : null}
    </>
  );
}
