'use client';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import { grantEditorAction, revokeEditorAction } from '@/lib/glossary/actions';

/** Makes a teacher a glossary editor, or ends it; the list is refreshed after. */
export function EditorToggle({ userId, name, editor }: { userId: string; name: string; editor: boolean }) {
  const { t } = useTranslation('glossaryEditor');
  const { run, pending, errors } = useAction(editor ? revokeEditorAction : grantEditorAction);
  return (
    <>
      <button
        type="button"
        className={`button button--small${editor ? ' button--danger' : ' button--primary'}`}
        onClick={() => run({ userId })}
        disabled={pending}
        aria-label={editor ? t('editors.revokeLabel', { name }) : t('editors.grantLabel', { name })}
        data-testid={editor ? 'revoke-editor' : 'grant-editor'}
      >
        {editor ? t('editors.revoke') : t('editors.grant')}
      </button>
      {errors.form ? (
        <span className="form__error" role="alert">
          {t(errors.form)}
        </span>
      ) : null}
    </>
  );
}
