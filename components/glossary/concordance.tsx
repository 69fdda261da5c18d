import Link from 'next/link';
import type { TFunction } from 'i18next';
import { Pagination } from '@/components/pagination';
import { groupByArticle } from '@/lib/glossary/concordance';
import type { ConcordancePage, ConcordancePlace } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { MarkedText } from './marked-text';

function placeLabel(t: TFunction, place: ConcordancePlace | null): string {
  if (!place) return t('glossary:concordance.inContext');
  return place.kind === 'sentence'
    ? t('glossary:concordance.sentence', { paragraph: place.paragraph, sentence: place.sentence })
    : t('glossary:concordance.heading', { section: place.section });
}

/**
 * Where a term occurs, a page of articles at a time (newest first): per article the German sentences
 * with the term marked, their English, and a link to that sentence (or heading) in the reader. The
 * totals count every article; the links after the list go to the other pages.
 */
export function Concordance({
  lemma,
  concordance,
  locale,
  t,
}: {
  lemma: string;
  concordance: ConcordancePage;
  locale: Locale;
  t: TFunction;
}) {
  const groups = groupByArticle(concordance.lines);
  return (
    <section className="concordance" aria-labelledby="concordance-heading" data-testid="concordance">
      <h2 id="concordance-heading">{t('glossary:concordance.title')}</h2>
      {concordance.totalLines === 0 ? (
        <p className="glossary-empty">{t('glossary:concordance.empty')}</p>
      ) : (
        <>
          <p className="glossary-count" data-testid="concordance-summary">
            {t('glossary:concordance.summary', {
              occurrences: concordance.totalLines,
              articles: concordance.totalArticles,
            })}
          </p>
          {groups.map((group) => (
            <section
              key={group.articleSlug}
              className="concordance__article"
              aria-labelledby={`concordance-${group.articleSlug}`}
            >
              <h3 id={`concordance-${group.articleSlug}`} lang="de">
                <Link href={paths.article(locale, group.articleSlug)}>{group.articleTitle}</Link>
              </h3>
              <ol className="concordance__lines">
                {group.sentences.map((sentence) => (
                  <li key={sentence.anchor} className="concordance__line" data-testid="concordance-line">
                    <p className="concordance__de">
                      <span className="visually-hidden">{t('glossary:concordance.german')}: </span>
                      <span lang="de">
                        <MarkedText text={sentence.textDe} marks={sentence.marks} />
                      </span>
                    </p>
                    <p className="concordance__en">
                      <span className="visually-hidden">{t('glossary:concordance.english')}: </span>
                      <span lang="en">{sentence.textEn}</span>
                    </p>
                    <p className="concordance__place">
                      {/* A document load, not a client transition: the browser then scrolls to the target and sets
                          :target, which the reader highlights (history.pushState does not update :target). */}
                      <a
                        href={`${paths.article(locale, group.articleSlug)}#${sentence.anchor}`}
                        data-anchor={sentence.anchor}
                      >
                        {placeLabel(t, sentence.place)} <span aria-hidden="true">→</span>
                      </a>
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          ))}
          <Pagination
            page={concordance.page}
            pageCount={concordance.pageCount}
            hrefFor={(page) => `${paths.term(locale, lemma, page)}#concordance-heading`}
            label={t('glossary:concordance.pages')}
            t={t}
          />
        </>
      )}
    </section>
  );
}
