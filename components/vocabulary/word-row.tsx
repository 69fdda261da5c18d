import Link from 'next/link';
import type { TFunction } from 'i18next';
import { WithLocalDate } from '@/components/i18n/with-local-date';
import { splitAtMarks } from '@/lib/glossary/concordance';
import { germanArticle } from '@/lib/glossary/grammar';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { STATUS_LABEL_KEYS } from '@/lib/vocabulary/status';
import { wordSpan } from '@/lib/vocabulary/context';
import type { VocabularyEntryView } from '@/lib/vocabulary/types';
import { EntryEditor } from './entry-editor.client';
import { BULK_FORM_ID, vocabularyHref } from './vocabulary-href';

/** The sentence a word was met in, with the word in bold: cut into text pieces, never parsed as HTML. */
function SentenceWithWord({ sentence, surface, lemma }: { sentence: string; surface: string | null; lemma: string }) {
  const span = wordSpan(sentence, surface, lemma);
  return splitAtMarks(sentence, span ? [span] : []).map((piece, index) =>
    piece.marked ? (
      <strong key={index} data-testid="word-in-context">
        {piece.text}
      </strong>
    ) : (
      piece.text
    ),
  );
}

/**
 * One saved word: headword (a noun with its article, from the glossary or the lemma table), status,
 * translation, tags, notes, the sentence it was met in (the word in bold) and where. All user text
 * renders as text.
 */
export function WordRow({ entry, locale, t }: { entry: VocabularyEntryView; locale: Locale; t: TFunction }) {
  const article = germanArticle(entry.nounGender);
  const selectId = `select-${entry.id}`;
  return (
    <li className="word-row" data-testid="word-row" data-lemma={entry.lemma}>
      <div className="word-row__select">
        <input type="checkbox" id={selectId} name="entryId" value={entry.id} form={BULK_FORM_ID} />
        <label htmlFor={selectId} className="visually-hidden">
          {t('words.row.select', { lemma: entry.lemma })}
        </label>
      </div>
      <div className="word-row__body">
        <div className="word-row__head">
          <h2 className="word-row__lemma" lang="de">
            {article ? <span className="headword__article">{article} </span> : null}
            {entry.lemma}
          </h2>
          <span className="status-badge" data-status={entry.status} data-testid="word-status">
            {t(STATUS_LABEL_KEYS[entry.status])}
          </span>
        </div>
        <p className="word-row__translation" data-testid="word-translation">
          {entry.translation || <span className="muted">{t('words.row.noTranslation')}</span>}
        </p>
        {entry.tags.length ? (
          <ul className="domain-tags" aria-label={t('words.row.tags')}>
            {entry.tags.map((tag) => (
              <li key={tag} className="domain-tag">
                <Link href={vocabularyHref(locale, { tag })}>{tag}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        {entry.notes ? (
          <p className="word-row__notes">
            <span className="visually-hidden">{t('words.row.notes')}: </span>
            {entry.notes}
          </p>
        ) : null}
        {entry.contextDe ? (
          <div className="word-row__context">
            <p lang="de">
              <SentenceWithWord sentence={entry.contextDe} surface={entry.surface} lemma={entry.lemma} />
            </p>
            {entry.contextEn ? (
              <details>
                <summary>{t('words.row.showEnglish')}</summary>
                <p lang="en">{entry.contextEn}</p>
              </details>
            ) : null}
          </div>
        ) : null}
        <p className="word-row__meta">
          {entry.article ? (
            <>
              <span>{t('words.row.source')}: </span>
              <Link
                href={`${paths.article(locale, entry.article.slug)}${entry.anchor ? `#${entry.anchor}` : ''}`}
                lang="de"
                data-testid="word-source"
              >
                {entry.article.titleDe}
              </Link>{' '}
              (
              <Link href={vocabularyHref(locale, { article: entry.article.slug })} prefetch={false}>
                {t('words.row.fromArticle')}
              </Link>
              )<span aria-hidden="true"> · </span>
            </>
          ) : null}
          <span>
            <WithLocalDate message={(date) => t('words.row.saved', { date })} date={entry.createdAt} locale={locale} />
          </span>
        </p>
        <EntryEditor
          entry={{
            id: entry.id,
            lemma: entry.lemma,
            translation: entry.translation,
            notes: entry.notes,
            tags: entry.tags,
          }}
        />
      </div>
    </li>
  );
}
