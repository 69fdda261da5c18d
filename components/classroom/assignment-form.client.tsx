'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { createAssignmentAction, focusTermOptionsAction } from '@/lib/classroom/actions';

type ArticleOption = { slug: string; titleDe: string; titleEn: string };
type TermOption = { id: string; lemma: string; englishPreferred: string };

/** The browser's local date-time input value (YYYY-MM-DDTHH:mm) a week from now at 18:00. */
function nextWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T18:00`;
}

/**
 * A new assignment for a class: a published article, a due date (in the browser's time zone, sent as
 * an instant), instructions, the focus terms (the glossary terms of that article, all checked at
 * first) and whether a quiz follows.
 */
export function AssignmentForm({ classId, articles }: { classId: string; articles: readonly ArticleOption[] }) {
  const { t } = useTranslation('classroom');
  const router = useRouter();
  const [slug, setSlug] = useState('');
  const [terms, setTerms] = useState<TermOption[] | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState(false);
  const [due, setDue] = useState('');
  useEffect(() => setDue(nextWeek()), []);

  useEffect(() => {
    if (!slug) return setTerms(null);
    let current = true;
    setTerms(null);
    void focusTermOptionsAction(slug).then((result) => {
      if (!current) return;
      const options = result.ok ? result.data.map(({ id, lemma, englishPreferred }) => ({ id, lemma, englishPreferred })) : [];
      setTerms(options);
      setChecked(new Set(options.map((term) => term.id)));
    });
    return () => {
      current = false;
    };
  }, [slug]);

  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const dueLocal = String(form.get('dueAt') ?? '');
    const dueDate = dueLocal ? new Date(dueLocal) : null;
    setPending(true);
    setCreated(false);
    try {
      const result = await createAssignmentAction({
        classId,
        articleSlug: slug,
        dueAt: dueDate && !Number.isNaN(dueDate.getTime()) ? dueDate.toISOString() : '',
        instructions: String(form.get('instructions') ?? ''),
        focusTermIds: terms ? terms.filter((term) => checked.has(term.id)).map((term) => term.id) : undefined,
        quizEnabled: form.get('quizEnabled') === 'on',
      });
      if (!result.ok) return setErrors({ ...(result.fieldErrors ?? {}), form: result.error });
      setErrors({});
      setCreated(true);
      router.refresh();
    } catch {
      setErrors({ form: 'classroom:form.failed' });
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form assignment-form" method="post" onSubmit={onSubmit} noValidate data-testid="assignment-form">
      {errors.form ? (
        <p className="form__error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="assignment-article">{t('assignmentForm.article')}</label>
        <select
          id="assignment-article"
          name="articleSlug"
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          required
          aria-invalid={errors.articleSlug ? true : undefined}
          aria-describedby={errors.articleSlug ? 'assignment-article-error' : undefined}
        >
          <option value="">{t('assignmentForm.chooseArticle')}</option>
          {articles.map((article) => (
            <option key={article.slug} value={article.slug} lang="de">
              {article.titleDe}
            </option>
          ))}
        </select>
        {errors.articleSlug ? (
          <p id="assignment-article-error" className="field__error" role="alert">
            {t(errors.articleSlug)}
          </p>
        ) : null}
      </div>
      <TextField id="assignment-due" name="dueAt" type="datetime-local" required value={due} onChange={(event) => setDue(event.target.value)} label={t('assignmentForm.dueAt')} hint={t('assignmentForm.dueHint')} error={errors.dueAt && t(errors.dueAt)} />
      <div className="field">
        <label htmlFor="assignment-instructions">{t('assignmentForm.instructions')}</label>
        <textarea id="assignment-instructions" name="instructions" rows={3} maxLength={2000} aria-invalid={errors.instructions ? true : undefined} />
        {errors.instructions ? (
          <p className="field__error" role="alert">
            {t(errors.instructions)}
          </p>
        ) : null}
      </div>
      <fieldset className="focus-terms" data-testid="focus-terms">
        <legend>{t('assignmentForm.focusTerms')}</legend>
        {!slug ? (
          <p className="muted">{t('assignmentForm.focusTermsChooseFirst')}</p>
        ) : terms === null ? (
          <p className="muted" role="status">
            {t('assignmentForm.focusTermsLoading')}
          </p>
        ) : terms.length === 0 ? (
          <p className="muted">{t('assignmentForm.focusTermsNone')}</p>
        ) : (
          <>
            <p className="muted">{t('assignmentForm.focusTermsHint', { checked: checked.size, total: terms.length })}</p>
            <ul className="focus-terms__list">
              {terms.map((term) => (
                <li key={term.id}>
                  <label>
                    <input type="checkbox" name="focusTermIds" value={term.id} checked={checked.has(term.id)} onChange={() => toggle(term.id)} data-lemma={term.lemma} />{' '}
                    <span lang="de">{term.lemma}</span> <span className="muted">({term.englishPreferred})</span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
        {errors.focusTermIds ? (
          <p className="field__error" role="alert">
            {t(errors.focusTermIds)}
          </p>
        ) : null}
      </fieldset>
      <div className="field field--choice">
        <label>
          <input type="checkbox" name="quizEnabled" defaultChecked /> {t('assignmentForm.quiz')}
        </label>
      </div>
      <button type="submit" className="button button--primary" disabled={pending || !slug || terms === null}>
        {t('assignmentForm.submit')}
      </button>
      <p role="status" className="form__status">
        {created ? t('assignmentForm.created') : ''}
      </p>
    </form>
  );
}
