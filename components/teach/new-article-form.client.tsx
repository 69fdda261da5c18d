'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import type { Locale } from '@/lib/i18n/settings';
import { createDraftAction } from '@/lib/teach/actions';
import { HTML_RAW_MAX, TEXT_MAX } from '@/lib/teach/schema';
import type { SourceFormat } from '@/lib/teach/types';
import { paths } from '@/lib/paths';
import { FormError } from '@/components/forms/messages';

type Source = 'paste' | 'file';
type FormError = { key: string; values?: Record<string, number> };

const EXTENSIONS: Record<string, Exclude<SourceFormat, 'paste'>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
};
/** The server counts characters; UTF-8 needs at most 3 bytes for each, so a larger file cannot fit and is not even read. */
const BYTES_PER_CHAR_MAX = 3;

function formatOf(fileName: string): Exclude<SourceFormat, 'paste'> | null {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[extension] ?? null;
}

/** Binary files decode to NULs or many replacement characters: those are refused as unreadable. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  return replaced > 0 && replaced / text.length > 0.01;
}

/**
 * Import a German article: pasted text, or a .txt/.md/.html file read here in the browser. The same
 * limits as the server's are checked before sending; the server checks everything again.
 */
export function NewArticleForm({ locale }: { locale: Locale }) {
  const { t } = useTranslation('teach');
  const router = useRouter();
  const [source, setSource] = useState<Source>('file');
  const [error, setError] = useState<FormError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const fail = (key: string, values?: Record<string, number>) => {
    setError({ key, values });
    setPending(false);
  };

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    let text: string;
    let format: SourceFormat;
    let fileName: string | undefined;
    if (source === 'file') {
      const file = form.get('file');
      if (!(file instanceof File) || file.name === '') return fail('teach:new.errors.noFile');
      const fileFormat = formatOf(file.name);
      if (!fileFormat) return fail('teach:new.errors.wrongType');
      const max = fileFormat === 'html' ? HTML_RAW_MAX : TEXT_MAX;
      if (file.size > max * BYTES_PER_CHAR_MAX) return fail('teach:new.errors.fileTooLarge', { max });
      if (file.size === 0) return fail('teach:new.errors.empty');
      setPending(true);
      try {
        text = await file.text();
      } catch {
        return fail('teach:new.errors.unreadable');
      }
      if (looksBinary(text)) return fail('teach:new.errors.unreadable');
      if (text.trim() === '') return fail('teach:new.errors.empty');
      if (text.length > max) return fail('teach:new.errors.fileTooLarge', { max });
      format = fileFormat;
      fileName = file.name;
    } else {
      text = String(form.get('text') ?? '');
      if (text.trim() === '') return fail('teach:new.errors.noText');
      if (text.length > TEXT_MAX) return fail('teach:new.errors.tooLarge', { max: TEXT_MAX });
      format = 'paste';
    }
    setPending(true);
    try {
      const result = await createDraftAction({ title: title || undefined, format, text, fileName });
      if (result.ok) {
        router.push(paths.teachArticle(locale, result.data.slug));
        return;
      }
      const { title: titleError, ...others } = result.fieldErrors ?? {};
      setFieldErrors(titleError ? { title: titleError } : {});
      // An error of the text itself (too long, empty, unreadable) belongs to the whole form.
      fail(Object.values(others)[0] ?? result.error, { max: TEXT_MAX });
    } catch {
      fail('teach:new.errors.failed');
    }
  };

  return (
    <form
      className="form teach-new-form"
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('new.form.label')}
      data-testid="new-article-form"
    >
      <FormError message={error && t(error.key, error.values ?? {})} testId="new-article-error" />
      <TextField
        id="article-title"
        name="title"
        autoComplete="off"
        maxLength={300}
        lang="de"
        label={t('new.form.title')}
        hint={t('new.form.titleHint')}
        error={fieldErrors.title && t(fieldErrors.title)}
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
      </fieldset>
      {source === 'file' ? (
        <div className="field">
          <label htmlFor="article-file">{t('new.form.file')}</label>
          <input
            id="article-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            aria-describedby="article-file-hint"
          />
          <p id="article-file-hint" className="field__hint">
            {t('new.form.fileHint', { max: TEXT_MAX, htmlMax: HTML_RAW_MAX })}
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
        <button type="submit" className="button button--primary" disabled={pending} data-testid="new-article-submit">
          {pending ? t('new.form.pending') : t('new.form.submit')}
        </button>
      </p>
    </form>
  );
}
