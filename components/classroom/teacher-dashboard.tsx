import type { TFunction } from 'i18next';
import Link from 'next/link';
import type { TeacherDashboard } from '@/lib/classroom/types';
import { formatList } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { scoreText } from './class-grid';
import { LocalDateTime } from './local-date-time.client';

/**
 * The dashboard's two views for someone who teaches: their classes (the teacher's dashboard) and their
 * own learning (the learner's dashboard, `?view=learner`). A tab list of links; the current one marked.
 */
export function DashboardViews({
  current,
  locale,
  t,
}: {
  current: 'teaching' | 'learning';
  locale: Locale;
  t: TFunction;
}) {
  const views = [
    { view: 'teaching', href: paths.dashboard(locale), label: t('teacherDashboard.viewTeaching') },
    { view: 'learning', href: paths.learnerDashboard(locale), label: t('teacherDashboard.viewLearning') },
  ] as const;
  return (
    <nav className="dashboard-views" aria-label={t('teacherDashboard.views')} data-testid="dashboard-views">
      {views.map((v) => (
        <Link key={v.view} href={v.href} aria-current={v.view === current ? 'page' : undefined}>
          {v.label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The teacher's dashboard: live classes with their students and open assignments, assignments not yet
 * due with how many finished, who is behind on those due lately, and what students did lately. Due
 * dates and activity times in the viewer's time zone.
 */
export function TeacherDashboardView({
  dashboard,
  days,
  locale,
  t,
}: {
  dashboard: TeacherDashboard;
  /** How many days back "overdue" and "recent" look. */
  days: number;
  locale: Locale;
  t: TFunction;
}) {
  return (
    <div className="teacher-dashboard" data-testid="teacher-dashboard">
      <section aria-labelledby="td-classes">
        <h2 id="td-classes">{t('teacherDashboard.classesTitle')}</h2>
        {dashboard.classes.length ? (
          <ul className="class-list" data-testid="td-classes">
            {dashboard.classes.map((c) => (
              <li key={c.id} className="class-card" data-testid="td-class" data-class={c.name}>
                <h3 className="class-card__name">
                  <Link href={paths.classDetail(locale, c.id)}>{c.name}</Link>
                </h3>
                <p className="muted class-card__meta" data-testid="td-class-meta">
                  {t('teacherDashboard.classMeta', { students: c.studentCount, open: c.openAssignmentCount })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="td-no-classes">
            {t('teacherDashboard.noClasses')}{' '}
            <Link href={paths.classes(locale)}>{t('teacherDashboard.createClass')}</Link>
          </p>
        )}
        <p>
          <Link href={paths.classes(locale)}>{t('teacherDashboard.allClasses')}</Link>
        </p>
      </section>

      <section aria-labelledby="td-open">
        <h2 id="td-open">{t('teacherDashboard.openTitle')}</h2>
        {dashboard.openAssignments.length ? (
          <ul className="assignment-list" data-testid="td-open">
            {dashboard.openAssignments.map((a) => (
              <li key={a.id} className="assignment-card" data-testid="td-open-assignment">
                <AssignmentHeading assignment={a} locale={locale} t={t} />
                <p data-testid="td-completion">
                  {t('teacherDashboard.completion', { done: a.done, students: a.studentCount, started: a.started })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('teacherDashboard.openEmpty')}</p>
        )}
      </section>

      <section aria-labelledby="td-overdue">
        <h2 id="td-overdue">{t('teacherDashboard.overdueTitle')}</h2>
        {dashboard.overdue.length ? (
          <>
            <p className="muted">{t('teacherDashboard.overdueIntro', { days })}</p>
            <ul className="assignment-list" data-testid="td-overdue">
              {dashboard.overdue.map((a) => (
                <li key={a.id} className="assignment-card" data-testid="td-overdue-assignment">
                  <AssignmentHeading assignment={a} locale={locale} t={t} />
                  <p data-testid="td-overdue-students">
                    {t('teacherDashboard.overdueStudents', { count: a.students.length })}{' '}
                    {formatList(
                      locale,
                      a.students.map((s) => s.name),
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('teacherDashboard.overdueEmpty', { days })}</p>
        )}
      </section>

      <section aria-labelledby="td-activity">
        <h2 id="td-activity">{t('teacherDashboard.activityTitle')}</h2>
        {dashboard.recentActivity.length ? (
          <ul className="activity-list" data-testid="td-activity">
            {dashboard.recentActivity.map((item, i) => {
              const score = scoreText(locale, item.score);
              return (
                <li key={i} data-testid="td-activity-item" data-kind={item.kind}>
                  <LocalDateTime date={item.at} locale={locale} /> · <strong>{item.studentName}</strong>:{' '}
                  {item.kind === 'quiz'
                    ? t('teacherDashboard.quiz', { score: score ?? '' })
                    : t(item.kind === 'done' ? 'teacherDashboard.done' : 'teacherDashboard.opened')}{' '}
                  – <span lang="de">{item.assignmentTitle}</span> (
                  <Link href={paths.classDetail(locale, item.classId)}>{item.className}</Link>)
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t('teacherDashboard.activityEmpty', { days })}</p>
        )}
      </section>
    </div>
  );
}

/** An assignment's title, its class (linked) and its due time in the viewer's zone. */
function AssignmentHeading({
  assignment,
  locale,
  t,
}: {
  assignment: { title: string; classId: string; className: string; dueAt: Date };
  locale: Locale;
  t: TFunction;
}) {
  return (
    <>
      <h3 className="assignment-card__title" lang="de">
        {assignment.title}
      </h3>
      <p className="muted">
        <Link href={paths.classDetail(locale, assignment.classId)}>{assignment.className}</Link> ·{' '}
        {t('assignment.dueLabel')} <LocalDateTime date={assignment.dueAt} locale={locale} />
      </p>
    </>
  );
}
