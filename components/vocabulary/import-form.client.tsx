'use client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { applyImportAction, previewImportAction } from '@/lib/vocabulary/actions';
import { IMPORT_TEXT_MAX } from '@/lib/vocabulary/schema';
import { STATUS_LABEL_KEYS } from '@/lib/vocabulary/status';
import type { ImportAction, ImportError, ImportPreview, ImportSummary } from '@/lib/vocabulary/types';
import { FormError } from '@/components/forms/messages';

/** The server refuses more than IMPORT_TEXT_MAX characters; a file over that many bytes is refused here, before it is sent. */
const UPLOAD_MAX_BYTES = IMPORT_TEXT_MAX;

const ACTION_KEYS = {
  create: 'vocabulary:importPage.preview.create',
  update: 'vocabulary:importPage.preview.update',
  unchanged: 'vocabulary:importPage.preview.unchanged',
} as const satisfies Record<ImportAction, string>;

type State =
  | { phase: 'input' }
  | { phase: 'preview'; text: string; preview: ImportPreview }
  | { phase: 'done'; summary: ImportSummary };

/**
 * Import in two steps: the file (or pasted text) is checked on the server and previewed row by row
 * with every error; only a file without errors can be confirmed, and the server parses it again then.
 */
export function ImportForm({ locale }: { locale: Locale }) {
  const { t } = useTranslation('vocabulary');
  const [state, setState] = useState<State>({ phase: 'input' });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.phase !== 'input') resultHeading.current?.focus();
  }, [state]);

  const fail = (key: string) => {
    setFormError(key);
    setPending(false);
  };

  const onCheck = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const chosen = file instanceof File && file.size > 0 ? file : null;
    if (chosen && chosen.size > UPLOAD_MAX_BYTES) return fail('vocabulary:importPage.form.tooLarge');
    setPending(true);
    let text: string;
    try {
      text = chosen ? await chosen.text() : String(form.get('text') ?? '');
    } catch {
      return fail('vocabulary:importPage.form.unreadable');
    }
    if (text.trim() === '') return fail('vocabulary:importPage.form.noInput');
    if (new Blob([text]).size > UPLOAD_MAX_BYTES) return fail('vocabulary:importPage.form.tooLarge');
    try {
      const result = await previewImportAction(text);
      if (!result.ok) return fail(result.error);
      setState({ phase: 'preview', text, preview: result.data });
      setPending(false);
    } catch {
      fail('vocabulary:words.failed');
    }
  };

  const onConfirm = async () => {
    if (state.phase !== 'preview') return;
    setFormError(null);
    setPending(true);
    try {
      const result = await applyImportAction(state.text);
      if (result.ok) setState({ phase: 'done', summary: result.data });
      else if (result.errors.length)
        setState({ ...state, preview: { rows: state.preview.rows, errors: result.errors } });
      else setFormError(result.error);
    } catch {
      setFormError('vocabulary:words.failed');
    } finally {
      setPending(false);
    }
  };

  const startOver = () => {
    setFormError(null);
    setState({ phase: 'input' });
  };

  const errorBox = <FormError message={formError && t(formError)} />;

  if (state.phase === 'done') {
    const { created, updated, unchanged } = state.summary;
    return (
      <section className="import-result" aria-labelledby="import-done-title" data-testid="import-done">
        <h2 id="import-done-title" ref={resultHeading} tabIndex={-1}>
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
          <button type="button" className="button" onClick={startOver}>
            {t('importPage.startOver')}
          </button>
        </p>
      </section>
    );
  }

  if (state.phase === 'preview') {
    const { rows, errors } = state.preview;
    const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
    const canImport = errors.length === 0 && rows.length > 0;
    return (
      <section className="import-result" aria-labelledby="import-preview-title" data-testid="import-preview">
        <h2 id="import-preview-title" ref={resultHeading} tabIndex={-1}>
          {t('importPage.preview.title')}
        </h2>
        {errorBox}
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
              onClick={onConfirm}
              disabled={pending}
              data-testid="import-confirm"
            >
              {pending ? t('importPage.importing') : t('importPage.confirm', { count: rows.length })}
            </button>
          ) : null}
          <button type="button" className="button" onClick={startOver} disabled={pending}>
            {t('importPage.startOver')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <form
      className="form import-form"
      method="post"
      onSubmit={onCheck}
      noValidate
      aria-label={t('importPage.form.label')}
      data-testid="import-form"
    >
      {errorBox}
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
                  message: t(error.messageKey),
                })
              : t('importPage.problems.line', { line: error.line, message: t(error.messageKey) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
