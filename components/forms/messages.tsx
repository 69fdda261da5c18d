// A form's errors, announced when they appear (role=alert); nothing is rendered without a message.

/** What went wrong with the whole form (an already translated message). */
export function FormError({ message, testId }: { message?: string | null; testId?: string }) {
  return message ? (
    <p className="form__error" role="alert" data-testid={testId}>
      {message}
    </p>
  ) : null;
}

/** What is wrong with one field; its id is for the field's aria-describedby. */
export function FieldError({ id, message }: { id?: string; message?: string }) {
  return message ? (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

/** What went wrong with a button's action, beside the button (an already translated message). */
export function ActionError({ message }: { message?: string | null }) {
  return message ? (
    <span className="form__error" role="alert">
      {message}
    </span>
  ) : null;
}
