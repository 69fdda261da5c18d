/** What a page shows instead of itself when the server failed to make it, with a way to try again. */
export function PageErrorMessage({
  title,
  body,
  retryLabel,
  onRetry,
}: {
  title: string;
  body: string;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <div className="page-error" role="alert" data-testid="page-error">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <button type="button" className="button button--primary" onClick={onRetry} data-testid="page-error-retry">
          {retryLabel}
        </button>
      </p>
    </div>
  );
}
