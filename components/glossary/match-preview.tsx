import type { TFunction } from 'i18next';
import type { TermPreview } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { MarkedText } from './marked-text';

/**
 * What an entry as typed would match: the count in all published articles, then article by article
 * its count and the first sentences with the matches marked (text stays text).
 */
export function MatchPreview({ preview, locale, t }: { preview: TermPreview; locale: Locale; t: TFunction }) {
  return (
    <div data-testid="match-preview">
      <p className="glossary-count" data-testid="match-preview-summary" data-occurrences={preview.occurrences}>
        {t('glossaryEditor:preview.summary', { occurrences: preview.occurrences, articles: preview.groups.length })}
      </p>
      {preview.groups.map((group) => {
        const shown = group.sentences.reduce((sum, sentence) => sum + sentence.marks.length, 0);
        return (
          <section key={group.articleSlug} className="concordance__article" data-testid="match-preview-article">
            <h4 lang="de">
              <a href={paths.article(locale, group.articleSlug)}>{group.articleTitle}</a>{' '}
              <span className="muted">({t('glossaryEditor:preview.article', { occurrences: group.occurrences })})</span>
            </h4>
            <ol className="concordance__lines">
              {group.sentences.map((sentence) => (
                <li key={sentence.anchor} className="concordance__line">
                  <p className="concordance__de" lang="de">
                    <MarkedText text={sentence.textDe} marks={sentence.marks} />
                  </p>
                </li>
              ))}
            </ol>
            {group.occurrences > shown ? (
              <p className="muted">{t('glossaryEditor:preview.more', { count: group.occurrences - shown })}</p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
