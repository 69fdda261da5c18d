import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MyAssignmentList } from '@/components/classroom/my-assignment-list';
import { requireUser } from '@/lib/auth/guards.server';
import { listMyAssignments } from '@/lib/classroom/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'classroom')('mine.title') } : {};
}

/** My assignments: every assignment of every class the signed-in user belongs to, with its status. */
export default async function AssignmentsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.assignments(locale));
  const assignments = await listMyAssignments(user.id);
  const t = getServerT(locale, 'classroom');
  return (
    <div className="assignments-page">
      <h1>{t('mine.title')}</h1>
      <p className="lead">
        {t('mine.intro')} <Link href={paths.classes(locale)}>{t('mine.toClasses')}</Link>
      </p>
      <MyAssignmentList assignments={assignments} locale={locale} t={t} />
    </div>
  );
}
