'use client';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useAction, useActionForm } from '@/components/forms/use-action.client';
import { deleteEntriesAction, updateEntryAction } from '@/lib/vocabulary/actions';

type Editable = { id: string; lemma: string; translation: string; notes: string; tags: string[] };
type Mode = 'closed' | 'editing' | 'confirmingDelete';

/** Edit an entry's translation, notes and tags in place, or delete it (after a confirmation). */
export function EntryEditor({ entry }: { entry: Editable }) {
  const { t } = useTranslation('vocabulary');
  const [mode, setMode] = useState<Mode>('closed');
  const [message, setMessage] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);

  const open = (next: Mode) => {
    setMessage('');
    setMode(next);
  };
  const close = () => {
    setMode('closed');
    editButton.current?.focus();
  };

  return (
    <div className="entry-editor">
      {mode === 'editing' ? (
        <EditForm
          entry={entry}
          onSaved={() => {
            setMode('closed');
            setMessage(t('words.edit.saved'));
          }}
          onCancel={close}
        />
      ) : mode === 'confirmingDelete' ? (
        <DeleteConfirm entry={entry} onDeleted={() => setMode('closed')} onCancel={close} />
      ) : (
        <div className="entry-editor__actions">
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            onClick={() => open('editing')}
            aria-label={t('words.edit.openLabel', { lemma: entry.lemma })}
          >
            {t('words.edit.open')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => open('confirmingDelete')}
            aria-label={t('words.edit.deleteLabel', { lemma: entry.lemma })}
          >
            {t('words.edit.delete')}
          </button>
        </div>
      )}
      <p role="status" className="form__status entry-editor__status">
        {message}
      </p>
    </div>
  );
}

/** Tags as typed: separated by semicolons, blanks dropped. */
const tagsOf = (text: string) =>
  text
    .split(';')
    .map((tag) => tag.trim())
    .filter(Boolean);

/** The edit form; each opening starts without the errors of the last one. */
function EditForm({ entry, onSaved, onCancel }: { entry: Editable; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation('vocabulary');
  const { onSubmit, pending, errors, formRef } = useActionForm(
    updateEntryAction,
    (form) => ({
      entryId: entry.id,
      translation: String(form.get('translation') ?? ''),
      notes: String(form.get('notes') ?? ''),
      tags: tagsOf(String(form.get('tags') ?? '')),
    }),
    { onSuccess: onSaved },
  );
  const base = `edit-${entry.id}`;
  // The form's own message only when no field shows what to fix.
  const formError = errors.translation || errors.notes || errors.tags ? undefined : errors.form;
  return (
    <form
      ref={formRef}
      className="form entry-editor__form"
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('words.edit.title', { lemma: entry.lemma })}
      data-testid="entry-editor"
    >
      <FormError message={formError && t(formError)} />
      <TextField
        id={`${base}-translation`}
        name="translation"
        defaultValue={entry.translation}
        autoFocus
        autoComplete="off"
        label={t('words.edit.translation')}
        error={errors.translation && t(errors.translation)}
      />
      <div className="field">
        <label htmlFor={`${base}-notes`}>{t('words.edit.notes')}</label>
        <textarea
          id={`${base}-notes`}
          name="notes"
          rows={3}
          defaultValue={entry.notes}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? `${base}-notes-error` : undefined}
        />
        <FieldError id={`${base}-notes-error`} message={errors.notes && t(errors.notes)} />
      </div>
      <TextField
        id={`${base}-tags`}
        name="tags"
        defaultValue={entry.tags.join('; ')}
        autoComplete="off"
        label={t('words.edit.tags')}
        hint={t('words.edit.tagsHint')}
        error={errors.tags && t(errors.tags)}
      />
      <div className="entry-editor__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('words.edit.saving') : t('words.edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('words.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Delete …?" with yes and cancel; a refusal is shown here, where it can be tried again. */
function DeleteConfirm({
  entry,
  onDeleted,
  onCancel,
}: {
  entry: Editable;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('vocabulary');
  const remove = useAction(deleteEntriesAction, { onSuccess: onDeleted });
  return (
    <div
      className="entry-editor__confirm"
      role="group"
      aria-label={t('words.edit.deleteLabel', { lemma: entry.lemma })}
    >
      <p>{t('words.edit.confirmDelete', { lemma: entry.lemma })}</p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => remove.run({ entryIds: [entry.id] })}
        disabled={remove.pending}
        autoFocus
      >
        {t('words.edit.confirmYes')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('words.edit.cancel')}
      </button>
      <FormError message={remove.errors.form && t(remove.errors.form)} />
    </div>
  );
}
