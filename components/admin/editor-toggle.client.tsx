'use client';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '@/components/forms/action-button.client';
import { grantEditorAction, revokeEditorAction } from '@/lib/glossary/actions';

/** Makes a teacher a glossary editor, or ends it; the list is refreshed after. */
export function EditorToggle({ userId, name, editor }: { userId: string; name: string; editor: boolean }) {
  const { t } = useTranslation('glossaryEditor');
  return (
    <ActionButton
      action={editor ? revokeEditorAction : grantEditorAction}
      input={{ userId }}
      className={editor ? 'button--danger' : 'button--primary'}
      label={editor ? t('editors.revokeLabel', { name }) : t('editors.grantLabel', { name })}
      testId={editor ? 'revoke-editor' : 'grant-editor'}
    >
      {editor ? t('editors.revoke') : t('editors.grant')}
    </ActionButton>
  );
}
