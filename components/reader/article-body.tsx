import type { TFunction } from 'i18next';
import type { SectionView } from '@/lib/articles/types';
import { ParagraphPair } from './paragraph-pair';

export function ArticleBody({ sections, t }: { sections: SectionView[]; t: TFunction }) {
  return (
    <div className="article-body">
      <div className="column-labels" aria-hidden="true">
        <span>{t('reader:originalColumn')}</span>
        <span>{t('reader:translationColumn')}</span>
      </div>
      {sections.map((section, index) => (
        <section key={index} className="article-section" aria-label={section.headingDe ?? t('reader:sectionUntitled', { number: index + 1 })}>
          {section.headingDe ? (
            <div className="section-heading">
              <h2 lang="de">{section.headingDe}</h2>
              <p lang="en" className="section-heading__en">{section.headingEn}</p>
            </div>
          ) : null}
          {section.paragraphs.map((paragraph) => (
            <ParagraphPair key={paragraph.position} paragraph={paragraph} t={t} />
          ))}
        </section>
      ))}
    </div>
  );
}
