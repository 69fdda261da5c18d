import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChangePasswordForm } from '@/components/auth/change-password-form.client';
import { DeleteAccountForm } from '@/components/auth/delete-account-form.client';
import { ProfileNameForm } from '@/components/auth/profile-name-form.client';
import { SignOutButton } from '@/components/auth/sign-out-button.client';
import { LearnerSettingsForm } from '@/components/review/learner-settings-form.client';
import { getProfile } from '@/lib/auth/queries.server';
import { requireUser } from '@/lib/auth/guards.server';
import { LocalDate } from '@/components/i18n/local-date.client';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { getLearnerSettings } from '@/lib/review/queries.server';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('account.title') } : {};
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.account(locale));
  const [profile, settings] = await Promise.all([getProfile(user.id), getLearnerSettings(user.id)]);
  if (!profile) notFound();
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts" data-testid="account-facts">
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{profile.email}</dd>
        </div>
        <div>
          <dt>{t('fields.role')}</dt>
          <dd data-testid="account-role">
            {profile.teaching === 'pending'
              ? t('roles.pendingTeacher')
              : profile.teaching === 'declined'
                ? t('roles.declinedTeacher')
                : t(`roles.${profile.role}`)}
          </dd>
        </div>
        <div>
          <dt>{t('account.memberSince')}</dt>
          <dd>
            <LocalDate date={profile.createdAt} locale={locale} />
          </dd>
        </div>
      </dl>
      <h2>{t('profile.title')}</h2>
      <ProfileNameForm name={profile.name} />
      <h2>{t('account.reviewTitle')}</h2>
      <LearnerSettingsForm settings={settings} />
      <h2>{t('password.title')}</h2>
      <ChangePasswordForm />
      <h2>{t('account.signOutTitle')}</h2>
      <SignOutButton locale={locale} />
      <h2>{t('delete.title')}</h2>
      <DeleteAccountForm locale={locale} role={profile.role} />
    </div>
  );
}
