import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { scoreText } from '@/components/classroom/class-grid';
import { MarkDoneButton } from '@/components/classroom/mark-done-button.client';
import { QuizForm } from '@/components/classroom/quiz-form.client';
import { AssignmentStatusBadge } from '@/components/classroom/status-badge';
import { requireUser } from '@/lib/auth/guards.server';
import { getAssignmentForStudent, getQuiz } from '@/lib/classroom/queries.server';
import { activeMinutes } from '@/lib/classroom/status';
import { formatNumber, formatPercent } from '@/lib/format';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { LocalDateTime } from '@/components/classroom/local-date-time.client';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'classroom')('assignment.metaTitle') } : {};
}

/** One of my assignments: instructions, focus terms, the reader link, "Mark as done" and, once done, the quiz. */
export default async function AssignmentPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.assignment(locale, id));
  const assignment = await getAssignmentForStudent(user.id, id);
  if (!assignment) notFound();
  // The quiz opens after reading: once the assignment is marked done, at the article's end or here.
  const done = assignment.status === 'done';
  const quiz = assignment.quizEnabled ? await getQuiz(user.id, assignment.id) : null;
  const t = getServerT(locale, 'classroom');
  const best = assignment.bestScore ? scoreText(locale, assignment.bestScore) : null;
  return (
    <div className="assignment-page" data-testid="assignment-page">
      <p className="muted">
        <Link href={paths.assignments(locale)}>{t('assignment.back')}</Link>
      </p>
      <h1 lang="de">{assignment.article.titleDe}</h1>
      <p className="lead" lang="en">
        {assignment.article.titleEn}
      </p>
      <p>
        <AssignmentStatusBadge status={assignment.status} t={t} /> <span className="muted">{assignment.className}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('assignment.dueLabel')}</dt>
          <dd>
            <LocalDateTime date={assignment.dueAt} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{t('assignment.progressLabel')}</dt>
          <dd data-testid="assignment-progress">
            {assignment.progress
              ? t('assignment.progress', {
                  share: formatPercent(locale, assignment.progress.share),
                  minutes: formatNumber(locale, activeMinutes(assignment.progress.activeSeconds)),
                })
              : t('assignment.notOpened')}
          </dd>
        </div>
        {best ? (
          <div>
            <dt>{t('assignment.bestScore')}</dt>
            <dd data-testid="best-score">{best}</dd>
          </div>
        ) : null}
      </dl>
      {assignment.instructions ? (
        <section aria-labelledby="instructions-title">
          <h2 id="instructions-title">{t('assignment.instructions')}</h2>
          <p className="assignment-instructions">{assignment.instructions}</p>
        </section>
      ) : null}
      {assignment.focusTerms.length ? (
        <section aria-labelledby="focus-title">
          <h2 id="focus-title">{t('assignment.focusTerms')}</h2>
          {/* The terms only: their English would answer the quiz's English→German items. */}
          <ul className="inline-list focus-term-list" data-testid="focus-term-list" lang="de">
            {assignment.focusTerms.map((term) => (
              <li key={term.id}>{term.lemma}</li>
            ))}
          </ul>
          <p className="muted">{t('assignment.focusTermsNote')}</p>
        </section>
      ) : null}
      <p>
        <Link
          href={paths.articleForAssignment(locale, assignment.article.slug, assignment.id)}
          className="button button--primary"
          data-testid="read-link"
        >
          {t('assignment.read')}
        </Link>
      </p>
      <MarkDoneButton assignmentId={assignment.id} done={done} />
      {quiz ? (
        <section aria-labelledby="quiz" className="quiz">
          <h2 id="quiz">{t('quiz.title')}</h2>
          {!done ? (
            <p className="notice" data-testid="quiz-locked">
              {t('quiz.locked')}
            </p>
          ) : quiz.length ? (
            <>
              <p className="muted">{t('quiz.intro')}</p>
              <QuizForm assignmentId={assignment.id} items={quiz} />
            </>
          ) : (
            <p className="muted">{t('quiz.empty')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
