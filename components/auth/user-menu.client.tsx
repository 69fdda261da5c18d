'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslation } from 'react-i18next';
import { authClient } from '@/lib/auth/client';
import { canTeach, roleOf } from '@/lib/auth/roles';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { useDisclosure } from '@/components/layout/use-disclosure.client';
import { SignOutButton } from './sign-out-button.client';

/**
 * The header's account links. Pages like the reader are cached for everyone, so who is signed in is
 * asked from the browser (one small request) instead of making every page personal.
 */
export function UserMenu({ locale }: { locale: Locale }) {
  const { t } = useTranslation('account');
  const pathname = usePathname();
  const { data, isPending } = authClient.useSession();
  if (isPending) return <div className="user-menu" aria-hidden="true" />;
  if (!data) {
    return (
      <div className="user-menu">
        <Link href={paths.signIn(locale, pathname)}>{t('signIn.link')}</Link>
        <Link href={paths.signUp(locale, pathname)} className="button button--small">
          {t('signUp.link')}
        </Link>
      </div>
    );
  }
  const role = roleOf(data.user.role);
  return (
    <nav className="user-menu" aria-label={t('menu.label')} data-testid="user-menu">
      <Link href={paths.dashboard(locale)}>{t('menu.dashboard')}</Link>
      <Link href={paths.vocabulary(locale)}>{t('menu.words')}</Link>
      <Link href={paths.review(locale)}>{t('menu.review')}</Link>
      {/* Only links: the teach, class and admin pages and their actions check the stored role on the server. */}
      {canTeach(role) ? (
        <>
          <Link href={paths.teach(locale)}>{t('menu.teach')}</Link>
          <Link href={paths.classes(locale)}>{t('menu.classes')}</Link>
        </>
      ) : data.user.teacherRequest === 'pending' ? (
        <Link href={paths.teachingRequest(locale)}>{t('menu.teach')}</Link>
      ) : null}
      {role === 'admin' ? <Link href={paths.adminTeachers(locale)}>{t('menu.admin')}</Link> : null}
      <Link href={paths.assignments(locale)}>{t('menu.assignments')}</Link>
      <AccountMenu locale={locale} name={data.user.name} email={data.user.email} />
    </nav>
  );
}

/** The signed-in user's name, opening who is signed in, the account page and signing out. */
function AccountMenu({ locale, name, email }: { locale: Locale; name: string; email: string }) {
  const { t } = useTranslation('account');
  const { open, rootProps, buttonProps, panelProps } = useDisclosure('account-menu');
  return (
    <div className="account-menu" {...rootProps}>
      <button className="account-menu__toggle" data-testid="account-menu-toggle" {...buttonProps}>
        {name}
        <span className="account-menu__caret" aria-hidden="true" />
      </button>
      <div className="account-menu__panel" data-testid="account-menu" hidden={!open} {...panelProps}>
        <p className="account-menu__who">{t('menu.signedInAs', { email })}</p>
        <Link href={paths.account(locale)}>{t('menu.account')}</Link>
        <SignOutButton locale={locale} className="account-menu__sign-out" testId="header-sign-out" />
      </div>
    </div>
  );
}
