import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldError } from './messages';

type FieldProps = { id: string; label: string; error?: string; hint?: string };
type ControlProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/** The control's label, hint and error, with the error announced and both tied to it (aria-describedby). */
function Field({ id, label, error, hint, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled input with its error announced and tied to it (aria-describedby). */
export function TextField({ id, label, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}

/** A labelled textarea (three lines unless told), as TextField. */
export function TextAreaField({
  id,
  label,
  error,
  hint,
  rows = 3,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(control) => <textarea {...control} rows={rows} {...textarea} />}
    </Field>
  );
}
