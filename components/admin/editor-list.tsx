import type { TFunction } from 'i18next';
import type { EditorCandidate } from '@/lib/glossary/types';
import { EditorToggle } from './editor-toggle.client';

/** Every teacher and whether they edit the glossary, with the admin's grant or revoke. */
export function EditorList({ teachers, t }: { teachers: EditorCandidate[]; t: TFunction }) {
  if (!teachers.length)
    return (
      <p className="muted" data-testid="editors-empty">
        {t('glossaryEditor:editors.empty')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="editors">
        <caption className="visually-hidden">{t('glossaryEditor:editors.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('glossaryEditor:editors.columns.name')}</th>
            <th scope="col">{t('glossaryEditor:editors.columns.email')}</th>
            <th scope="col">{t('glossaryEditor:editors.columns.editor')}</th>
            <th scope="col">{t('glossaryEditor:editors.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {teachers.map((teacher) => (
            <tr key={teacher.id} data-testid="editor-row" data-email={teacher.email}>
              <th scope="row">{teacher.name}</th>
              <td>{teacher.email}</td>
              <td>{teacher.glossaryEditor ? t('glossaryEditor:editors.yes') : t('glossaryEditor:editors.no')}</td>
              <td>
                <EditorToggle userId={teacher.id} name={teacher.name} editor={teacher.glossaryEditor} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
