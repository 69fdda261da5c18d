'use client';
import type { TFunction } from 'i18next';
import Link from 'next/link';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { useAction, useActionForm } from '@/components/forms/use-action.client';
import type { Result } from '@/lib/result';

/** What the server would do with one item of the file. */
type ImportAction = 'create' | 'update' | 'unchanged';

/** The chosen file's text, and the server's preview of it. */
export type Checked<P> = { text: string; preview: P };

/** What a preview shows, in the caller's own terms. */
export type PreviewParts = {
  /** One per item of the file, for the summary and the confirm button. */
  items: readonly { action: ImportAction }[];
  /** Every error of the file, each already translated. */
  problems: readonly string[];
  /** Shown under the heading (e.g. the file's format). */
  lead?: ReactNode;
  /** The preview table's head and body. */
  table: ReactNode;
};

/**
 * One import's words and names: `ns` its i18n namespace, `keys` the prefix of its keys there (below it:
 * form.*, preview.*, problems.*, done.*, importing, confirm, startOver), `id` the prefix of its element
 * ids and test ids.
 */
export type ImportTexts = { ns: string; keys: string; id: string };

type State<P, S> = { phase: 'input' } | ({ phase: 'preview' } & Checked<P>) | { phase: 'done'; summary: S };

/** Moves focus to a step's heading when the step appears. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * An import in two steps: `check` reads the chosen file (and any `fields`) and has the server preview
 * it; `describe` tells what the preview holds, with every error; only a file without errors can be
 * confirmed, and `apply` has the server parse it again and import it. Each step starts afresh, without
 * the messages of an earlier one.
 */
export function ImportSteps<P, S>({
  texts,
  accept,
  fields,
  check,
  describe,
  apply,
  counts,
  href,
}: {
  texts: ImportTexts;
  /** The file input's accepted types. */
  accept: string;
  /** More inputs, after the file's. */
  fields?: ReactNode;
  check: (form: FormData) => Promise<Result<Checked<P>>>;
  describe: (preview: P, t: TFunction) => PreviewParts;
  apply: (text: string) => Promise<Result<S>>;
  counts: (summary: S) => { created: number; updated: number; unchanged: number };
  /** Where the imported items are listed. */
  href: string;
}) {
  const [state, setState] = useState<State<P, S>>({ phase: 'input' });
  const startOver = () => setState({ phase: 'input' });
  if (state.phase === 'done')
    return <ImportDone texts={texts} {...counts(state.summary)} href={href} onStartOver={startOver} />;
  if (state.phase === 'preview')
    return (
      <PreviewStep
        texts={texts}
        text={state.text}
        parts={(t) => describe(state.preview, t)}
        apply={apply}
        onImported={(summary) => setState({ phase: 'done', summary })}
        onStartOver={startOver}
      />
    );
  return (
    <InputStep
      texts={texts}
      accept={accept}
      fields={fields}
      check={check}
      onChecked={(checked) => setState({ phase: 'preview', ...checked })}
    />
  );
}

function InputStep<P>({
  texts: { ns, keys, id },
  accept,
  fields,
  check,
  onChecked,
}: {
  texts: ImportTexts;
  accept: string;
  fields: ReactNode;
  check: (form: FormData) => Promise<Result<Checked<P>>>;
  onChecked: (checked: Checked<P>) => void;
}) {
  const { t } = useTranslation(ns);
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
      aria-label={t(`${keys}form.label`)}
      data-testid={`${id}-form`}
    >
      <FormError message={errors.form && t(errors.form)} />
      <div className="field">
        <label htmlFor={`${id}-file`}>{t(`${keys}form.file`)}</label>
        <input id={`${id}-file`} name="file" type="file" accept={accept} aria-describedby={`${id}-file-hint`} />
        <p id={`${id}-file-hint`} className="field__hint">
          {t(`${keys}form.fileHint`)}
        </p>
      </div>
      {fields}
      <p>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t(`${keys}form.checking`) : t(`${keys}form.preview`)}
        </button>
      </p>
    </form>
  );
}

function PreviewStep<S>({
  texts: { ns, keys, id },
  text,
  parts,
  apply,
  onImported,
  onStartOver,
}: {
  texts: ImportTexts;
  text: string;
  parts: (t: TFunction) => PreviewParts;
  apply: (text: string) => Promise<Result<S>>;
  onImported: (summary: S) => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation(ns);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const importing = useAction(apply, { onSuccess: onImported });
  const { items, problems, lead, table } = parts(t);
  const count = (action: ImportAction) => items.filter((item) => item.action === action).length;
  const canImport = problems.length === 0 && items.length > 0;
  return (
    <section className="import-result" aria-labelledby={`${id}-preview-title`} data-testid={`${id}-preview`}>
      <h2 id={`${id}-preview-title`} ref={heading} tabIndex={-1}>
        {t(`${keys}preview.title`)}
      </h2>
      {lead}
      <FormError message={importing.errors.form && t(importing.errors.form)} />
      {problems.length ? (
        <div className="import-problems" role="alert" data-testid={`${id}-errors`}>
          <h3>{t(`${keys}problems.title`, { count: problems.length })}</h3>
          <p>{t(`${keys}problems.hint`)}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {items.length ? (
        <>
          <p data-testid={`${id}-summary`}>
            {t(`${keys}preview.summary`, {
              create: count('create'),
              update: count('update'),
              unchanged: count('unchanged'),
            })}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t(`${keys}preview.caption`)}</caption>
              {table}
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
            data-testid={`${id}-confirm`}
          >
            {importing.pending ? t(`${keys}importing`) : t(`${keys}confirm`, { count: items.length })}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onStartOver} disabled={importing.pending}>
          {t(`${keys}startOver`)}
        </button>
      </p>
    </section>
  );
}

function ImportDone({
  texts: { ns, keys, id },
  created,
  updated,
  unchanged,
  href,
  onStartOver,
}: {
  texts: ImportTexts;
  created: number;
  updated: number;
  unchanged: number;
  href: string;
  onStartOver: () => void;
}) {
  const { t } = useTranslation(ns);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="import-result" aria-labelledby={`${id}-done-title`} data-testid={`${id}-done`}>
      <h2 id={`${id}-done-title`} ref={heading} tabIndex={-1}>
        {t(`${keys}done.title`)}
      </h2>
      <ul>
        <li>{t(`${keys}done.created`, { count: created })}</li>
        <li>{t(`${keys}done.updated`, { count: updated })}</li>
        <li>{t(`${keys}done.unchanged`, { count: unchanged })}</li>
      </ul>
      <p className="import-result__actions">
        <Link className="button button--primary" href={href}>
          {t(`${keys}done.view`)}
        </Link>
        <button type="button" className="button" onClick={onStartOver}>
          {t(`${keys}startOver`)}
        </button>
      </p>
    </section>
  );
}
