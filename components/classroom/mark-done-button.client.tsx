'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markDoneAction } from '@/lib/classroom/actions';

/** "Mark as done" on the assignment page: one 'done' progress event with a fresh id. */
export function MarkDoneButton({ assignmentId, done }: { assignmentId: string; done: boolean }) {
  const { t } = useTranslation('classroom');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (done)
    return (
      <p className="muted" data-testid="marked-done">
        {t('assignment.isDone')}
      </p>
    );
  const run = async () => {
    setPending(true);
    try {
      const result = await markDoneAction({ assignmentId, eventId: crypto.randomUUID() });
      if (!result.ok) return setError(result.error);
      setError(null);
      router.refresh();
    } catch {
      setError('classroom:form.failed');
    } finally {
      setPending(false);
    }
  };
  return (
    <p>
      <button type="button" className="button" onClick={() => void run()} disabled={pending} data-testid="mark-done">
        {t('assignment.markDone')}
      </button>
      {error ? (
        <span className="form__error" role="alert">
          {' '}
          {t(error)}
        </span>
      ) : null}
    </p>
  );
}
