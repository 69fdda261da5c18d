import type { TFunction } from 'i18next';
import { ConfirmButton } from '@/components/classroom/confirm-button.client';
import { LocalDateTime } from '@/components/classroom/local-date-time.client';
import { revokeInvitationAction } from '@/lib/auth/actions';
import type { InvitationView } from '@/lib/auth/types';
import type { Locale } from '@/lib/i18n/settings';

/** Invitation links nobody has used yet (the links themselves are not stored): who made them, until when, withdraw. */
export function InvitationList({
  invitations,
  locale,
  t,
}: {
  invitations: InvitationView[];
  locale: Locale;
  t: TFunction;
}) {
  if (!invitations.length)
    return (
      <p className="muted" data-testid="invitations-empty">
        {t('invitations.empty')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="invitations">
        <caption className="visually-hidden">{t('invitations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invitations.columns.createdBy')}</th>
            <th scope="col">{t('invitations.columns.created')}</th>
            <th scope="col">{t('invitations.columns.expires')}</th>
            <th scope="col">{t('invitations.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation">
              <td>{invitation.createdBy ?? t('invitations.unknownAdmin')}</td>
              <td>
                <LocalDateTime date={invitation.createdAt} locale={locale} />
              </td>
              <td>
                <LocalDateTime date={invitation.expiresAt} locale={locale} />
              </td>
              <td>
                <ConfirmButton
                  action={revokeInvitationAction}
                  input={{ invitationId: invitation.id }}
                  label={t('invitations.revoke')}
                  question={t('invitations.revokeQuestion')}
                  confirmLabel={t('invitations.revokeConfirm')}
                  danger
                  testId="revoke-invitation"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
