import type { TFunction } from 'i18next';
import Link from 'next/link';
import type { MyAssignment } from '@/lib/classroom/types';
import { formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { scoreText } from './class-grid';
import { AssignmentStatusBadge } from './status-badge';
import { LocalDateTime } from './local-date-time.client';

/** A student's assignments across their classes: status, due date, share read and best quiz score. */
export function MyAssignmentList({
  assignments,
  locale,
  t,
}: {
  assignments: readonly MyAssignment[];
  locale: Locale;
  t: TFunction;
}) {
  if (!assignments.length)
    return (
      <p className="muted" data-testid="my-assignments-empty">
        {t('mine.empty')}
      </p>
    );
  return (
    <ul className="assignment-list" data-testid="my-assignments">
      {assignments.map((assignment) => {
        const score = assignment.bestScore ? scoreText(locale, assignment.bestScore) : null;
        return (
          <li
            key={assignment.id}
            className="assignment-card"
            data-testid="my-assignment"
            data-status={assignment.status}
          >
            <h2 className="assignment-card__title">
              <Link href={paths.assignment(locale, assignment.id)} lang="de">
                {assignment.article.titleDe}
              </Link>
            </h2>
            <p>
              <AssignmentStatusBadge status={assignment.status} t={t} />{' '}
              <span className="muted">{assignment.className}</span>
            </p>
            <p className="muted">
              {t('assignment.dueLabel')} <LocalDateTime date={assignment.dueAt} locale={locale} />
              {assignment.progress
                ? ` · ${t('grid.read', { share: formatPercent(locale, assignment.progress.share) })}`
                : ''}
              {score ? ` · ${t('grid.score', { score })}` : ''}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
