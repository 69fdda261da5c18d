'use client';
import { type ReactNode, useState } from 'react';

/**
 * A <details> whose content is first rendered when it is first opened: a form inside costs nothing
 * (no loads, no browser-only values on the server) until asked for, and keeps what was typed when
 * closed and opened again.
 */
export function Disclosure({
  summary,
  children,
  className,
  testId,
}: {
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={className}
      data-testid={testId}
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
