import type { TFunction } from 'i18next';
import type { SectionView } from '@/lib/articles/types';
import { SentenceText } from './sentence-text';

/**
 * Sections, paragraphs and aligned sentence groups. One structure serves all three layouts (side by
 * side, German only, sentence by sentence): the layout is a CSS concern of the reader root.
 */
export function ArticleBody({ sections, t }: { sections: SectionView[]; t: TFunction }) {
  return (
    <div className="reader-body">
      <div className="column-labels" aria-hidden="true">
        <span>{t('reader:originalColumn')}</span>
        <span>{t('reader:translationColumn')}</span>
      </div>
      {sections.map((section, index) => (
        <section key={section.anchor} className="article-section" aria-label={section.headingDe ?? t('reader:sectionUntitled', { number: index + 1 })}>
          {section.headingDe ? (
            <div className="section-heading" id={section.anchor}>
              <h2 lang="de">
                <SentenceText segments={section.headingSegments} />
              </h2>
              <p lang="en" className="section-heading__en">
                {section.headingEn}
              </p>
            </div>
          ) : null}
          {section.paragraphs.map((paragraph) => (
            <div key={paragraph.position} className="para" data-paragraph={paragraph.position + 1}>
              {paragraph.sentences.map((sentence) => (
                <div key={sentence.anchor} className="group" data-sentence={sentence.anchor}>
                  <span id={sentence.anchor} className="de" lang="de" tabIndex={0}>
                    <SentenceText segments={sentence.segments} />
                  </span>
                  <button type="button" className="reveal" aria-expanded="false" aria-controls={`en-${sentence.anchor}`} data-reveal={sentence.anchor}>
                    {t('reader:showTranslation')}
                  </button>
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
}
