import { DashboardViews, TeacherDashboardView } from '@/components/classroom/teacher-dashboard';
import type { CurrentUser } from '@/lib/auth/session.server';
import { DASHBOARD_DAYS, getTeacherDashboard } from '@/lib/classroom/grid.server';
import { getServerT } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/settings';

/**
 * The dashboard of someone who teaches (docs/decisions/027-teacher-dashboard-and-class-csv.md): their
 * classes and assignments, with a tab to their own learning. The learner's dashboard stays page.tsx's.
 */
export async function TeacherDashboardPage({ user, locale }: { user: CurrentUser; locale: Locale }) {
  const dashboard = await getTeacherDashboard(user.id);
  const t = getServerT(locale, 'classroom');
  return (
    <div className="dashboard">
      <DashboardViews current="teaching" locale={locale} t={t} />
      <h1>{t('teacherDashboard.title')}</h1>
      <p className="lead">{t('teacherDashboard.intro')}</p>
      <TeacherDashboardView dashboard={dashboard} days={DASHBOARD_DAYS} locale={locale} t={t} />
    </div>
  );
}
