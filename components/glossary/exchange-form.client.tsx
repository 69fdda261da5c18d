'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { useAction, useActionForm } from '@/components/forms/use-action.client';
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

type Checked = { text: string; preview: GlossaryImportPreview };
type State = { phase: 'input' } | ({ phase: 'preview' } & Checked) | { phase: 'done'; summary: GlossaryImportSummary };

const refused = (error: string): Result<never> => ({ ok: false, error });

/** The chosen file, checked here for size and content, then previewed by the server. */
async function check(form: FormData): Promise<Result<Checked>> {
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

/** Moves focus to a step's heading when the step appears. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * Import of a TBX or CSV file in two steps: the server checks the file and previews each entry (new,
 * changed with its fields, unchanged) with every error; only a file without errors can be confirmed,
 * and the server parses it again then and imports all of it or nothing.
 */
export function ExchangeForm({ locale }: { locale: Locale }) {
  const [state, setState] = useState<State>({ phase: 'input' });
  const startOver = () => setState({ phase: 'input' });
  if (state.phase === 'done') return <ImportDone summary={state.summary} locale={locale} onStartOver={startOver} />;
  if (state.phase === 'preview')
    return (
      <PreviewStep
        text={state.text}
        preview={state.preview}
        onImported={(summary) => setState({ phase: 'done', summary })}
        onStartOver={startOver}
      />
    );
  return <InputStep onChecked={(checked) => setState({ phase: 'preview', ...checked })} />;
}

function InputStep({ onChecked }: { onChecked: (checked: Checked) => void }) {
  const { t } = useTranslation('glossaryExchange');
  const { onSubmit, pending, errors, formRef } = useActionForm(check, (form) => form, {
    onSuccess: onChecked,
    refresh: false,
  });
  return (
    <form
      ref={formRef}
      className="form import-form"
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('form.label')}
      data-testid="exchange-form"
    >
      <FormError message={errors.form && t(errors.form)} />
      <div className="field">
        <label htmlFor="exchange-file">{t('form.file')}</label>
        <input
          id="exchange-file"
          name="file"
          type="file"
          accept=".tbx,.xml,.csv,.txt,application/xml,text/xml,text/csv,text/plain"
          aria-describedby="exchange-file-hint"
        />
        <p id="exchange-file-hint" className="field__hint">
          {t('form.fileHint')}
        </p>
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('form.checking') : t('form.preview')}
        </button>
      </p>
    </form>
  );
}

function PreviewStep({
  text,
  preview,
  onImported,
  onStartOver,
}: Checked & { onImported: (summary: GlossaryImportSummary) => void; onStartOver: () => void }) {
  const { t } = useTranslation('glossaryExchange');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const importing = useAction(applyGlossaryImportAction, { onSuccess: onImported });
  const { entries, errors } = preview;
  const count = (action: ImportAction) => entries.filter((entry) => entry.action === action).length;
  const canImport = errors.length === 0 && entries.length > 0;
  return (
    <section className="import-result" aria-labelledby="exchange-preview-title" data-testid="exchange-preview">
      <h2 id="exchange-preview-title" ref={heading} tabIndex={-1}>
        {t('preview.title')}
      </h2>
      <p>{t('preview.format', { format: preview.format })}</p>
      <FormError message={importing.errors.form && t(importing.errors.form)} />
      {errors.length ? <ImportProblems errors={errors} /> : null}
      {entries.length ? (
        <>
          <p data-testid="exchange-summary">
            {t('preview.summary', {
              create: count('create'),
              update: count('update'),
              unchanged: count('unchanged'),
            })}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('preview.caption')}</caption>
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
            </table>
          </div>
        </>
      ) : null}
      <p className="import-result__actions">
        {canImport ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => importing.run(text)}
            disabled={importing.pending}
            data-testid="exchange-confirm"
          >
            {importing.pending ? t('importing') : t('confirm', { count: entries.length })}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onStartOver} disabled={importing.pending}>
          {t('startOver')}
        </button>
      </p>
    </section>
  );
}

type T = ReturnType<typeof useTranslation<'glossaryExchange'>>['t'];

/** "Line 4" for a CSV row, "Entry 3" for a TBX conceptEntry. */
function placeText(t: T, at: ExchangePlace): string {
  return 'line' in at ? t('place.line', { line: at.line }) : t('place.entry', { entry: at.entry });
}

/** One error: where (line or entry, with its lemma where known), which field, what is wrong. */
function problemText(t: T, error: ExchangeError): string {
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

/** Every error of the file, each with its place (1 = the CSV's header row, or the first conceptEntry). */
function ImportProblems({ errors }: { errors: readonly ExchangeError[] }) {
  const { t } = useTranslation('glossaryExchange');
  return (
    <div className="import-problems" role="alert" data-testid="exchange-errors">
      <h3>{t('problems.title', { count: errors.length })}</h3>
      <p>{t('problems.hint')}</p>
      <ul>
        {errors.map((error, i) => (
          <li key={i}>{problemText(t, error)}</li>
        ))}
      </ul>
    </div>
  );
}

function ImportDone({
  summary: { created, updated, unchanged },
  locale,
  onStartOver,
}: {
  summary: GlossaryImportSummary;
  locale: Locale;
  onStartOver: () => void;
}) {
  const { t } = useTranslation('glossaryExchange');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="import-result" aria-labelledby="exchange-done-title" data-testid="exchange-done">
      <h2 id="exchange-done-title" ref={heading} tabIndex={-1}>
        {t('done.title')}
      </h2>
      <ul>
        <li>{t('done.created', { count: created.length })}</li>
        <li>{t('done.updated', { count: updated.length })}</li>
        <li>{t('done.unchanged', { count: unchanged })}</li>
      </ul>
      <p className="import-result__actions">
        <Link className="button button--primary" href={paths.glossary(locale)}>
          {t('done.view')}
        </Link>
        <button type="button" className="button" onClick={onStartOver}>
          {t('startOver')}
        </button>
      </p>
    </section>
  );
}
