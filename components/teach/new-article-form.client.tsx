'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { ACTION_FAILED, useActionForm } from '@/components/forms/use-action.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Failure } from '@/lib/result';
import { createDraftAction, importLinkAction } from '@/lib/teach/actions';
import { looksBinary } from '@/lib/teach/plain-text';
import { DOCX_MAX_BYTES, HTML_RAW_MAX, TEXT_MAX, URL_MAX } from '@/lib/teach/schema';
import type { SourceFormat } from '@/lib/teach/types';

type Source = 'paste' | 'file' | 'link';

const EXTENSIONS: Record<string, Exclude<SourceFormat, 'paste'>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  docx: 'docx',
};
/** The Word file limit in the messages: whole megabytes. */
const DOCX_MAX_MB = DOCX_MAX_BYTES / 1_000_000;
/** The server counts characters; UTF-8 needs at most 3 bytes for each, so a larger file cannot fit and is not even read. */
const BYTES_PER_CHAR_MAX = 3;

/** A file's bytes as base64 (a data: URL's payload), or null when the browser cannot read it. */
function base64Of(file: File): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.slice(reader.result.indexOf(',') + 1) : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

function formatOf(fileName: string): Exclude<SourceFormat, 'paste'> | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[extension] ?? null;
}

/**
 * Import a German article: pasted text, a .txt/.md/.html file read here in the browser, a Word file
 * (.docx) sent as base64 and converted on the server, or a web page's address, which the server
 * fetches. The same limits as the server's are checked before sending; the server checks everything
 * again.
 */
export function NewArticleForm({ locale }: { locale: Locale }) {
  const { t } = useTranslation('teach');
  const router = useRouter();
  const [source, setSource] = useState<Source>('file');
  /** The character limit a refusal names: a web page may be longer than a text. */
  const [max, setMax] = useState(TEXT_MAX);

  const importArticle = async (form: FormData) => {
    const refused = (key: string): Failure => ({ ok: false, error: key });
    const title = String(form.get('title') ?? '').trim() || undefined;
    if (source === 'link') {
      const url = String(form.get('url') ?? '').trim();
      if (url === '') return refused('teach:errors.link.empty');
      return importLinkAction({ title, url });
    }
    if (source === 'paste') {
      const text = String(form.get('text') ?? '');
      setMax(TEXT_MAX);
      if (text.trim() === '') return refused('teach:new.errors.noText');
      if (text.length > TEXT_MAX) return refused('teach:new.errors.tooLarge');
      return createDraftAction({ title, format: 'paste', text });
    }
    const file = form.get('file');
    if (!(file instanceof File) || file.name === '') return refused('teach:new.errors.noFile');
    const format = formatOf(file.name);
    if (!format) return refused('teach:new.errors.wrongType');
    if (format === 'docx') {
      setMax(DOCX_MAX_MB);
      if (file.size > DOCX_MAX_BYTES) return refused('teach:errors.docxTooLarge');
      if (file.size === 0) return refused('teach:new.errors.empty');
      const data = await base64Of(file);
      if (data === null) return refused('teach:new.errors.unreadable');
      return createDraftAction({ title, format, text: data, fileName: file.name });
    }
    const limit = format === 'html' ? HTML_RAW_MAX : TEXT_MAX;
    setMax(limit);
    if (file.size > limit * BYTES_PER_CHAR_MAX) return refused('teach:new.errors.fileTooLarge');
    if (file.size === 0) return refused('teach:new.errors.empty');
    const text = await file.text().catch(() => null);
    if (text === null || looksBinary(text)) return refused('teach:new.errors.unreadable');
    if (text.trim() === '') return refused('teach:new.errors.empty');
    if (text.length > limit) return refused('teach:new.errors.fileTooLarge');
    return createDraftAction({ title, format, text, fileName: file.name });
  };
  const { onSubmit, pending, done, errors, formRef } = useActionForm(importArticle, (form) => form, {
    onSuccess: ({ slug }) => router.push(paths.teachArticle(locale, slug)),
    refresh: false,
  });
  // The title has its own field; any other refusal is about the text itself and belongs to the whole
  // form. A failure without an answer says that nothing was saved.
  const { form: formError, title: titleError, ...others } = errors;
  const refusal = Object.values(others)[0] ?? (titleError ? undefined : formError);
  const error = refusal === ACTION_FAILED ? 'teach:new.errors.failed' : refusal;
  const busy = pending || done;

  return (
    <form
      ref={formRef}
      className="form teach-new-form"
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('new.form.label')}
      data-testid="new-article-form"
    >
      <FormError message={error && t(error, { max })} testId="new-article-error" />
      <TextField
        id="article-title"
        name="title"
        autoComplete="off"
        maxLength={300}
        lang="de"
        label={t('new.form.title')}
        hint={t('new.form.titleHint')}
        error={titleError && t(titleError)}
      />
      <fieldset className="field teach-new-form__source">
        <legend>{t('new.form.source')}</legend>
        <label>
          <input
            type="radio"
            name="source"
            value="file"
            checked={source === 'file'}
            onChange={() => setSource('file')}
          />{' '}
          {t('new.form.sourceFile')}
        </label>
        <label>
          <input
            type="radio"
            name="source"
            value="paste"
            checked={source === 'paste'}
            onChange={() => setSource('paste')}
          />{' '}
          {t('new.form.sourcePaste')}
        </label>
        <label>
          <input
            type="radio"
            name="source"
            value="link"
            checked={source === 'link'}
            onChange={() => setSource('link')}
          />{' '}
          {t('new.form.sourceLink')}
        </label>
      </fieldset>
      {source === 'link' ? (
        <TextField
          id="article-url"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          maxLength={URL_MAX}
          label={t('new.form.link')}
          hint={t('new.form.linkHint')}
        />
      ) : source === 'file' ? (
        <div className="field">
          <label htmlFor="article-file">{t('new.form.file')}</label>
          <input
            id="article-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby="article-file-hint"
          />
          <p id="article-file-hint" className="field__hint">
            {t('new.form.fileHint', { max: TEXT_MAX, htmlMax: HTML_RAW_MAX, docxMax: DOCX_MAX_MB })}
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor="article-text">{t('new.form.paste')}</label>
          <textarea
            id="article-text"
            name="text"
            rows={14}
            lang="de"
            className="teach-new-form__text"
            aria-describedby="article-text-hint"
          />
          <p id="article-text-hint" className="field__hint">
            {t('new.form.pasteHint', { max: TEXT_MAX })}
          </p>
        </div>
      )}
      <p>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="new-article-submit">
          {busy ? t('new.form.pending') : t('new.form.submit')}
        </button>
      </p>
    </form>
  );
}
