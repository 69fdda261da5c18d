'use client';
import {
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useOptimistic,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import type { ReaderTermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { SectionView } from '@/lib/articles/types';
import { authClient } from '@/lib/auth/client';
import { paths } from '@/lib/paths';
import { saveWordAction } from '@/lib/vocabulary/actions';
import { articleCoverage } from '@/lib/vocabulary/coverage';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { ArticleBody, type Vocabulary } from './article-body.client';
import { AssignmentTracker, type LemmaEventDetail, TERM_OPENED, WORD_SAVED } from './assignment-tracker.client';
import { type Anchor, Popover } from './popover.client';
import { ReaderKey } from './reader-key.client';
import { TermPopoverContent } from './term-popover.client';
import { MarkRemainingKnown, VocabularySummary } from './vocabulary-summary.client';
import { type WordSaving, WordPopoverContent, type WordTarget } from './word-popover.client';

const MODES = ['side-by-side', 'de-only', 'interlinear'] as const;
type Mode = (typeof MODES)[number];
const STORAGE_KEY = 'lesebruecke.readerMode';
const MODE_LABELS: Record<Mode, string> = {
  'side-by-side': 'toolbar.sideBySide',
  'de-only': 'toolbar.germanOnly',
  interlinear: 'toolbar.interlinear',
};

// The layout lives on <html data-reader-mode> (set before paint by /reader-mode.js) and in localStorage.
const listeners = new Set<() => void>();
const readMode = (): Mode => {
  const mode = document.documentElement.dataset.readerMode;
  return (MODES as readonly string[]).includes(mode ?? '') ? (mode as Mode) : 'side-by-side';
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
function writeMode(mode: Mode) {
  document.documentElement.dataset.readerMode = mode;
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // private mode: the choice lasts for this page only
  }
  for (const listener of listeners) listener();
}

const NO_STATUSES: Readonly<Record<string, VocabularyStatus>> = {};
const NO_FOCUS: ReadonlySet<string> = new Set();

type Open =
  | { kind: 'term'; term: ReaderTermCard; partial: boolean; anchor: Anchor; trigger: HTMLElement }
  | { kind: 'word'; word: WordTarget; anchor: Anchor; trigger: HTMLElement }
  | { kind: 'words'; words: WordTarget[]; anchor: Anchor; trigger: HTMLElement };

/** A card's place: clear of the whole sentence (or heading) that `element` is in, at the clicked point or its start. */
const anchorOf = (element: HTMLElement, point?: { x: number; y: number }): Anchor => ({
  element: element.closest<HTMLElement>('.de, .section-heading h2') ?? element,
  x: point ? point.x - 16 : element.getBoundingClientRect().left,
  y: point?.y,
});

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
};

/** The character offset in `container`'s text under the pointer, or null. */
function caretOffset(container: HTMLElement, x: number, y: number): number | null {
  const doc = document as CaretDocument;
  let node: Node | null = null;
  let offset = 0;
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) ({ offsetNode: node, offset } = position);
  else {
    const range = document.caretRangeFromPoint?.(x, y);
    if (range) [node, offset] = [range.startContainer, range.startOffset];
  }
  if (!node || !container.contains(node)) return null;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === node) return before + offset;
    before += text.textContent?.length ?? 0;
  }
  return null;
}

/**
 * The reader's one client island: layout toolbar, the article body, and the term and word popovers.
 * Clicks are delegated to one listener, so words and terms carry no handlers of their own.
 */
export function ReaderInteractions({
  slug,
  sections,
  terms,
  locale,
  wordsApi = paths.articleWordsApi(slug),
}: {
  slug: string;
  sections: SectionView[];
  terms: ReaderTermCard[];
  locale: Locale;
  /** Where the words load from: a classes-only article's are personal (paths.classesArticleWordsApi). */
  wordsApi?: string;
}) {
  const { t } = useTranslation('reader');
  const mode = useSyncExternalStore(subscribe, readMode, () => 'side-by-side' as Mode);
  const [open, setOpen] = useState<Open | null>(null);
  // Reading for an assignment: its focus terms, and the place after the article for "Mark as done".
  const [focusTerms, setFocusTerms] = useState<ReadonlySet<string>>(NO_FOCUS);
  const [assignmentEnd, setAssignmentEnd] = useState<HTMLDivElement | null>(null);
  const byLemma = useMemo(() => new Map(terms.map((term) => [term.lemma, term])), [terms]);
  const openRef = useRef<Open | null>(null);
  openRef.current = open;
  // Words and their lemmas load once, on the first click on a word: the page itself stays light.
  const words = useRef<Promise<Record<string, StoredToken[]>> | null>(null);
  const loadWords = useCallback(
    () =>
      (words.current ??= fetch(wordsApi).then(async (response): Promise<Record<string, StoredToken[]>> =>
        response.ok ? ((await response.json()) as { words: Record<string, StoredToken[]> }).words : {},
      )),
    [wordsApi],
  );

  // A signed-in learner's statuses come from a personal, uncached request: the page itself is shared.
  const userId = authClient.useSession().data?.user.id;
  const [vocabulary, setVocabulary] = useState<Vocabulary | null>(null);
  const loadVocabulary = useCallback(async () => {
    const response = await fetch(paths.articleVocabularyApi(slug));
    if (!response.ok) return setVocabulary(null);
    const { statuses } = (await response.json()) as { statuses: Record<string, VocabularyStatus> };
    setVocabulary({ words: await loadWords(), statuses });
  }, [slug, loadWords]);
  useEffect(() => {
    if (userId) void loadVocabulary();
    else setVocabulary(null);
  }, [userId, loadVocabulary]);

  // A chosen status shows at once while it is saved; a refused save falls back to the stored one.
  const [statuses, showStatus] = useOptimistic(
    vocabulary?.statuses ?? NO_STATUSES,
    (current, { lemma, status }: { lemma: string; status: VocabularyStatus }) => ({ ...current, [lemma]: status }),
  );
  const shown = useMemo(() => vocabulary && { words: vocabulary.words, statuses }, [vocabulary, statuses]);
  const coverage = useMemo(
    () =>
      shown &&
      articleCoverage(
        Object.values(shown.words).flatMap((tokens) => tokens.map((token) => token[2])),
        shown.statuses,
      ),
    [shown],
  );
  const save = useAction(
    async (input: {
      articleSlug: string;
      anchor: string;
      lemma: string;
      surface: string;
      status: VocabularyStatus;
    }) => {
      showStatus(input);
      return saveWordAction(input);
    },
    {
      // The page is the shared, cached one: only this island's data changed.
      refresh: false,
      onSuccess: ({ lemma, status }) => {
        setVocabulary((current) => current && { ...current, statuses: { ...current.statuses, [lemma]: status } });
        window.dispatchEvent(new CustomEvent<LemmaEventDetail>(WORD_SAVED, { detail: { lemma } }));
      },
    },
  );
  const changeStatus = (word: WordTarget, status: VocabularyStatus) =>
    save.run({ articleSlug: slug, anchor: word.anchor, lemma: word.lemma, surface: word.surface, status });
  const savingFor = (word: WordTarget): WordSaving =>
    shown
      ? { kind: 'learner', status: shown.statuses[word.lemma], onStatus: (status) => changeStatus(word, status) }
      : { kind: 'anonymous', signInHref: paths.signIn(locale, `${paths.article(locale, slug)}#${word.anchor}`) };

  const close = useCallback(() => {
    const trigger = openRef.current?.trigger;
    setOpen(null);
    trigger?.focus();
  }, []);

  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('button.reveal')) return; // the body handles its own reveal buttons
    const termButton = target.closest<HTMLButtonElement>('button.term');
    const term = termButton ? byLemma.get(termButton.dataset.term ?? '') : undefined;
    if (termButton && term) {
      setOpen({
        kind: 'term',
        term,
        partial: termButton.dataset.partial === 'true',
        anchor: anchorOf(termButton),
        trigger: termButton,
      });
      window.dispatchEvent(new CustomEvent<LemmaEventDetail>(TERM_OPENED, { detail: { lemma: term.lemma } }));
      return;
    }
    const heading = target.closest<HTMLElement>('.section-heading');
    const container = target.closest<HTMLElement>('.de') ?? heading?.querySelector<HTMLElement>('h2');
    if (!container || (heading && !target.closest('h2'))) return;
    const offset = caretOffset(container, event.clientX, event.clientY);
    if (offset === null) return;
    const anchor = anchorOf(container, { x: event.clientX, y: event.clientY });
    void wordsOf(container).then((words) => {
      const word = words.find((w) => w.start <= offset && offset <= w.end);
      if (word) setOpen({ kind: 'word', word, anchor, trigger: container });
    });
  };

  /** The words of a sentence (or heading) with their lemmas, in order. */
  const wordsOf = async (container: HTMLElement): Promise<(WordTarget & { start: number; end: number })[]> => {
    const heading = container.closest<HTMLElement>('.section-heading');
    const group = container.closest('.group');
    const anchor = container.id || heading?.id || '';
    const text = container.textContent ?? '';
    const sentenceEn =
      (group?.querySelector('.en') ?? heading?.querySelector('.section-heading__en'))?.textContent ?? '';
    const tokens = (await loadWords())[anchor] ?? [];
    return tokens.map(([start, end, lemma, pos, gender]) => ({
      anchor,
      start,
      end,
      surface: text.slice(start, end),
      lemma,
      pos,
      gender,
      sentenceDe: text,
      sentenceEn,
    }));
  };

  // Keyboard: Enter on a focused German sentence (or heading) lists its words; choosing one opens its card.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const sentence = event.target as HTMLElement;
    if (event.key !== 'Enter' || !sentence.matches('.de, .section-heading h2')) return;
    event.preventDefault();
    void wordsOf(sentence).then((words) => {
      if (words.length) setOpen({ kind: 'words', words, anchor: anchorOf(sentence), trigger: sentence });
    });
  };

  return (
    <div className="reader-interactive">
      {/* Reading for an assignment (?assignment=<id>): the page stays the shared, cached one; only this island reads the query. */}
      <Suspense fallback={null}>
        <AssignmentTracker
          slug={slug}
          locale={locale}
          signedIn={Boolean(userId)}
          onFocusTerms={setFocusTerms}
          endSlot={assignmentEnd}
        />
      </Suspense>
      <fieldset className="reader-toolbar">
        <legend>{t('toolbar.label')}</legend>
        {MODES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="reader-mode"
              value={value}
              checked={mode === value}
              onChange={() => writeMode(value)}
            />
            {t(MODE_LABELS[value])}
          </label>
        ))}
      </fieldset>
      <ReaderKey learner={Boolean(shown)} />
      {coverage ? <VocabularySummary locale={locale} coverage={coverage} notice={save.errors.form} /> : null}
      {/* Clicks bubble up from the article's words, terms and reveal buttons. Keyboard: one tab stop for the
          article, arrow keys between sentences (ArticleBody), Enter on a sentence lists its words (here); the
          current sentence's terms and reveal button are in the tab order (docs/decisions/024-reader-keyboard-and-cards.md). */}
      <div onClick={onClick} onKeyDown={onKeyDown}>
        {/* The page is rendered in the default layout; German-only buttons appear once the island knows the choice. */}
        <ArticleBody sections={sections} vocabulary={shown} germanOnly={mode === 'de-only'} focusTerms={focusTerms} />
      </div>
      {/* Reading for an assignment: "Mark as done" at the article's end (the tracker renders into it). */}
      <div ref={setAssignmentEnd} />
      {coverage ? (
        <MarkRemainingKnown slug={slug} remaining={coverage.unknownLemmas.length} onMarked={loadVocabulary} />
      ) : null}
      {open ? (
        <Popover
          key={open.kind === 'word' ? `word:${open.word.surface}:${open.word.lemma}` : open.kind}
          anchor={open.anchor}
          labelledBy="popover-title"
          onClose={close}
          testId={`${open.kind}-popover`}
        >
          {open.kind === 'term' ? (
            <TermPopoverContent term={open.term} partial={open.partial} locale={locale} />
          ) : open.kind === 'word' ? (
            <WordPopoverContent
              word={open.word}
              glossaryTerm={byLemma.get(open.word.lemma)}
              locale={locale}
              saving={savingFor(open.word)}
            />
          ) : (
            <>
              <h2 id="popover-title" className="popover__title">
                {t('word.sentenceWords')}
              </h2>
              <ul className="popover__word-list" lang="de">
                {open.words.map((word, index) => (
                  <li key={index}>
                    <button
                      type="button"
                      onClick={() => setOpen({ kind: 'word', word, anchor: open.anchor, trigger: open.trigger })}
                    >
                      {word.surface}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Popover>
      ) : null}
    </div>
  );
}
