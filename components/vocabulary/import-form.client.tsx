'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { useAction, useActionForm } from '@/components/forms/use-action.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Result } from '@/lib/result';
import { applyImportAction, previewImportAction } from '@/lib/vocabulary/actions';
import { IMPORT_TEXT_MAX } from '@/lib/vocabulary/schema';
import { STATUS_LABEL_KEYS } from '@/lib/vocabulary/status';
import type { ImportAction, ImportError, ImportPreview, ImportSummary } from '@/lib/vocabulary/types';

/** The server refuses more than IMPORT_TEXT_MAX characters; a file over that many bytes is refused here, before it is sent. */
const UPLOAD_MAX_BYTES = IMPORT_TEXT_MAX;

const ACTION_KEYS = {
  create: 'vocabulary:importPage.preview.create',
  update: 'vocabulary:importPage.preview.update',
  unchanged: 'vocabulary:importPage.preview.unchanged',
} as const satisfies Record<ImportAction, string>;

type Checked = { text: string; preview: ImportPreview };
type State = { phase: 'input' } | ({ phase: 'preview' } & Checked) | { phase: 'done'; summary: ImportSummary };

const refused = (error: string): Result<never> => ({ ok: false, error });

/** The chosen file (or else the pasted text), checked here for size and content, then previewed by the server. */
async function check(form: FormData): Promise<Result<Checked>> {
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

/** Moves focus to a step's heading when the step appears. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * Import in two steps: the file (or pasted text) is checked on the server and previewed row by row
 * with every error; only a file without errors can be confirmed, and the server parses it again then.
 * Each step starts afresh, without the messages of an earlier one.
 */
export function ImportForm({ locale }: { locale: Locale }) {
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
  const { t } = useTranslation('vocabulary');
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
      aria-label={t('importPage.form.label')}
      data-testid="import-form"
    >
      <FormError message={errors.form && t(errors.form)} />
      <div className="field">
        <label htmlFor="import-file">{t('importPage.form.file')}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          aria-describedby="import-file-hint"
        />
        <p id="import-file-hint" className="field__hint">
          {t('importPage.form.fileHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="import-text">{t('importPage.form.paste')}</label>
        <textarea id="import-text" name="text" rows={6} spellCheck={false} className="import-form__text" />
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('importPage.form.checking') : t('importPage.form.preview')}
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
}: Checked & { onImported: (summary: ImportSummary) => void; onStartOver: () => void }) {
  const { t } = useTranslation('vocabulary');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const importing = useAction(applyImportAction, { onSuccess: onImported });
  const { rows, errors } = preview;
  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
  const canImport = errors.length === 0 && rows.length > 0;
  return (
    <section className="import-result" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h2 id="import-preview-title" ref={heading} tabIndex={-1}>
        {t('importPage.preview.title')}
      </h2>
      <FormError message={importing.errors.form && t(importing.errors.form)} />
      {errors.length ? <ImportProblems errors={errors} /> : null}
      {rows.length ? (
        <>
          <p data-testid="import-summary">
            {t('importPage.preview.summary', {
              create: count('create'),
              update: count('update'),
              unchanged: count('unchanged'),
            })}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('importPage.preview.caption')}</caption>
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
            data-testid="import-confirm"
          >
            {importing.pending ? t('importPage.importing') : t('importPage.confirm', { count: rows.length })}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onStartOver} disabled={importing.pending}>
          {t('importPage.startOver')}
        </button>
      </p>
    </section>
  );
}

function ImportDone({
  summary: { created, updated, unchanged },
  locale,
  onStartOver,
}: {
  summary: ImportSummary;
  locale: Locale;
  onStartOver: () => void;
}) {
  const { t } = useTranslation('vocabulary');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="import-result" aria-labelledby="import-done-title" data-testid="import-done">
      <h2 id="import-done-title" ref={heading} tabIndex={-1}>
        {t('importPage.done.title')}
      </h2>
      <ul>
        <li>{t('importPage.done.created', { count: created })}</li>
        <li>{t('importPage.done.updated', { count: updated })}</li>
        <li>{t('importPage.done.unchanged', { count: unchanged })}</li>
      </ul>
      <p className="import-result__actions">
        <Link className="button button--primary" href={paths.vocabulary(locale)}>
          {t('importPage.done.view')}
        </Link>
        <button type="button" className="button" onClick={onStartOver}>
          {t('importPage.startOver')}
        </button>
      </p>
    </section>
  );
}

/** Every error of the file, each with its line (1 = the header row) and, where known, its column. */
function ImportProblems({ errors }: { errors: readonly ImportError[] }) {
  const { t } = useTranslation('vocabulary');
  return (
    <div className="import-problems" role="alert" data-testid="import-errors">
      <h3>{t('importPage.problems.title', { count: errors.length })}</h3>
      <p>{t('importPage.problems.hint')}</p>
      <ul>
        {errors.map((error, i) => (
          <li key={`${error.line}-${error.field ?? ''}-${i}`}>
            {error.field
              ? t('importPage.problems.lineField', {
                  line: error.line,
                  field: error.field,
                  message: t(error.messageKey, { lemma: error.lemma }),
                })
              : t('importPage.problems.line', {
                  line: error.line,
                  message: t(error.messageKey, { lemma: error.lemma }),
                })}
          </li>
        ))}
      </ul>
    </div>
  );
}
