import Link from 'next/link';
import type { TFunction } from 'i18next';
import { headwordOf } from '@/lib/glossary/headword';
import type { TermEntry } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { DomainTags } from './domain-tags';
import { genderLabel, kindLabel } from './labels';
import { TermHeadword } from './term-headword';

/**
 * A glossary entry in full, as a terminologist keeps it: headword, translation, meaning, grammar, usage.
 * `editable`: the viewer is a glossary editor, who gets a link to the entry's editor.
 */
export function TermEntryView({
  entry,
  locale,
  t,
  editable = false,
}: {
  entry: TermEntry;
  locale: Locale;
  t: TFunction;
  editable?: boolean;
}) {
  const headword = headwordOf(entry);
  // Usage notes and sources are written in English only (prisma/content/glossary.json): a German page
  // says so beside them, and marks their language for screen readers and hyphenation.
  const englishOnly =
    locale === 'en' ? null : (
      <span className="lang-note" data-testid="english-only">
        {' '}
        {t('glossary:term.inEnglish')}
      </span>
    );
  const grammar = entry.kind === 'noun' || entry.kind === 'verb';
  return (
    <>
      <header className="term-header">
        <p className="term-header__back">
          <Link href={paths.glossary(locale)}>← {t('glossary:term.backToGlossary')}</Link>
          {editable ? (
            <>
              {' · '}
              <Link href={paths.termEditor(locale, entry.lemma)} data-testid="term-edit-link">
                {t('glossaryEditor:term.edit')}
              </Link>
            </>
          ) : null}
        </p>
        {entry.retired ? (
          <p className="notice" role="note" data-testid="term-retired">
            {t('glossaryEditor:term.retired')}
          </p>
        ) : null}
        <h1 lang="de" data-testid="term-headword">
          <TermHeadword headword={headword} />
        </h1>
        <p className="term-header__kind">
          {kindLabel(t, entry.kind)}
          {headword.pluralOnly ? ` · ${t('glossary:term.pluralOnly')}` : null}
        </p>
        <p className="term-header__english">
          <span className="visually-hidden">{t('glossary:term.english')}: </span>
          <span lang="en">{entry.englishPreferred}</span>
        </p>
        {entry.englishAlternatives.length ? (
          <p className="term-header__alternatives">
            {t('glossary:term.alternatives')}{' '}
            <span lang="en">
              {entry.englishAlternatives.map((alternative, index) => (
                <span key={alternative}>
                  {index > 0 ? ' · ' : null}
                  <span className="term-header__alternative">{alternative}</span>
                </span>
              ))}
            </span>
          </p>
        ) : null}
        <DomainTags domains={entry.domains} t={t} linkLocale={locale} />
      </header>

      <div className="term-sections">
        <section className="term-section" aria-labelledby="term-meaning">
          <h2 id="term-meaning">{t('glossary:term.meaning')}</h2>
          <dl className="term-definitions">
            <div>
              <dt>{t('glossary:term.definitionEn')}</dt>
              <dd lang="en">{entry.definitionEn}</dd>
            </div>
            <div>
              <dt>{t('glossary:term.definitionDe')}</dt>
              <dd lang="de">{entry.definitionDe}</dd>
            </div>
          </dl>
        </section>

        {grammar ? (
          <section className="term-section" aria-labelledby="term-grammar">
            <h2 id="term-grammar">{t('glossary:term.grammar')}</h2>
            <dl className="term-facts">
              {entry.gender ? (
                <div>
                  <dt>{t('glossary:term.gender')}</dt>
                  <dd>
                    {genderLabel(t, entry.gender)} (<span lang="de">{headword.article}</span>)
                  </dd>
                </div>
              ) : null}
              {headword.adjectival ? (
                <div>
                  <dt>{t('glossary:term.declension')}</dt>
                  <dd>
                    {t('glossary:term.adjectival')}:{' '}
                    <span lang="de">
                      {headword.article} {headword.text}, ein {entry.lemma}
                    </span>
                  </dd>
                </div>
              ) : null}
              {headword.plural ? (
                <div>
                  <dt>{t('glossary:term.plural')}</dt>
                  <dd lang="de">{headword.plural}</dd>
                </div>
              ) : null}
              {entry.genitive ? (
                <div>
                  <dt>{t('glossary:term.genitive')}</dt>
                  <dd lang="de">{entry.genitive}</dd>
                </div>
              ) : null}
              {entry.kind === 'verb' ? (
                <div>
                  <dt>{t('glossary:term.separable')}</dt>
                  <dd>{entry.separable ? t('glossary:term.yes') : t('glossary:term.no')}</dd>
                </div>
              ) : null}
            </dl>
          </section>
        ) : null}

        {entry.usageNote ? (
          <section className="term-section" aria-labelledby="term-usage">
            <h2 id="term-usage">
              {t('glossary:term.usage')}
              {englishOnly}
            </h2>
            <p lang="en">{entry.usageNote}</p>
          </section>
        ) : null}

        {entry.related.length || entry.variants.length ? (
          <section className="term-section" aria-labelledby="term-related">
            <h2 id="term-related">{t('glossary:term.related')}</h2>
            {entry.related.length ? (
              <ul className="inline-list related-terms" lang="de">
                {entry.related.map((lemma) => (
                  <li key={lemma}>
                    <Link href={paths.term(locale, lemma)}>{lemma}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {entry.variants.length ? (
              <p className="term-variants">
                {t('glossary:term.variants')}: <span lang="de">{entry.variants.join(', ')}</span>
              </p>
            ) : null}
          </section>
        ) : null}

        <p className="term-source">
          {t('glossary:term.source')}
          {englishOnly}:{' '}
          {entry.sourceUrl ? (
            <a href={entry.sourceUrl} rel="noopener noreferrer" lang="en" data-testid="term-source-link">
              {entry.source}
            </a>
          ) : (
            <span lang="en">{entry.source}</span>
          )}
        </p>
      </div>
    </>
  );
}
