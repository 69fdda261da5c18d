'use client';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import { approveTeacherAction } from '@/lib/auth/actions';

/** Approves one waiting teacher sign-up; the list is refreshed after. */
export function ApproveButton({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation('admin');
  const { run, pending, errors } = useAction(approveTeacherAction);
  return (
    <>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => run({ userId })}
        disabled={pending}
        aria-label={t('teachers.approveLabel', { name })}
        data-testid="approve-teacher"
      >
        {t('teachers.approve')}
      </button>
      {errors.form ? (
        <span className="form__error" role="alert">
          {t(errors.form)}
        </span>
      ) : null}
    </>
  );
}
