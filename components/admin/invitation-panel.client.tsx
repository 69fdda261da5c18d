'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useAction } from '@/components/forms/use-action.client';
import { createInvitationAction } from '@/lib/auth/actions';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/**
 * Makes an invitation link for one teacher sign-up and shows it this once (only its hash is stored),
 * absolute, with a copy button.
 */
export function InvitationPanel({ locale }: { locale: Locale }) {
  const { t } = useTranslation('admin');
  const [created, setCreated] = useState<{ link: string; expires: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const { run, pending, errors } = useAction(createInvitationAction, {
    onSuccess: ({ token, expiresAt }) => {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      setCreated({
        link: new URL(paths.signUpInvited(locale, token), window.location.origin).toString(),
        expires: formatDateTime(locale, expiresAt, timeZone),
      });
      setCopied(false);
    },
  });
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="invitation-panel" data-testid="invitation-panel">
      <button
        type="button"
        className="button"
        onClick={() => run({})}
        disabled={pending}
        data-testid="create-invitation"
      >
        {pending ? t('invitations.creating') : t('invitations.create')}
      </button>
      <FormError message={errors.form && t(errors.form)} />
      {created ? (
        <div className="notice" role="status">
          <p>{t('invitations.created', { expires: created.expires })}</p>
          <TextField
            id="invitation-link"
            label={t('invitations.link')}
            readOnly
            value={created.link}
            onFocus={(event) => event.currentTarget.select()}
            data-testid="invitation-link"
          />
          <button type="button" className="button button--small" onClick={() => void copy()}>
            {t('invitations.copy')}
          </button>{' '}
          <span className="form__status">{copied ? t('invitations.copied') : ''}</span>
        </div>
      ) : null}
    </div>
  );
}
