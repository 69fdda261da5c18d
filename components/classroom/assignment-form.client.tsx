'use client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrowserTimeZone } from '@/components/i18n/use-browser-time-zone.client';
import { FieldError, FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action.client';
import { createAssignmentAction, updateAssignmentAction } from '@/lib/classroom/actions';
import { dueInputToInstant, nextWeekDueInputValue, toDueInputValue } from '@/lib/classroom/due-input';
import { INSTRUCTIONS_MAX } from '@/lib/classroom/limits';
import { formatDateTime } from '@/lib/format';
import { defaultLocale, isLocale } from '@/lib/i18n/settings';
import type { AssignableArticle } from '@/lib/articles/types';
import type { AssignmentSummary } from '@/lib/classroom/types';
import { ArticleCombobox } from './article-combobox.client';
import { FocusTermFieldset } from './focus-term-fieldset';
import { useFocusTerms } from './use-focus-terms.client';

type EditedAssignment = Pick<
  AssignmentSummary,
  'id' | 'article' | 'dueAt' | 'instructions' | 'quizEnabled' | 'focusTerms'
>;
type Props = { classId: string; editing?: undefined } | { editing: EditedAssignment; classId?: undefined };

/**
 * An assignment's article, due date (in the browser's time zone, sent as an instant), instructions,
 * focus terms (the glossary terms of the article) and quiz: a new one for a class, its article found
 * by a search of the articles the teacher may assign, with all its terms checked at first; or, given `editing`, the changes to one,
 * whose article stays. Element ids carry the assignment's id, for several edit forms on one page.
 */
export function AssignmentForm({ classId, editing }: Props) {
  const { t, i18n } = useTranslation('classroom');
  const locale = isLocale(i18n.language) ? i18n.language : defaultLocale;
  const timeZone = useBrowserTimeZone();
  const [article, setArticle] = useState<AssignableArticle | null>(null);
  const slug = editing ? editing.article.slug : (article?.slug ?? '');
  const focus = useFocusTerms(
    slug,
    editing?.focusTerms.map((term) => term.id),
  );
  const { terms, chosen } = focus;
  // A new assignment made: its title is said, and the emptied form is ready for the next one.
  const [createdTitle, setCreatedTitle] = useState<string | null>(null);
  const articleRef = useRef<HTMLInputElement>(null);
  const [due, setDue] = useState('');
  const dueMs = editing?.dueAt.getTime();
  // The field's value depends on the browser's zone, unknown to the server: set after mount.
  useEffect(() => setDue(dueMs === undefined ? nextWeekDueInputValue() : toDueInputValue(new Date(dueMs))), [dueMs]);

  const { formRef, errors, pending, done, onSubmit } = useActionForm(
    editing ? updateAssignmentAction : createAssignmentAction,
    (form) => ({
      ...(editing ? { assignmentId: editing.id } : { classId, articleSlug: slug }),
      dueAt: dueInputToInstant(String(form.get('dueAt') ?? '')),
      instructions: String(form.get('instructions') ?? ''),
      focusTermIds: chosen,
      quizEnabled: form.get('quizEnabled') === 'on',
    }),
    {
      onSuccess: (_data, form) => {
        if (editing) return;
        setCreatedTitle(article?.titleDe ?? '');
        form?.reset();
        setArticle(null);
        setDue(nextWeekDueInputValue());
        articleRef.current?.focus();
      },
    },
  );

  // The browser draws the date field in its own language; the hint repeats the chosen moment in the
  // page's, with the zone it is in.
  const dueInstant = dueInputToInstant(due);
  const dueHint =
    dueInstant && timeZone
      ? t('assignmentForm.duePreview', { when: formatDateTime(locale, dueInstant, timeZone), zone: timeZone })
      : t('assignmentForm.dueHint');
  const id = (field: string) => (editing ? `assignment-${field}-${editing.id}` : `assignment-${field}`);
  const message = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <form
      ref={formRef}
      className="form assignment-form"
      method="post"
      onSubmit={onSubmit}
      noValidate
      data-testid={editing ? 'assignment-edit-form' : 'assignment-form'}
    >
      <FormError message={message('form')} />
      {editing ? (
        <div className="field">
          <span className="field__label">{t('assignmentForm.article')}</span>
          <p className="field__value" lang="de">
            {editing.article.titleDe}
          </p>
          <p className="field__hint">{t('assignmentForm.articleFixed')}</p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={id('article')}>{t('assignmentForm.article')}</label>
          <ArticleCombobox
            id={id('article')}
            chosen={article}
            onChoose={(choice) => {
              setArticle(choice);
              setCreatedTitle(null);
            }}
            inputRef={articleRef}
            invalid={Boolean(errors.articleSlug)}
            describedBy={errors.articleSlug ? `${id('article')}-error` : undefined}
          />
          <FieldError id={`${id('article')}-error`} message={message('articleSlug')} />
        </div>
      )}
      <TextField
        id={id('due')}
        name="dueAt"
        type="datetime-local"
        required
        value={due}
        onChange={(event) => setDue(event.target.value)}
        label={t('assignmentForm.dueAt')}
        hint={dueHint}
        error={message('dueAt')}
      />
      <div className="field">
        <label htmlFor={id('instructions')}>{t('assignmentForm.instructions')}</label>
        <textarea
          id={id('instructions')}
          name="instructions"
          rows={3}
          maxLength={INSTRUCTIONS_MAX}
          defaultValue={editing?.instructions}
          aria-invalid={errors.instructions ? true : undefined}
          aria-describedby={errors.instructions ? `${id('instructions')}-error` : undefined}
        />
        <FieldError id={`${id('instructions')}-error`} message={message('instructions')} />
      </div>
      <FocusTermFieldset
        idPrefix={id('focus')}
        terms={terms}
        shown={focus.shown}
        checked={focus.checked}
        toggle={focus.toggle}
        setShown={focus.setShown}
        filter={focus.filter}
        setFilter={focus.setFilter}
        articleChosen={Boolean(slug)}
        error={message('focusTermIds')}
        t={t}
      />
      <div className="field field--choice">
        <label>
          <input
            type="checkbox"
            name="quizEnabled"
            defaultChecked={editing ? editing.quizEnabled : true}
            aria-invalid={errors.quizEnabled ? true : undefined}
          />{' '}
          {t('assignmentForm.quiz')}
        </label>
        <FieldError message={message('quizEnabled')} />
      </div>
      <button type="submit" className="button button--primary" disabled={pending || terms === null}>
        {editing ? t('assignmentForm.save') : t('assignmentForm.submit')}
      </button>
      <p role="status" className="form__status" data-testid="assignment-form-status">
        {editing
          ? done
            ? t('assignmentForm.saved')
            : ''
          : createdTitle !== null
            ? t('assignmentForm.createdTitled', { title: createdTitle })
            : ''}
      </p>
    </form>
  );
}
