import Link from 'next/link';
import type { TFunction } from 'i18next';
import { groupByArticle } from '@/lib/glossary/concordance';
import type { ConcordanceLine, ConcordancePlace } from '@/lib/glossary/types';
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
 * Every occurrence of a term, article by article: the German sentence with the term marked, its
 * English, and a link to that sentence (or heading) in the reader.
 */
export function Concordance({ lines, locale, t }: { lines: ConcordanceLine[]; locale: Locale; t: TFunction }) {
  const groups = groupByArticle(lines);
  return (
    <section className="concordance" aria-labelledby="concordance-heading" data-testid="concordance">
      <h2 id="concordance-heading">{t('glossary:concordance.title')}</h2>
      {lines.length === 0 ? (
        <p className="glossary-empty">{t('glossary:concordance.empty')}</p>
      ) : (
        <>
          <p className="glossary-count">
            {t('glossary:concordance.summary', { occurrences: lines.length, articles: groups.length })}
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
        </>
      )}
    </section>
  );
}
