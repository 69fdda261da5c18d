'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkSetStatusAction, deleteEntriesAction } from '@/lib/vocabulary/actions';
import { STATUS_LABEL_KEYS, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';
import { BULK_FORM_ID } from './vocabulary-href';

/** The rows' checkboxes (server-rendered, joined to this form by their `form` attribute). */
function checkboxes(form: HTMLFormElement | null): HTMLInputElement[] {
  if (!form) return [];
  return [...form.elements].filter(
    (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.name === 'entryId',
  );
}

/** Bulk status change and bulk delete (confirmed first) of the rows selected on this page. */
export function BulkActions() {
  const { t } = useTranslation('vocabulary');
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const [allChecked, setAllChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  // The checkboxes live in the rows, outside this form's subtree: count them on any change.
  useEffect(() => {
    const recount = () => {
      const boxes = checkboxes(form.current);
      const count = boxes.filter((box) => box.checked).length;
      setSelected(count);
      setAllChecked(boxes.length > 0 && count === boxes.length);
    };
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.getAttribute('form') === BULK_FORM_ID) recount();
    };
    recount();
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, []);

  const selectedIds = () =>
    checkboxes(form.current)
      .filter((box) => box.checked)
      .map((box) => box.value);
  const clear = () => {
    for (const box of checkboxes(form.current)) box.checked = false;
    setSelected(0);
    setAllChecked(false);
  };

  const run = async (action: () => Promise<string | null>) => {
    setPending(true);
    setError(null);
    setMessage('');
    try {
      const failure = await action();
      if (failure) setError(failure);
    } catch {
      setError('vocabulary:words.failed');
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  const onSetStatus = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entryIds = selectedIds();
    if (entryIds.length === 0) return setError('vocabulary:words.bulk.noneSelected');
    const status = new FormData(event.currentTarget).get('status') as VocabularyStatus;
    await run(async () => {
      const result = await bulkSetStatusAction({ entryIds, status });
      if (!result.ok) return result.error;
      setMessage(t('words.bulk.statusDone', { count: result.data.changed }));
      clear();
      router.refresh();
      return null;
    });
  };

  const onDelete = async () => {
    const entryIds = selectedIds();
    await run(async () => {
      const result = await deleteEntriesAction({ entryIds });
      if (!result.ok) return result.error;
      setMessage(t('words.bulk.deleted', { count: result.data.deleted }));
      clear();
      router.refresh();
      return null;
    });
  };

  const askDelete = () => {
    setMessage('');
    if (selectedIds().length === 0) return setError('vocabulary:words.bulk.noneSelected');
    setError(null);
    setConfirming(true);
  };

  return (
    <form
      id={BULK_FORM_ID}
      ref={form}
      className="bulk-actions"
      method="post"
      onSubmit={onSetStatus}
      aria-label={t('words.bulk.label')}
      data-testid="bulk-actions"
    >
      <label className="bulk-actions__all">
        <input
          type="checkbox"
          checked={allChecked}
          onChange={(event) => {
            for (const box of checkboxes(form.current)) box.checked = event.target.checked;
            setAllChecked(event.target.checked);
            setSelected(event.target.checked ? checkboxes(form.current).length : 0);
          }}
        />
        {t('words.bulk.selectAll')}
      </label>
      <span className="bulk-actions__count" aria-live="polite" data-testid="bulk-count">
        {t('words.bulk.selected', { count: selected })}
      </span>
      <span className="bulk-actions__status">
        <label htmlFor="bulk-status">{t('words.bulk.status')}</label>
        <select id="bulk-status" name="status" defaultValue="known">
          {VOCABULARY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_LABEL_KEYS[status])}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={pending}>
          {t('words.bulk.apply')}
        </button>
      </span>
      <button type="button" className="button" onClick={askDelete} disabled={pending}>
        {t('words.bulk.delete')}
      </button>
      {confirming ? (
        <div className="bulk-actions__confirm" role="alertdialog" aria-labelledby="bulk-confirm-text">
          <p id="bulk-confirm-text">{t('words.bulk.confirmDelete', { count: selected })}</p>
          <button type="button" className="button button--danger" onClick={onDelete} disabled={pending} autoFocus>
            {t('words.bulk.confirmYes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('words.bulk.cancel')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="form__error bulk-actions__message" role="alert">
          {t(error)}
        </p>
      ) : null}
      <p role="status" className="form__status bulk-actions__message" data-testid="bulk-message">
        {message}
      </p>
    </form>
  );
}
