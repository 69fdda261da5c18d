import type { TFunction } from 'i18next';
import { LocalDate } from '@/components/i18n/local-date.client';
import { removeStudentAction } from '@/lib/classroom/actions';
import type { ClassDetail } from '@/lib/classroom/types';
import type { Locale } from '@/lib/i18n/settings';
import { ConfirmButton } from './confirm-button.client';

/** The class's students, each removable by the teacher (asked first). */
export function StudentList({
  classId,
  students,
  locale,
  t,
}: {
  classId: string;
  students: ClassDetail['students'];
  locale: Locale;
  t: TFunction;
}) {
  if (!students.length)
    return (
      <p className="muted" data-testid="students-empty">
        {t('detail.noStudents')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="student-list">
        <thead>
          <tr>
            <th scope="col">{t('detail.studentName')}</th>
            <th scope="col">{t('detail.studentEmail')}</th>
            <th scope="col">{t('detail.joinedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('detail.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {students.map((student) => (
            <tr key={student.id} data-testid="student-row">
              <th scope="row">{student.name}</th>
              <td>{student.email}</td>
              <td>
                <LocalDate date={student.joinedAt} locale={locale} />
              </td>
              <td>
                <ConfirmButton
                  action={removeStudentAction}
                  input={{ classId, studentId: student.id }}
                  label={t('detail.remove')}
                  question={t('detail.removeQuestion', { name: student.name })}
                  confirmLabel={t('detail.removeConfirm')}
                  danger
                  testId="remove-student"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
