'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { deleteEntriesAction, updateEntryAction } from '@/lib/vocabulary/actions';
import { FieldError, FormError } from '@/components/forms/messages';

type Editable = { id: string; lemma: string; translation: string; notes: string; tags: string[] };
type Mode = 'closed' | 'editing' | 'confirmingDelete';

/** "tags.3" → "tags": an error of one tag is shown at the tags field. */
function byField(fieldErrors: Record<string, string[]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, keys] of Object.entries(fieldErrors ?? {})) out[path.split('.')[0]!] ??= keys[0]!;
  return out;
}

/** Edit an entry's translation, notes and tags in place, or delete it (after a confirmation). */
export function EntryEditor({ entry }: { entry: Editable }) {
  const { t } = useTranslation('vocabulary');
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('closed');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const base = `edit-${entry.id}`;

  const close = () => {
    setMode('closed');
    setErrors({});
    setFormError(null);
    editButton.current?.focus();
  };

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get('tags') ?? '')
      .split(';')
      .map((tag) => tag.trim())
      .filter(Boolean);
    setPending(true);
    setMessage('');
    try {
      const result = await updateEntryAction({
        entryId: entry.id,
        translation: String(form.get('translation') ?? ''),
        notes: String(form.get('notes') ?? ''),
        tags,
      });
      if (result.ok) {
        setMode('closed');
        setErrors({});
        setFormError(null);
        setMessage(t('words.edit.saved'));
        router.refresh();
      } else {
        const fields = byField(result.fieldErrors);
        setErrors(fields);
        setFormError(Object.keys(fields).length ? null : result.error);
      }
    } catch {
      setFormError('vocabulary:words.failed');
    } finally {
      setPending(false);
    }
  };

  const onDelete = async () => {
    setPending(true);
    try {
      const result = await deleteEntriesAction({ entryIds: [entry.id] });
      if (result.ok) router.refresh();
      else setFormError(result.error);
    } catch {
      setFormError('vocabulary:words.failed');
    } finally {
      setPending(false);
      setMode('closed');
    }
  };

  return (
    <div className="entry-editor">
      {mode === 'editing' ? (
        <form
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
            <button type="button" className="button" onClick={close}>
              {t('words.edit.cancel')}
            </button>
          </div>
        </form>
      ) : mode === 'confirmingDelete' ? (
        <div
          className="entry-editor__confirm"
          role="group"
          aria-label={t('words.edit.deleteLabel', { lemma: entry.lemma })}
        >
          <p>{t('words.edit.confirmDelete', { lemma: entry.lemma })}</p>
          <button type="button" className="button button--danger" onClick={onDelete} disabled={pending} autoFocus>
            {t('words.edit.confirmYes')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('words.edit.cancel')}
          </button>
        </div>
      ) : (
        <div className="entry-editor__actions">
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            onClick={() => {
              setMessage('');
              setMode('editing');
            }}
            aria-label={t('words.edit.openLabel', { lemma: entry.lemma })}
          >
            {t('words.edit.open')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setMessage('');
              setMode('confirmingDelete');
            }}
            aria-label={t('words.edit.deleteLabel', { lemma: entry.lemma })}
          >
            {t('words.edit.delete')}
          </button>
          <FormError message={formError && t(formError)} />
        </div>
      )}
      <p role="status" className="form__status entry-editor__status">
        {message}
      </p>
    </div>
  );
}
