/** A form's own error (not a field's), announced when it appears; nothing when there is none. */
export function FormError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  return message ? (
    <p className="form__error" role="alert" data-testid={testId}>
      {message}
    </p>
  ) : null;
}
