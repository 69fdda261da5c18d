'use client';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { ArticleSections } from './article-sections';
import { takeOverBody } from './body-handoff';
import {
  announceCards,
  type Colouring,
  itemsOf,
  makeCurrent,
  markFocusTerms,
  noteToggled,
  showRevealButtons,
  showStatuses,
  toggleReveal,
  unwrapWords,
  wrapWords,
} from './body-dom';

/** For a signed-in learner: the article's words by anchor and the learner's status of each lemma. */
export type Vocabulary = {
  words: Readonly<Record<string, readonly StoredToken[]>>;
  statuses: Readonly<Record<string, VocabularyStatus>>;
};

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);
const SERVER = typeof window === 'undefined';
// Runs before paint in the browser; on the server, effects do not run at all.
const useBeforePaint = SERVER ? useEffect : useLayoutEffect;

/**
 * The article: its text travels once, as server HTML (docs/decisions/046-article-text-sent-once.md).
 * On the server this renders ArticleSections from the sections its page handed over (body-handoff.ts);
 * in the browser it keeps that HTML as it is (hydration leaves the inside of a `dangerouslySetInnerHTML`
 * element alone) and enhances it in place: the layouts, colouring and focus terms are DOM changes
 * (body-dom.ts), clicks and keys are delegated. After a client-side navigation, when there is no server
 * HTML to keep, it takes the body from the page's own cached HTML.
 *
 * Keyboard (docs/decisions/024-reader-keyboard-and-cards.md): the article is one tab stop, the current
 * German sentence or section heading (roving tabindex). Arrow keys move to the next or previous one,
 * Home and End to the first and last; its glossary terms and reveal button follow it in the tab order.
 */
export const ArticleBody = memo(function ArticleBody({
  bodyKey,
  pageHref,
  vocabulary,
  germanOnly,
  focusTerms,
  onReady,
}: {
  /** Which handed-over sections the server renders (the article's slug). */
  bodyKey: string;
  /** The page's own address: where the body comes from after a client-side navigation. */
  pageHref: string;
  vocabulary: Vocabulary | null;
  /** Reading for an assignment: its focus terms (lemmas), marked in the text. */
  focusTerms: ReadonlySet<string>;
  /** German-only layout: each sentence gets a button revealing its English (other layouts show it). */
  germanOnly: boolean;
  /** The body is in the page (at once after a page load, later after a client-side navigation). */
  onReady: () => void;
}) {
  const { t } = useTranslation('reader');
  const root = useRef<HTMLDivElement>(null);
  // The body's HTML when this render placed it (after a client-side navigation); '' keeps the server's.
  const [fetched, setFetched] = useState('');
  const [ready, setReady] = useState(false);
  const labels = useMemo(() => ({ show: t('showTranslation'), hide: t('hideTranslation') }), [t]);

  useBeforePaint(() => {
    if (root.current?.hasChildNodes()) return setReady(true);
    let current = true;
    const load = async () => {
      const response = await fetch(pageHref);
      const page = new DOMParser().parseFromString(response.ok ? await response.text() : '', 'text/html');
      return page.querySelector('.reader-body')?.innerHTML;
    };
    void load()
      .catch(() => undefined)
      .then((body) => {
        if (!current) return;
        // No body to place (offline, an error page): load the page itself, which shows what happened.
        if (body) setFetched(body);
        else window.location.assign(pageHref);
      });
    return () => {
      current = false;
    };
  }, [pageHref]);
  useBeforePaint(() => {
    if (fetched) setReady(true);
  }, [fetched]);
  useBeforePaint(() => {
    if (!ready) return;
    announceCards(root.current!);
    onReady();
  }, [ready, onReady]);

  useBeforePaint(() => {
    if (ready) showRevealButtons(root.current!, germanOnly, labels);
  }, [ready, germanOnly, labels]);
  useBeforePaint(() => {
    if (ready) markFocusTerms(root.current!, focusTerms);
  }, [ready, focusTerms]);

  // Words coloured by the learner's statuses: wrapped once per set of words, restatused on each change.
  const colouring = useRef<{ words: Vocabulary['words']; spans: Colouring } | null>(null);
  useBeforePaint(() => {
    const body = root.current;
    if (!ready || !body) return;
    if (colouring.current && colouring.current.words !== vocabulary?.words) {
      unwrapWords(body);
      colouring.current = null;
    }
    if (!vocabulary) return;
    if (!colouring.current) {
      const spans: Colouring = new Map();
      for (const item of itemsOf(body)) wrapWords(item, vocabulary.words[item.dataset.anchor ?? ''] ?? [], spans);
      colouring.current = { words: vocabulary.words, spans };
    }
    showStatuses(colouring.current.spans, vocabulary.statuses);
  }, [ready, vocabulary]);

  // An editor's note's popover: `toggle` does not bubble, so it is caught on its way down.
  useEffect(() => {
    const body = root.current;
    if (!ready || !body) return;
    const onToggle = (event: Event) => {
      const popover = event.target as HTMLElement;
      if (popover.classList.contains('note__popover')) noteToggled(popover, (event as ToggleEvent).newState === 'open');
    };
    body.addEventListener('toggle', onToggle, true);
    return () => body.removeEventListener('toggle', onToggle, true);
  }, [ready]);

  const onFocus = (event: React.FocusEvent<HTMLDivElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-anchor]');
    if (item) makeCurrent(event.currentTarget, item);
  };
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const reveal = (event.target as HTMLElement).closest<HTMLElement>('button.reveal');
    if (reveal) toggleReveal(reveal, labels);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-anchor]');
    if (!item) return;
    const all = itemsOf(event.currentTarget);
    const at = all.indexOf(item);
    const to = NEXT.has(event.key)
      ? at + 1
      : PREVIOUS.has(event.key)
        ? at - 1
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? all.length - 1
            : null;
    if (to === null) return;
    event.preventDefault();
    all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
  };

  const handlers = { className: 'reader-body', onFocus, onClick, onKeyDown };
  return SERVER ? (
    <div {...handlers}>
      <ArticleSections sections={takeOverBody(bodyKey)} />
    </div>
  ) : (
    // `fetched` is this page's own server HTML (React escaped every text in it); '' touches nothing.
    // eslint-disable-next-line no-restricted-syntax
    <div {...handlers} ref={root} dangerouslySetInnerHTML={{ __html: fetched }} suppressHydrationWarning />
  );
});
