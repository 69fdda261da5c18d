'use client';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { SectionView, SentenceView } from '@/lib/articles/types';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { EditorNote } from './editor-note.client';
import { SentenceText, type WordColouring } from './sentence-text';

/** For a signed-in learner: the article's words by anchor and the learner's status of each lemma. */
export type Vocabulary = {
  words: Readonly<Record<string, readonly StoredToken[]>>;
  statuses: Readonly<Record<string, VocabularyStatus>>;
};

const colouringOf = (vocabulary: Vocabulary | null, anchor: string): WordColouring | undefined =>
  vocabulary ? { tokens: vocabulary.words[anchor] ?? [], statuses: vocabulary.statuses } : undefined;

const HINT_ID = 'reader-keys-hint';
const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

/**
 * Sections, paragraphs and aligned sentence groups. One structure serves all three layouts (side by
 * side, German only, sentence by sentence): the layout is a CSS concern of the reader root.
 * Rendered inside the reader island from compact props: the page then carries the article's data once
 * in its RSC payload instead of its whole element tree (docs/decisions/007-reader-page-weight.md).
 *
 * Keyboard (docs/decisions/024-reader-keyboard-and-cards.md): the article is one tab stop, the current
 * German sentence or section heading (roving tabindex). Arrow keys move to the next or previous one,
 * Home and End to the first and last; its glossary terms and reveal button follow it in the tab order.
 */
export const ArticleBody = memo(function ArticleBody({
  sections,
  vocabulary,
  germanOnly,
  focusTerms,
}: {
  sections: SectionView[];
  vocabulary: Vocabulary | null;
  /** Reading for an assignment: its focus terms (lemmas), marked in the text. */
  focusTerms?: ReadonlySet<string>;
  /** German-only layout: each sentence gets a button revealing its English (other layouts show it). */
  germanOnly: boolean;
}) {
  const { t } = useTranslation('reader');
  // German-only layout: the sentences whose English the learner revealed.
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (anchor: string) =>
      setRevealed((current) => {
        const next = new Set(current);
        if (!next.delete(anchor)) next.add(anchor);
        return next;
      }),
    [],
  );
  // The one sentence (or heading) in the tab order: the first, then the last one focused.
  const [active, setActive] = useState(() => {
    const first = sections[0];
    return first?.headingDe
      ? first.anchor
      : sections.flatMap((s) => s.paragraphs).flatMap((p) => p.sentences)[0]?.anchor;
  });

  const onFocus = (event: React.FocusEvent<HTMLDivElement>) => {
    const anchor = (event.target as HTMLElement).closest<HTMLElement>('[data-anchor]')?.dataset.anchor;
    if (anchor) setActive(anchor);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-anchor]');
    if (!item) return;
    const all = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-anchor]')];
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

  return (
    <div className="reader-body" onFocus={onFocus} onKeyDown={onKeyDown}>
      <p id={HINT_ID} className="visually-hidden">
        {t('legend.hint')}
      </p>
      <div className="column-labels" aria-hidden="true">
        <span>{t('originalColumn')}</span>
        <span>{t('translationColumn')}</span>
      </div>
      {sections.map((section, index) => (
        <section
          key={section.anchor}
          className="article-section"
          aria-label={section.headingDe ?? t('sectionUntitled', { number: index + 1 })}
        >
          {section.headingDe ? (
            <div className="section-heading" id={section.anchor}>
              <h2
                lang="de"
                data-anchor={section.anchor}
                tabIndex={active === section.anchor ? 0 : -1}
                aria-describedby={active === section.anchor ? HINT_ID : undefined}
              >
                <SentenceText
                  segments={section.headingSegments}
                  colouring={colouringOf(vocabulary, section.anchor)}
                  termsTabbable={active === section.anchor}
                  focus={focusTerms}
                />
              </h2>
              <p lang="en" className="section-heading__en">
                {section.headingEn}
              </p>
            </div>
          ) : null}
          {section.paragraphs.map((paragraph) => (
            <div key={paragraph.position} className="para" data-paragraph={paragraph.position + 1}>
              {paragraph.sentences.map((sentence) => (
                <SentenceGroup
                  key={sentence.anchor}
                  sentence={sentence}
                  tokens={vocabulary?.words[sentence.anchor]}
                  statuses={vocabulary?.statuses}
                  germanOnly={germanOnly}
                  revealed={revealed.has(sentence.anchor)}
                  active={active === sentence.anchor}
                  onToggle={toggle}
                  focusTerms={focusTerms}
                />
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
});

/** One aligned sentence: memoised, so that moving the current sentence re-renders two of them, not all. */
const SentenceGroup = memo(function SentenceGroup({
  sentence,
  tokens,
  statuses,
  germanOnly,
  revealed,
  active,
  onToggle,
  focusTerms,
}: {
  sentence: SentenceView;
  tokens: readonly StoredToken[] | undefined;
  statuses: Readonly<Record<string, VocabularyStatus>> | undefined;
  germanOnly: boolean;
  revealed: boolean;
  active: boolean;
  onToggle: (anchor: string) => void;
  focusTerms: ReadonlySet<string> | undefined;
}) {
  const { t } = useTranslation('reader');
  return (
    <div
      className={`group${revealed ? ' revealed' : ''}${sentence.note ? ' group--noted' : ''}`}
      data-sentence={sentence.anchor}
    >
      <span
        id={sentence.anchor}
        className="de"
        lang="de"
        data-anchor={sentence.anchor}
        tabIndex={active ? 0 : -1}
        aria-describedby={active ? HINT_ID : undefined}
      >
        <SentenceText
          segments={sentence.segments}
          colouring={statuses ? { tokens: tokens ?? [], statuses } : undefined}
          termsTabbable={active}
          focus={focusTerms}
        />
      </span>
      {germanOnly ? (
        <button
          type="button"
          className="reveal"
          aria-expanded={revealed}
          aria-controls={`en-${sentence.anchor}`}
          data-reveal={sentence.anchor}
          tabIndex={active ? 0 : -1}
          onClick={() => onToggle(sentence.anchor)}
        >
          {revealed ? t('hideTranslation') : t('showTranslation')}
        </button>
      ) : null}
      <span id={`en-${sentence.anchor}`} className="en" lang="en">
        {sentence.textEn}
      </span>
      {sentence.note ? <EditorNote anchor={sentence.anchor} note={sentence.note} tabbable={active} /> : null}
    </div>
  );
});
