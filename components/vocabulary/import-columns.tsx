import type { TFunction } from 'i18next';
import { CSV_COLUMNS } from '@/lib/vocabulary/csv';

type Column = (typeof CSV_COLUMNS)[number];

/** i18n keys of each column's explanation, written out so that key checks find them. */
const COLUMN_KEYS = {
  lemma: 'vocabulary:importPage.columns.lemma',
  status: 'vocabulary:importPage.columns.status',
  translation: 'vocabulary:importPage.columns.translation',
  notes: 'vocabulary:importPage.columns.notes',
  tags: 'vocabulary:importPage.columns.tags',
  context_de: 'vocabulary:importPage.columns.contextDe',
  context_en: 'vocabulary:importPage.columns.contextEn',
  article: 'vocabulary:importPage.columns.article',
  gender: 'vocabulary:importPage.columns.gender',
  plural: 'vocabulary:importPage.columns.plural',
} as const satisfies Record<Column, string>;

/** The columns an import file may have (those an export writes), with what each holds. */
export function ImportColumns({ t }: { t: TFunction }) {
  return (
    <section className="import-columns" aria-labelledby="import-columns-title">
      <h2 id="import-columns-title">{t('importPage.columns.title')}</h2>
      <p>{t('importPage.columns.intro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('importPage.columns.name')}</th>
            <th scope="col">{t('importPage.columns.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {CSV_COLUMNS.map((column) => (
            <tr key={column}>
              <th scope="row">
                <code>{column}</code>
              </th>
              <td>{t(COLUMN_KEYS[column])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        <code>{CSV_COLUMNS.join(',')}</code>
      </p>
    </section>
  );
}
