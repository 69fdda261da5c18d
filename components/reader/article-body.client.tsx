'use client';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { SectionView } from '@/lib/articles/types';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { SentenceText, type WordColouring } from './sentence-text';

/** For a signed-in learner: the article's words by anchor and the learner's status of each lemma. */
export type Vocabulary = {
  words: Readonly<Record<string, readonly StoredToken[]>>;
  statuses: Readonly<Record<string, VocabularyStatus>>;
};

const colouringOf = (vocabulary: Vocabulary | null, anchor: string): WordColouring | undefined =>
  vocabulary ? { tokens: vocabulary.words[anchor] ?? [], statuses: vocabulary.statuses } : undefined;

/**
 * Sections, paragraphs and aligned sentence groups. One structure serves all three layouts (side by
 * side, German only, sentence by sentence): the layout is a CSS concern of the reader root.
 * Rendered inside the reader island from compact props: the page then carries the article's data once
 * in its RSC payload instead of its whole element tree (docs/decisions/007-reader-page-weight.md).
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
  const toggle = (anchor: string) =>
    setRevealed((current) => {
      const next = new Set(current);
      if (!next.delete(anchor)) next.add(anchor);
      return next;
    });
  return (
    <div className="reader-body">
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
              <h2 lang="de">
                <SentenceText
                  segments={section.headingSegments}
                  colouring={colouringOf(vocabulary, section.anchor)}
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
                <div
                  key={sentence.anchor}
                  className={revealed.has(sentence.anchor) ? 'group revealed' : 'group'}
                  data-sentence={sentence.anchor}
                >
                  <span id={sentence.anchor} className="de" lang="de" tabIndex={0}>
                    <SentenceText
                      segments={sentence.segments}
                      colouring={colouringOf(vocabulary, sentence.anchor)}
                      focus={focusTerms}
                    />
                  </span>
                  {germanOnly ? (
                    <button
                      type="button"
                      className="reveal"
                      aria-expanded={revealed.has(sentence.anchor)}
                      aria-controls={`en-${sentence.anchor}`}
                      data-reveal={sentence.anchor}
                      onClick={() => toggle(sentence.anchor)}
                    >
                      {revealed.has(sentence.anchor) ? t('hideTranslation') : t('showTranslation')}
                    </button>
                  ) : null}
                  <span id={`en-${sentence.anchor}`} className="en" lang="en" tabIndex={0}>
                    {sentence.textEn}
                  </span>
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
});
