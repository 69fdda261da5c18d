import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssignmentForm } from '@/components/classroom/assignment-form.client';
import { ClassForm } from '@/components/classroom/class-form.client';
import { ClassGridSection } from '@/components/classroom/class-grid';
import { ConfirmButton } from '@/components/classroom/confirm-button.client';
import { GridCsvLink } from '@/components/classroom/grid-csv-link.client';
import { JoinCodePanel } from '@/components/classroom/join-code-panel.client';
import { StudentList } from '@/components/classroom/student-list';
import { TeacherAssignmentList } from '@/components/classroom/teacher-assignment-list';
import { Disclosure } from '@/components/forms/disclosure.client';
import { requireTeacher } from '@/lib/auth/guards.server';
import { archiveClassAction, unarchiveClassAction } from '@/lib/classroom/actions';
import { getClassGrid, getClassInsights } from '@/lib/classroom/grid.server';
import { getAssignmentReading, getClassDetail } from '@/lib/classroom/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'classroom')('detail.metaTitle') } : {};
}

/** One class, for its teacher only: its name and description to edit, join code and link, students, assignments, the progress grid. */
export default async function ClassPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireTeacher(locale, paths.classDetail(locale, id));
  const [detail, grid] = await Promise.all([getClassDetail(user.id, id), getClassGrid(user.id, id)]);
  if (!detail || !grid) notFound();
  const [reading, classInsights] = await Promise.all([
    getAssignmentReading(user.id, id),
    getClassInsights(user.id, id),
  ]);
  const insights = Object.fromEntries(detail.assignments.map((a) => [a.id, classInsights?.get(a.id) ?? null]));
  const t = getServerT(locale, 'classroom');
  return (
    <div className="class-page" data-testid="class-page">
      <p className="muted">
        <Link href={paths.classes(locale)}>{t('detail.back')}</Link>
      </p>
      <h1>{detail.name}</h1>
      {detail.description ? <p className="lead">{detail.description}</p> : null}
      <Disclosure className="edit-disclosure" testId="edit-class" summary={t('detail.edit')}>
        <ClassForm editing={{ classId: detail.id, name: detail.name, description: detail.description }} />
      </Disclosure>
      {detail.archived ? (
        <p className="notice" data-testid="class-archived">
          {t('detail.archivedNotice')}
        </p>
      ) : null}
      <section aria-labelledby="join-title">
        <h2 id="join-title">{t('detail.joinTitle')}</h2>
        <JoinCodePanel
          classId={detail.id}
          joinCode={detail.joinCode}
          joinPath={paths.joinClass(locale, detail.joinCode)}
        />
      </section>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('grid.title')}</h2>
        <ClassGridSection grid={grid} locale={locale} t={t} />
        <p>
          <GridCsvLink classId={detail.id} locale={locale} label={t('grid.csv')} />
        </p>
      </section>
      <section aria-labelledby="assignments-title">
        <h2 id="assignments-title">{t('detail.assignmentsTitle')}</h2>
        <TeacherAssignmentList
          assignments={detail.assignments}
          insights={insights}
          reading={reading ?? {}}
          editable={!detail.archived}
          locale={locale}
          t={t}
        />
        <h3>{t('assignmentForm.title')}</h3>
        <AssignmentForm classId={detail.id} />
      </section>
      <section aria-labelledby="students-title">
        <h2 id="students-title">{t('detail.studentsTitle', { count: detail.students.length })}</h2>
        <StudentList classId={detail.id} students={detail.students} locale={locale} t={t} />
      </section>
      <section aria-labelledby="archive-title">
        <h2 id="archive-title">{detail.archived ? t('detail.unarchiveTitle') : t('detail.archiveTitle')}</h2>
        <p className="muted">{detail.archived ? t('detail.unarchiveHint') : t('detail.archiveHint')}</p>
        <ConfirmButton
          action={detail.archived ? unarchiveClassAction : archiveClassAction}
          input={{ classId: detail.id }}
          label={detail.archived ? t('detail.unarchive') : t('detail.archive')}
          question={detail.archived ? t('detail.unarchiveQuestion') : t('detail.archiveQuestion')}
          confirmLabel={detail.archived ? t('detail.unarchive') : t('detail.archive')}
          danger={!detail.archived}
          testId="archive-class"
        />
      </section>
    </div>
  );
}
