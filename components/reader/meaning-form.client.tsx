'use client';
import { type ReactNode, type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "My meaning" on a word, term or phrase card: the learner's own gloss (the back of its review cards),
 * a submit button, and the server's refusal at the field or a saved notice. The card keeps the text.
 */
export function MeaningForm({
  value,
  onChange,
  onSubmit,
  submitLabel,
  submitDisabled,
  error,
  notice,
  testId,
  inputRef,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: ReactNode;
  submitDisabled: boolean;
  /** An i18n key of the vocabulary namespace's, as the server answered. */
  error?: string;
  notice?: ReactNode;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation('vocabulary');
  const id = useId();
  return (
    <form
      className="popover__meaning"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id}>{t('reader.myMeaning')}</label>
      <input
        id={id}
        ref={inputRef}
        name="translation"
        lang="en"
        maxLength={500}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" disabled={submitDisabled}>
        {submitLabel}
      </button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="form__error">
          {t(error)}
        </p>
      ) : notice ? (
        <p role="status">{notice}</p>
      ) : null}
    </form>
  );
}
