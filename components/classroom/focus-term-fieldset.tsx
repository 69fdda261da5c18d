import type { TFunction } from 'i18next';
import { FieldError } from '@/components/forms/messages';
import type { FocusTermView } from '@/lib/classroom/types';

/** The focus-term checkboxes of the assignment form, with what to say before an article is chosen or while its terms load. */
export function FocusTermFieldset({
  terms,
  checked,
  toggle,
  articleChosen,
  error,
  t,
}: {
  terms: readonly FocusTermView[] | null;
  checked: ReadonlySet<string>;
  toggle: (id: string) => void;
  articleChosen: boolean;
  error?: string;
  t: TFunction;
}) {
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
          <p className="muted">{t('assignmentForm.focusTermsHint', { checked: checked.size, total: terms.length })}</p>
          <ul className="focus-terms__list">
            {terms.map((term) => (
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
        </>
      )}
      <FieldError message={error} />
    </fieldset>
  );
}
