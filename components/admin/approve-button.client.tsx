'use client';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '@/components/forms/action-button.client';
import { approveTeacherAction } from '@/lib/auth/actions';

/** Approves one waiting teacher sign-up; the list is refreshed after. */
export function ApproveButton({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation('admin');
  return (
    <ActionButton
      action={approveTeacherAction}
      input={{ userId }}
      className="button--primary"
      label={t('teachers.approveLabel', { name })}
      testId="approve-teacher"
    >
      {t('teachers.approve')}
    </ActionButton>
  );
}
