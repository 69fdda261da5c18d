import { useTranslation } from 'react-i18next';
import type { SectionView } from '@/lib/articles/types';
import { EditorNote } from './editor-note.client';
import { SentenceText } from './sentence-text';

/** The hidden hint the current sentence (or heading) is described by. */
export const HINT_ID = 'reader-keys-hint';

/**
 * The article's markup: sections, paragraphs and aligned sentence groups. One structure serves all
 * three layouts (side by side, German only, sentence by sentence): the layout is a CSS concern of the
 * reader root. Rendered once, into HTML on the server; in the browser the reader island enhances it in
 * place (body-dom.ts), so it is static: the current sentence is the first one, nothing is coloured.
 */
export function ArticleSections({ sections }: { sections: SectionView[] }) {
  const { t } = useTranslation('reader');
  // The one sentence (or heading) in the tab order until the reader moves it.
  const first = sections[0]?.headingDe
    ? sections[0].anchor
    : sections.flatMap((s) => s.paragraphs).flatMap((p) => p.sentences)[0]?.anchor;
  const current = (anchor: string) => ({
    tabIndex: anchor === first ? 0 : -1,
    'aria-describedby': anchor === first ? HINT_ID : undefined,
  });
  return (
    <>
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
              <h2 lang="de" data-anchor={section.anchor} {...current(section.anchor)}>
                <SentenceText segments={section.headingSegments} termsTabbable={section.anchor === first} />
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
                  className={sentence.note ? 'group group--noted' : 'group'}
                  data-sentence={sentence.anchor}
                >
                  <span
                    id={sentence.anchor}
                    className="de"
                    lang="de"
                    data-anchor={sentence.anchor}
                    {...current(sentence.anchor)}
                  >
                    <SentenceText segments={sentence.segments} termsTabbable={sentence.anchor === first} />
                  </span>
                  <span id={`en-${sentence.anchor}`} className="en" lang="en">
                    {sentence.textEn}
                  </span>
                  {sentence.note ? (
                    <EditorNote anchor={sentence.anchor} note={sentence.note} tabbable={sentence.anchor === first} />
                  ) : null}
                </div>
              ))}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
