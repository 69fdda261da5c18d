import type { TFunction } from 'i18next';
import Link from 'next/link';
import { deleteAssignmentAction } from '@/lib/classroom/actions';
import type { AssignmentInsights, AssignmentReading, AssignmentSummary } from '@/lib/classroom/types';
import { formatList, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { Disclosure } from '@/components/forms/disclosure.client';
import { AssignmentForm } from './assignment-form.client';
import { ConfirmButton } from './confirm-button.client';
import { LocalDateTime } from './local-date-time.client';

/**
 * A class's assignments as the teacher sees them, each with how far its students have read it, what
 * they looked up and missed most, and (unless the class is archived, when they cannot change) a form to edit it.
 */
export function TeacherAssignmentList({
  assignments,
  insights,
  reading = {},
  editable,
  locale,
  t,
}: {
  assignments: readonly AssignmentSummary[];
  insights: Record<string, AssignmentInsights | null>;
  /** How far the class has read each assignment (share read, done), by id. */
  reading?: Record<string, AssignmentReading>;
  editable: boolean;
  locale: Locale;
  t: TFunction;
}) {
  if (!assignments.length)
    return (
      <p className="muted" data-testid="assignments-empty">
        {t('detail.noAssignments')}
      </p>
    );
  return (
    <ul className="assignment-list" data-testid="teacher-assignments">
      {assignments.map((assignment) => {
        const insight = insights[assignment.id];
        const read = reading[assignment.id];
        return (
          <li key={assignment.id} className="assignment-card" data-testid="teacher-assignment">
            <h3 className="assignment-card__title" lang="de">
              <Link href={paths.article(locale, assignment.article.slug)}>{assignment.article.titleDe}</Link>
            </h3>
            <p className="muted" data-testid="card-due">
              {t('assignment.dueLabel')} <LocalDateTime date={assignment.dueAt} locale={locale} />
              {assignment.quizEnabled ? ` · ${t('assignment.withQuiz')}` : ''}
            </p>
            {read && read.students > 0 ? (
              <p data-testid="card-reading" data-share={read.averageShare}>
                {t('assignment.reading', {
                  share: formatPercent(locale, read.averageShare),
                  done: read.done,
                  students: read.students,
                })}
              </p>
            ) : null}
            {assignment.instructions ? (
              <p className="assignment-card__instructions" data-testid="card-instructions">
                {assignment.instructions}
              </p>
            ) : null}
            {assignment.focusTerms.length ? (
              <p data-testid="card-focus-terms">
                {t('assignment.focusTerms')}:{' '}
                <span lang="de">
                  {formatList(
                    locale,
                    assignment.focusTerms.map((term) => term.lemma),
                  )}
                </span>
              </p>
            ) : null}
            {editable ? (
              <Disclosure
                className="edit-disclosure"
                testId="edit-assignment"
                summary={
                  <>
                    {t('assignment.edit')}
                    <span className="visually-hidden" lang="de">
                      {' '}
                      {assignment.article.titleDe}
                    </span>
                  </>
                }
              >
                <AssignmentForm editing={assignment} />
              </Disclosure>
            ) : null}
            {insight ? (
              <div className="insights" data-testid="assignment-insights">
                <div>
                  <h4>{t('insights.mostLookedUp')}</h4>
                  {insight.mostLookedUp.length ? (
                    <ol data-testid="most-looked-up">
                      {insight.mostLookedUp.map((term) => (
                        <li key={term.termId}>
                          <span lang="de">{term.lemma}</span>{' '}
                          <span className="muted">{t('insights.lookups', { count: term.count })}</span>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p className="muted">{t('insights.none')}</p>
                  )}
                </div>
                <div>
                  <h4>{t('insights.mostMissed')}</h4>
                  {insight.mostMissed.length ? (
                    <ol data-testid="most-missed">
                      {insight.mostMissed.map((term) => (
                        <li key={term.termId}>
                          <span lang="de">{term.lemma}</span>{' '}
                          <span className="muted">
                            {t('insights.missed', { missed: term.missed, attempts: term.attempts })}
                          </span>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p className="muted">{t('insights.none')}</p>
                  )}
                </div>
              </div>
            ) : null}
            <ConfirmButton
              action={deleteAssignmentAction}
              input={{ assignmentId: assignment.id }}
              label={t('assignment.delete')}
              question={t('assignment.deleteQuestion')}
              confirmLabel={t('assignment.deleteConfirm')}
              danger
              testId="delete-assignment"
            />
          </li>
        );
      })}
    </ul>
  );
}
