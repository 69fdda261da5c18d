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
import { type PackedTermCard, unpackTermCards } from '@/lib/glossary/reader-cards';
import type { ReaderTermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import type { StoredToken } from '@/lib/annotation/tokens';
import { authClient } from '@/lib/auth/client';
import { paths } from '@/lib/paths';
import { savePhraseAction, saveTermAction, saveWordAction } from '@/lib/vocabulary/actions';
import { phraseAt } from '@/lib/vocabulary/phrase';
import { articleCoverage } from '@/lib/vocabulary/coverage';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { ArticleBody, type Vocabulary } from './article-body.client';
import { AssignmentTracker, type LemmaEventDetail, TERM_OPENED, WORD_SAVED } from './assignment-tracker.client';
import { type PhraseSaving, PhrasePopoverContent, type PhraseTarget } from './phrase-popover.client';
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
  | {
      kind: 'term';
      term: ReaderTermCard;
      partial: boolean;
      /** The sentence (or heading) the term was met in, for saving it with its context. */
      place: string;
      anchor: Anchor;
      trigger: HTMLElement;
    }
  | { kind: 'word'; word: WordTarget; anchor: Anchor; trigger: HTMLElement }
  | { kind: 'phrase'; phrase: PhraseTarget; anchor: Anchor; trigger: HTMLElement }
  | { kind: 'words'; words: PlacedWord[]; anchor: Anchor; trigger: HTMLElement };

/** A word with its offsets in its sentence's German text. */
type PlacedWord = WordTarget & { start: number; end: number };

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
  return node ? textOffset(container, node, offset) : null;
}

/** The character offset in `container`'s text of a DOM position (a text node and an offset in it), or null. */
function textOffset(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType !== Node.TEXT_NODE) {
    // A position between children: the text before that child.
    const range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === node) return before + offset;
    before += text.textContent?.length ?? 0;
  }
  return null;
}

/** The selected span of `container`'s text, when the selection lies within it and is not empty. */
function selectedSpan(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = textOffset(container, range.startContainer, range.startOffset);
  const end = textOffset(container, range.endContainer, range.endOffset);
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/**
 * The reader's one client island: layout toolbar, the article body, and the term and word popovers.
 * Clicks are delegated to one listener, so words and terms carry no handlers of their own.
 */
export function ReaderInteractions({
  slug,
  pageHref,
  terms,
  locale,
  wordsApi = paths.articleWordsApi(slug),
}: {
  slug: string;
  /** The page's own address (the article's body comes from its HTML: ArticleBody). */
  pageHref: string;
  /** The article's glossary terms' cards (packTermCards): they open without a request. */
  terms: readonly PackedTermCard[];
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
  // The article's body is in the page: what watches its paragraphs may start.
  const [bodyReady, setBodyReady] = useState(false);
  const onBodyReady = useCallback(() => setBodyReady(true), []);
  const byLemma = useMemo(() => new Map(unpackTermCards(terms).map((term) => [term.lemma, term])), [terms]);
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
  const session = authClient.useSession();
  const userId = session.data?.user.id;
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
      translation?: string;
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
  // A refusal is shown on the card of the word it was about, not on the next one opened.
  const [savedLemma, setSavedLemma] = useState('');
  const changeStatus = (word: WordTarget, status: VocabularyStatus, translation?: string) => {
    setSavedLemma(word.lemma);
    save.run({ articleSlug: slug, anchor: word.anchor, lemma: word.lemma, surface: word.surface, status, translation });
  };
  const savingFor = (word: WordTarget): WordSaving =>
    shown
      ? {
          kind: 'learner',
          status: shown.statuses[word.lemma],
          onStatus: (status, translation) => changeStatus(word, status, translation),
          error: savedLemma === word.lemma ? (save.errors.translation ?? save.errors.form) : undefined,
          pending: save.pending,
        }
      : { kind: 'anonymous', signInHref: paths.signIn(locale, `${paths.article(locale, slug)}#${word.anchor}`) };
  const savePhrase = useAction(savePhraseAction, {
    refresh: false,
    onSuccess: ({ lemma, status }) => {
      setVocabulary((current) => current && { ...current, statuses: { ...current.statuses, [lemma]: status } });
      window.dispatchEvent(new CustomEvent<LemmaEventDetail>(WORD_SAVED, { detail: { lemma } }));
    },
  });
  // The result shown on a phrase's card is that of the last save of this phrase, not of another one.
  const [phraseRun, setPhraseRun] = useState('');
  const phraseKey = (phrase: PhraseTarget) => `${phrase.place}:${phrase.start}:${phrase.end}`;
  const phraseSaving = (phrase: PhraseTarget): PhraseSaving =>
    shown
      ? {
          kind: 'learner',
          pending: savePhrase.pending,
          saved: phraseRun === phraseKey(phrase) && savePhrase.done,
          error:
            phraseRun === phraseKey(phrase) ? (savePhrase.errors.translation ?? savePhrase.errors.form) : undefined,
          onSave: (translation) => {
            setPhraseRun(phraseKey(phrase));
            savePhrase.run({
              articleSlug: slug,
              anchor: phrase.place,
              start: phrase.start,
              end: phrase.end,
              translation,
            });
          },
        }
      : { kind: 'anonymous', signInHref: paths.signIn(locale, `${paths.article(locale, slug)}#${phrase.place}`) };
  // The word clicked last: a Shift+click on another word of its sentence selects the words between.
  const lastWord = useRef<{ container: HTMLElement; start: number; end: number } | null>(null);
  const [savedTerm, setSavedTerm] = useState('');
  const saveTerm = useAction(saveTermAction, {
    refresh: false,
    onSuccess: ({ lemma, status }) => {
      setVocabulary((current) => current && { ...current, statuses: { ...current.statuses, [lemma]: status } });
      window.dispatchEvent(new CustomEvent<LemmaEventDetail>(WORD_SAVED, { detail: { lemma } }));
    },
  });

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
      const place = termButton.closest<HTMLElement>('.de')?.id || termButton.closest('.section-heading')?.id || '';
      setOpen({
        kind: 'term',
        term,
        partial: termButton.classList.contains('term--partial'),
        place,
        anchor: anchorOf(termButton),
        trigger: termButton,
      });
      window.dispatchEvent(new CustomEvent<LemmaEventDetail>(TERM_OPENED, { detail: { lemma: term.lemma } }));
      return;
    }
    const heading = target.closest<HTMLElement>('.section-heading');
    const container = target.closest<HTMLElement>('.de') ?? heading?.querySelector<HTMLElement>('h2');
    if (!container || (heading && !target.closest('h2'))) return;
    const anchor = anchorOf(container, { x: event.clientX, y: event.clientY });
    // Words dragged across: the phrase they make.
    const selected = selectedSpan(container);
    if (selected) {
      void openPhrase(container, selected.start, selected.end, anchor);
      return;
    }
    const offset = caretOffset(container, event.clientX, event.clientY);
    if (offset === null) return;
    void wordsOf(container).then((words) => {
      const word = words.find((w) => w.start <= offset && offset <= w.end);
      if (!word) return;
      const last = lastWord.current;
      if (event.shiftKey && last?.container === container && last.start !== word.start) {
        void openPhrase(container, Math.min(last.start, word.start), Math.max(last.end, word.end), anchor);
        return;
      }
      lastWord.current = { container, start: word.start, end: word.end };
      setOpen({ kind: 'word', word, anchor, trigger: container });
    });
  };

  /** Opens the card of the phrase the words in [start, end) of a sentence make (2 to 8 words). */
  const openPhrase = async (container: HTMLElement, start: number, end: number, anchor: Anchor) => {
    const words = await wordsOf(container);
    const first = words[0];
    if (!first) return;
    const found = phraseAt(
      words.map((w) => [w.start, w.end, w.lemma, w.pos, w.gender] as const),
      first.sentenceDe,
      start,
      end,
    );
    if (!found) return;
    const phrase: PhraseTarget = { place: first.anchor, ...found, sentenceEn: first.sentenceEn };
    setOpen({ kind: 'phrase', phrase, anchor, trigger: container });
  };

  /** The words of a sentence (or heading) with their lemmas, in order. */
  const wordsOf = async (container: HTMLElement): Promise<PlacedWord[]> => {
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
          bodyReady={bodyReady}
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
      <VocabularySummary
        locale={locale}
        coverage={coverage}
        signInHref={session.isPending || userId ? undefined : paths.signIn(locale, pageHref)}
        notice={save.errors.translation ? undefined : save.errors.form}
      />
      {/* Clicks bubble up from the article's words, terms and reveal buttons. Keyboard: one tab stop for the
          article, arrow keys between sentences (ArticleBody), Enter on a sentence lists its words (here); the
          current sentence's terms and reveal button are in the tab order (docs/decisions/024-reader-keyboard-and-cards.md). */}
      <div onClick={onClick} onKeyDown={onKeyDown}>
        {/* The page is rendered in the default layout; German-only buttons appear once the island knows the choice. */}
        <ArticleBody
          bodyKey={slug}
          pageHref={pageHref}
          vocabulary={shown}
          germanOnly={mode === 'de-only'}
          focusTerms={focusTerms}
          onReady={onBodyReady}
        />
      </div>
      {/* Reading for an assignment: "Mark as done" at the article's end (the tracker renders into it). */}
      <div ref={setAssignmentEnd} />
      {coverage ? (
        <MarkRemainingKnown
          slug={slug}
          remaining={coverage.unknownLemmas.filter((lemma) => !byLemma.has(lemma)).length}
          onMarked={loadVocabulary}
        />
      ) : null}
      {open ? (
        <Popover
          key={
            open.kind === 'word'
              ? `word:${open.word.surface}:${open.word.lemma}`
              : open.kind === 'phrase'
                ? `phrase:${phraseKey(open.phrase)}`
                : open.kind
          }
          anchor={open.anchor}
          labelledBy="popover-title"
          onClose={close}
          testId={`${open.kind}-popover`}
        >
          {open.kind === 'term' ? (
            <TermPopoverContent
              term={open.term}
              partial={open.partial}
              locale={locale}
              saving={
                shown && open.place
                  ? {
                      saved: Object.hasOwn(shown.statuses, open.term.lemma),
                      pending: saveTerm.pending,
                      error:
                        savedTerm === open.term.lemma
                          ? (saveTerm.errors.translation ?? saveTerm.errors.form)
                          : undefined,
                      onSave: (translation) => {
                        setSavedTerm(open.term.lemma);
                        saveTerm.run({ articleSlug: slug, anchor: open.place, term: open.term.lemma, translation });
                      },
                    }
                  : undefined
              }
            />
          ) : open.kind === 'phrase' ? (
            <PhrasePopoverContent phrase={open.phrase} saving={phraseSaving(open.phrase)} />
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
                      onClick={(event) => {
                        // Keyboard users too: Shift+Enter on a second word makes a phrase with the word chosen last.
                        const last = lastWord.current;
                        if (event.shiftKey && last?.container === open.trigger && last.start !== word.start) {
                          void openPhrase(
                            open.trigger,
                            Math.min(last.start, word.start),
                            Math.max(last.end, word.end),
                            open.anchor,
                          );
                          return;
                        }
                        lastWord.current = { container: open.trigger, start: word.start, end: word.end };
                        setOpen({ kind: 'word', word, anchor: open.anchor, trigger: open.trigger });
                      }}
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
