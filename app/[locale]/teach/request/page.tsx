import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards.server';
import { storedTeachingAccess } from '@/lib/auth/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('teaching.title') } : {};
}

/**
 * Where a teacher sign-up that waits for an admin's approval, or was declined, lands instead of the
 * teacher pages (docs/decisions/021-teacher-approval.md). Approved teachers go on to their articles.
 */
export default async function TeachingRequestPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.teachingRequest(locale));
  const access = await storedTeachingAccess(user.id);
  if (access === 'teacher') redirect(paths.teach(locale));
  if (access !== 'pending' && access !== 'declined') notFound();
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow" data-testid="teaching-request" data-state={access}>
      <h1>{t(access === 'pending' ? 'teaching.pendingTitle' : 'teaching.declinedTitle')}</h1>
      <p className="notice">{t(access === 'pending' ? 'teaching.pending' : 'teaching.declined')}</p>
      <p>
        <Link href={paths.library(locale)}>{t('teaching.library')}</Link>
      </p>
    </div>
  );
}
