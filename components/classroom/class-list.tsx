import type { TFunction } from 'i18next';
import Link from 'next/link';
import { WithLocalDate } from '@/components/i18n/with-local-date';
import { leaveClassAction } from '@/lib/classroom/actions';
import type { ClassSummary } from '@/lib/classroom/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { ConfirmButton } from './confirm-button.client';

/** A teacher's classes (linked to their pages) or a student's (with a leave button). */
export function ClassList({
  classes,
  role,
  locale,
  t,
}: {
  classes: readonly ClassSummary[];
  role: 'teacher' | 'student';
  locale: Locale;
  t: TFunction;
}) {
  if (!classes.length)
    return (
      <p className="muted" data-testid="classes-empty">
        {role === 'teacher' ? t('classes.emptyTeacher') : t('classes.emptyStudent')}
      </p>
    );
  return (
    <ul className="class-list" data-testid="class-list">
      {classes.map((item) => (
        <li key={item.id} className="class-card" data-testid="class-card" data-archived={item.archived || undefined}>
          <h3 className="class-card__name">
            {role === 'teacher' ? <Link href={paths.classDetail(locale, item.id)}>{item.name}</Link> : item.name}
          </h3>
          {item.description ? <p className="class-card__description">{item.description}</p> : null}
          <p className="muted class-card__meta">
            <WithLocalDate
              message={(date) =>
                t('classes.meta', { students: item.studentCount, assignments: item.assignmentCount, date })
              }
              date={item.createdAt}
              locale={locale}
            />
            {item.archived ? ` · ${t('classes.archived')}` : ''}
          </p>
          {role === 'student' ? (
            <ConfirmButton
              action={leaveClassAction}
              input={{ classId: item.id }}
              label={t('classes.leave')}
              question={t('classes.leaveQuestion', { name: item.name })}
              confirmLabel={t('classes.leaveConfirm')}
              danger
              testId="leave-class"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
