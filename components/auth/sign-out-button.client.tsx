'use client';
import { useTranslation } from 'react-i18next';
import { authClient } from '@/lib/auth/client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

export function SignOutButton({
  locale,
  className = 'button',
  testId = 'sign-out',
}: {
  locale: Locale;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation('account');
  const signOut = async () => {
    await authClient.signOut();
    window.location.assign(paths.library(locale));
  };
  return (
    <button type="button" className={className} onClick={signOut} data-testid={testId}>
      {t('signOut')}
    </button>
  );
}
