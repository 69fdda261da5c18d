'use client';
import { useTranslation } from 'react-i18next';
import { authClient } from '@/lib/auth/client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

export function SignOutButton({ locale }: { locale: Locale }) {
  const { t } = useTranslation('account');
  const signOut = async () => {
    await authClient.signOut();
    window.location.assign(paths.library(locale));
  };
  return (
    <button type="button" className="button" onClick={signOut} data-testid="sign-out">
      {t('signOut')}
    </button>
  );
}
