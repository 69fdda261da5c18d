'use client';
import type { TFunction } from 'i18next';
import { type Checked, ImportSteps, type PreviewParts } from '@/components/forms/import-steps.client';
import {
  EXCHANGE_TEXT_MAX,
  type ExchangeError,
  type ExchangePlace,
  type GlossaryImportPreview,
  type GlossaryImportSummary,
  type ImportAction,
} from '@/lib/glossary/exchange';
import { applyGlossaryImportAction, previewGlossaryImportAction } from '@/lib/glossary/exchange-actions';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Result } from '@/lib/result';

/** The server refuses more than EXCHANGE_TEXT_MAX characters; a file over that many bytes is refused here, before it is sent. */
const UPLOAD_MAX_BYTES = EXCHANGE_TEXT_MAX;

const ACTION_KEYS = {
  create: 'preview.create',
  update: 'preview.update',
  unchanged: 'preview.unchanged',
} as const satisfies Record<ImportAction, string>;

const refused = (error: string): Result<never> => ({ ok: false, error });

/** The chosen file, checked here for size and content, then previewed by the server. */
async function check(form: FormData): Promise<Result<Checked<GlossaryImportPreview>>> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return refused('glossaryExchange:form.noInput');
  if (file.size > UPLOAD_MAX_BYTES) return refused('glossaryExchange:form.tooLarge');
  let text: string;
  try {
    text = await file.text();
  } catch {
    return refused('glossaryExchange:form.unreadable');
  }
  if (text.trim() === '') return refused('glossaryExchange:form.noInput');
  const result = await previewGlossaryImportAction(text);
  return result.ok ? { ok: true, data: { text, preview: result.data } } : result;
}

const TEXTS = { ns: 'glossaryExchange', keys: '', id: 'exchange' } as const;

/** The preview's entries, each with its place, lemma, action and changed fields. */
function describe({ format, entries, errors }: GlossaryImportPreview, t: TFunction): PreviewParts {
  return {
    items: entries,
    problems: errors.map((error) => problemText(t, error)),
    lead: <p>{t('preview.format', { format })}</p>,
    table: (
      <>
        <thead>
          <tr>
            <th scope="col">{t('preview.place')}</th>
            <th scope="col">{t('preview.lemma')}</th>
            <th scope="col">{t('preview.action')}</th>
            <th scope="col">{t('preview.changed')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.lemma}-${placeText(t, entry.at)}`} data-action={entry.action}>
              <td>{placeText(t, entry.at)}</td>
              <td lang="de">{entry.lemma}</td>
              <td>{t(ACTION_KEYS[entry.action])}</td>
              <td>{entry.changed.map((field) => t(`fields.${field}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </>
    ),
  };
}

/**
 * Import of a TBX or CSV file in two steps: the server checks the file and previews each entry (new,
 * changed with its fields, unchanged) with every error; only a file without errors can be confirmed,
 * and the server parses it again then and imports all of it or nothing.
 */
export function ExchangeForm({ locale }: { locale: Locale }) {
  return (
    <ImportSteps
      texts={TEXTS}
      accept=".tbx,.xml,.csv,.txt,application/xml,text/xml,text/csv,text/plain"
      check={check}
      describe={describe}
      apply={applyGlossaryImportAction}
      counts={({ created, updated, unchanged }: GlossaryImportSummary) => ({
        created: created.length,
        updated: updated.length,
        unchanged,
      })}
      href={paths.glossary(locale)}
    />
  );
}

/** "Line 4" for a CSV row, "Entry 3" for a TBX conceptEntry. */
function placeText(t: TFunction, at: ExchangePlace): string {
  return 'line' in at ? t('place.line', { line: at.line }) : t('place.entry', { entry: at.entry });
}

/** One error: where (line or entry, with its lemma where known), which field, what is wrong. */
function problemText(t: TFunction, error: ExchangeError): string {
  const message = t(error.messageKey, error.values ?? {});
  if (!error.at) return message;
  const values = {
    place: placeText(t, error.at),
    message,
    lemma: error.lemma,
    field: error.field && t(`fields.${error.field}`),
  };
  const key = error.lemma
    ? error.field
      ? 'problems.itemLemmaField'
      : 'problems.itemLemma'
    : error.field
      ? 'problems.itemField'
      : 'problems.item';
  return t(key, values);
}
