'use client';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Checked, ImportSteps, type PreviewParts } from '@/components/forms/import-steps.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Result } from '@/lib/result';
import { applyImportAction, previewImportAction } from '@/lib/vocabulary/actions';
import { IMPORT_TEXT_MAX } from '@/lib/vocabulary/schema';
import { STATUS_LABEL_KEYS } from '@/lib/vocabulary/status';
import type { ImportAction, ImportPreview, ImportSummary } from '@/lib/vocabulary/types';

/** The server refuses more than IMPORT_TEXT_MAX characters; a file over that many bytes is refused here, before it is sent. */
const UPLOAD_MAX_BYTES = IMPORT_TEXT_MAX;

const ACTION_KEYS = {
  create: 'vocabulary:importPage.preview.create',
  update: 'vocabulary:importPage.preview.update',
  unchanged: 'vocabulary:importPage.preview.unchanged',
} as const satisfies Record<ImportAction, string>;

const refused = (error: string): Result<never> => ({ ok: false, error });

/** The chosen file (or else the pasted text), checked here for size and content, then previewed by the server. */
async function check(form: FormData): Promise<Result<Checked<ImportPreview>>> {
  const file = form.get('file');
  const chosen = file instanceof File && file.size > 0 ? file : null;
  if (chosen && chosen.size > UPLOAD_MAX_BYTES) return refused('vocabulary:importPage.form.tooLarge');
  let text: string;
  try {
    text = chosen ? await chosen.text() : String(form.get('text') ?? '');
  } catch {
    return refused('vocabulary:importPage.form.unreadable');
  }
  if (text.trim() === '') return refused('vocabulary:importPage.form.noInput');
  if (new Blob([text]).size > UPLOAD_MAX_BYTES) return refused('vocabulary:importPage.form.tooLarge');
  const result = await previewImportAction(text);
  return result.ok ? { ok: true, data: { text, preview: result.data } } : result;
}

const TEXTS = { ns: 'vocabulary', keys: 'importPage.', id: 'import' } as const;

/** The pasted text, the other way in beside the file. */
function PasteField() {
  const { t } = useTranslation('vocabulary');
  return (
    <div className="field">
      <label htmlFor="import-text">{t('importPage.form.paste')}</label>
      <textarea id="import-text" name="text" rows={6} spellCheck={false} className="import-form__text" />
    </div>
  );
}

/** The preview's rows, and every error with its line (1 = the header row) and, where known, its column. */
function describe({ rows, errors }: ImportPreview, t: TFunction): PreviewParts {
  return {
    items: rows,
    problems: errors.map((error) =>
      error.field
        ? t('importPage.problems.lineField', {
            line: error.line,
            field: error.field,
            message: t(error.messageKey, { lemma: error.lemma }),
          })
        : t('importPage.problems.line', {
            line: error.line,
            message: t(error.messageKey, { lemma: error.lemma }),
          }),
    ),
    table: (
      <>
        <thead>
          <tr>
            <th scope="col">{t('importPage.preview.line')}</th>
            <th scope="col">{t('importPage.preview.lemma')}</th>
            <th scope="col">{t('importPage.preview.status')}</th>
            <th scope="col">{t('importPage.preview.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-action={row.action}>
              <td className="data-table__number">{row.line}</td>
              <td lang="de">{row.lemma}</td>
              <td>{t(STATUS_LABEL_KEYS[row.status])}</td>
              <td>{t(ACTION_KEYS[row.action])}</td>
            </tr>
          ))}
        </tbody>
      </>
    ),
  };
}

/**
 * Import in two steps: the file (or pasted text) is checked on the server and previewed row by row
 * with every error; only a file without errors can be confirmed, and the server parses it again then.
 */
export function ImportForm({ locale }: { locale: Locale }) {
  return (
    <ImportSteps
      texts={TEXTS}
      accept=".csv,.txt,.tsv,text/csv,text/plain"
      fields={<PasteField />}
      check={check}
      describe={describe}
      apply={applyImportAction}
      counts={(summary: ImportSummary) => summary}
      href={paths.vocabulary(locale)}
    />
  );
}
