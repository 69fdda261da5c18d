import type { TFunction } from 'i18next';
import { LocalDateTime } from '@/components/classroom/local-date-time.client';
import { ConfirmButton } from '@/components/classroom/confirm-button.client';
import { declineTeacherAction } from '@/lib/auth/actions';
import type { TeacherRequestView } from '@/lib/auth/types';
import type { Locale } from '@/lib/i18n/settings';
import { ApproveButton } from './approve-button.client';

/** Teacher sign-ups waiting for approval, oldest first: approve at once, decline after asking. */
export function TeacherRequestList({
  requests,
  locale,
  t,
}: {
  requests: TeacherRequestView[];
  locale: Locale;
  t: TFunction;
}) {
  if (!requests.length)
    return (
      <p className="muted" data-testid="teacher-requests-empty">
        {t('teachers.empty')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="teacher-requests">
        <caption className="visually-hidden">{t('teachers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teachers.columns.name')}</th>
            <th scope="col">{t('teachers.columns.email')}</th>
            <th scope="col">{t('teachers.columns.requested')}</th>
            <th scope="col">{t('teachers.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id} data-testid="teacher-request" data-email={request.email}>
              <th scope="row">{request.name}</th>
              <td>{request.email}</td>
              <td>
                <LocalDateTime date={request.requestedAt} locale={locale} />
              </td>
              <td>
                <ApproveButton userId={request.id} name={request.name} />{' '}
                <ConfirmButton
                  action={declineTeacherAction}
                  input={{ userId: request.id }}
                  label={t('teachers.decline')}
                  question={t('teachers.declineQuestion', { name: request.name })}
                  confirmLabel={t('teachers.declineConfirm')}
                  danger
                  testId="decline-teacher"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
