import type { TFunction } from 'i18next';
import { FieldError } from '@/components/forms/messages';
import type { FocusTermView } from '@/lib/classroom/types';

/**
 * The focus-term checkboxes of the assignment form, with a filter and all/none buttons, and what to say
 * before an article is chosen or while its terms load.
 */
export function FocusTermFieldset({
  idPrefix,
  terms,
  shown,
  checked,
  toggle,
  setShown,
  filter,
  setFilter,
  articleChosen,
  error,
  t,
}: {
  /** Makes the filter's id unique on a page with several forms. */
  idPrefix: string;
  terms: readonly FocusTermView[] | null;
  /** The terms the filter leaves (all without one). */
  shown: readonly FocusTermView[] | null;
  checked: ReadonlySet<string>;
  toggle: (id: string) => void;
  setShown: (on: boolean) => void;
  filter: string;
  setFilter: (text: string) => void;
  articleChosen: boolean;
  error?: string;
  t: TFunction;
}) {
  const filterId = `${idPrefix}-filter`;
  return (
    <fieldset className="focus-terms" data-testid="focus-terms">
      <legend>{t('assignmentForm.focusTerms')}</legend>
      {!articleChosen ? (
        <p className="muted">{t('assignmentForm.focusTermsChooseFirst')}</p>
      ) : terms === null ? (
        <p className="muted" role="status">
          {t('assignmentForm.focusTermsLoading')}
        </p>
      ) : terms.length === 0 ? (
        <p className="muted">{t('assignmentForm.focusTermsNone')}</p>
      ) : (
        <>
          <p className="muted" role="status" data-testid="focus-terms-count">
            {t('assignmentForm.focusTermsHint', { checked: checked.size, total: terms.length })}
          </p>
          <div className="focus-terms__tools">
            <span className="focus-terms__filter">
              <label htmlFor={filterId}>{t('assignmentForm.focusTermsFilter')}</label>{' '}
              <input
                id={filterId}
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                onKeyDown={(event) => {
                  // Enter in the filter narrows the list; it does not submit the assignment.
                  if (event.key === 'Enter') event.preventDefault();
                }}
                autoComplete="off"
                data-testid="focus-terms-filter"
              />
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => setShown(true)}
              disabled={!shown?.length}
              data-testid="focus-terms-all"
            >
              {filter.trim() ? t('assignmentForm.focusTermsAllShown') : t('assignmentForm.focusTermsAll')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setShown(false)}
              disabled={!shown?.length}
              data-testid="focus-terms-none"
            >
              {filter.trim() ? t('assignmentForm.focusTermsNoneShown') : t('assignmentForm.focusTermsClear')}
            </button>
          </div>
          {shown && shown.length ? (
            <ul className="focus-terms__list">
              {shown.map((term) => (
                <li key={term.id}>
                  <label>
                    <input
                      type="checkbox"
                      name="focusTermIds"
                      value={term.id}
                      checked={checked.has(term.id)}
                      onChange={() => toggle(term.id)}
                      data-lemma={term.lemma}
                    />{' '}
                    <span lang="de">{term.lemma}</span> <span className="muted">({term.englishPreferred})</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted" data-testid="focus-terms-no-match">
              {t('assignmentForm.focusTermsNoMatch')}
            </p>
          )}
        </>
      )}
      <FieldError message={error} />
    </fieldset>
  );
}
