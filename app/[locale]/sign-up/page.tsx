import type { Metadata } from 'next';
import { SignUpForm } from '@/components/auth/sign-up-form.client';
import { FormError } from '@/components/forms/messages';
import { type AnonymousPageProps, requireAnonymous } from '@/lib/auth/guards.server';
import { signUpInvitation } from '@/lib/auth/queries.server';
import { env } from '@/lib/env.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

type Props = AnonymousPageProps & { searchParams: Promise<{ invitation?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('signUp.title') } : {};
}

/** Message keys for an invitation link that no longer works (docs/decisions/021-teacher-approval.md). */
const REFUSED = {
  used: 'errors.invitationUsed',
  expired: 'errors.invitationExpired',
  unknown: 'errors.invitationUnknown',
} as const;

export default async function SignUpPage(props: Props) {
  const { locale, next } = await requireAnonymous(props);
  const invitation = await signUpInvitation((await props.searchParams).invitation);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      {invitation?.status === 'open' ? (
        <p className="notice" data-testid="invitation-open">
          {t('signUp.invited')}
        </p>
      ) : invitation ? (
        <FormError message={t(REFUSED[invitation.status])} testId="invitation-refused" />
      ) : null}
      <SignUpForm
        locale={locale}
        next={next}
        invitation={invitation?.status === 'open' ? invitation.token : undefined}
        teacherApproval={env.TEACHER_SIGNUP === 'approval'}
      />
    </div>
  );
}
