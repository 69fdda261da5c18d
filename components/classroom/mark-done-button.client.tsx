'use client';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import { markDoneAction } from '@/lib/classroom/actions';

/** "Mark as done" on the assignment page: one 'done' progress event with a fresh id. */
export function MarkDoneButton({ assignmentId, done }: { assignmentId: string; done: boolean }) {
  const { t } = useTranslation('classroom');
  const { run, pending, errors } = useAction(markDoneAction);
  if (done)
    return (
      <p className="muted" data-testid="marked-done">
        {t('assignment.isDone')}
      </p>
    );
  return (
    <p>
      <button
        type="button"
        className="button"
        onClick={() => run({ assignmentId, eventId: crypto.randomUUID() })}
        disabled={pending}
        data-testid="mark-done"
      >
        {t('assignment.markDone')}
      </button>
      {errors.form ? (
        <span className="form__error" role="alert">
          {' '}
          {t(errors.form)}
        </span>
      ) : null}
    </p>
  );
}
