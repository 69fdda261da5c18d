import Link from 'next/link';

export function NotFoundMessage({
  title,
  body,
  homeLabel,
  homeHref,
}: {
  title: string;
  body: string;
  homeLabel: string;
  homeHref: string;
}) {
  return (
    <div className="not-found" data-testid="not-found">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link href={homeHref}>{homeLabel}</Link>
      </p>
    </div>
  );
}
