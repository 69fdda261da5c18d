import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DashboardViews } from '@/components/classroom/teacher-dashboard';
import { KnownWordsChart } from '@/components/review/known-words-chart.client';
import { StatusBars } from '@/components/review/status-bars';
import { requireUser } from '@/lib/auth/guards.server';
import { canTeach } from '@/lib/auth/roles';
import { formatDuration } from '@/lib/format';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { getDashboard } from '@/lib/review/queries.server';
import { TeacherDashboardPage } from './teacher-dashboard-page';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ view?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'review')('dashboard.title') } : {};
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.dashboard(locale));
  // Who teaches sees their classes first; their own learning is a tab away (?view=learner).
  const teaching = canTeach(user.role);
  if (teaching && (await searchParams).view !== 'learner') return <TeacherDashboardPage user={user} locale={locale} />;
  const dashboard = await getDashboard(user.id);
  const t = getServerT(locale, 'review');
  const toReview = dashboard.dueToday + dashboard.newAvailable;
  return (
    <div className="dashboard">
      {teaching ? <DashboardViews current="learning" locale={locale} t={getServerT(locale, 'classroom')} /> : null}
      <h1>{t(dashboard.returning ? 'dashboard.greeting' : 'dashboard.greetingFirst', { name: user.name })}</h1>
      <div className="dashboard__tiles">
        <section className="tile" aria-labelledby="due-title" data-testid="due-today">
          <h2 id="due-title">{t('dashboard.dueTitle')}</h2>
          <p className="tile__figure">{t('dashboard.due', { count: dashboard.dueToday })}</p>
          <p className="muted">{t('dashboard.newAvailable', { count: dashboard.newAvailable })}</p>
          {dashboard.laterToday > 0 ? (
            <p className="muted">{t('dashboard.laterToday', { count: dashboard.laterToday })}</p>
          ) : null}
          {toReview > 0 ? (
            <Link className="button button--primary" href={paths.review(locale)}>
              {t('dashboard.startReview')}
            </Link>
          ) : (
            <p>{t(dashboard.laterToday > 0 ? 'dashboard.nothingDueYet' : 'dashboard.nothingDue')}</p>
          )}
        </section>
        <section className="tile" aria-labelledby="streak-title" data-testid="streak">
          <h2 id="streak-title">{t('dashboard.streakTitle')}</h2>
          <p className="tile__figure">{t('dashboard.streakDays', { count: dashboard.streak.current })}</p>
          <p className="muted">{t('dashboard.longestStreak', { count: dashboard.streak.longest })}</p>
          <p className="muted" data-testid="reviews-today">
            {dashboard.reviewsToday > 0
              ? t('dashboard.reviewsTodayTimed', {
                  count: dashboard.reviewsToday,
                  time: formatDuration(locale, dashboard.reviewTimeTodayMs),
                })
              : t('dashboard.reviewsToday', { count: dashboard.reviewsToday })}
          </p>
        </section>
      </div>
      <section aria-labelledby="status-title">
        <h2 id="status-title">{t('dashboard.byStatus')}</h2>
        <StatusBars counts={dashboard.byStatus} locale={locale} t={getServerT(locale, 'vocabulary')} />
      </section>
      <KnownWordsChart series={dashboard.knownOverTime} locale={locale} />
    </div>
  );
}
