'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import type { Result } from '@/lib/result';
import { bulkSetStatusAction, deleteEntriesAction } from '@/lib/vocabulary/actions';
import { STATUS_LABEL_KEYS, VOCABULARY_STATUSES } from '@/lib/vocabulary/status';
import { BULK_FORM_ID } from './vocabulary-href';

/** The rows' checkboxes (server-rendered, joined to this form by their `form` attribute). */
function checkboxes(form: HTMLFormElement | null): HTMLInputElement[] {
  if (!form) return [];
  return [...form.elements].filter(
    (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.name === 'entryId',
  );
}

type Bulk = { kind: 'status'; entryIds: string[]; status: string } | { kind: 'delete'; entryIds: string[] };
type BulkDone = { kind: Bulk['kind']; count: number };

/** One bulk change, answered with how many words it changed (or deleted). */
async function bulkChange(input: Bulk): Promise<Result<BulkDone>> {
  if (input.kind === 'delete') {
    const result = await deleteEntriesAction({ entryIds: input.entryIds });
    return result.ok ? { ok: true, data: { kind: 'delete', count: result.data.deleted } } : result;
  }
  const result = await bulkSetStatusAction({ entryIds: input.entryIds, status: input.status });
  return result.ok ? { ok: true, data: { kind: 'status', count: result.data.changed } } : result;
}

/**
 * Bulk status change and bulk delete (confirmed first) of the rows selected on this page.
 * `empty`: the list has no rows (a bulk change just removed the last ones): only what the last change
 * answered is shown. The page keeps this form mounted either way, so that answer survives the refresh.
 */
export function BulkActions({ empty = false }: { empty?: boolean }) {
  const { t } = useTranslation('vocabulary');
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const [allChecked, setAllChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const clear = () => {
    for (const box of checkboxes(form.current)) box.checked = false;
    setSelected(0);
    setAllChecked(false);
  };
  const router = useRouter();
  const bulk = useAction(bulkChange, { onSuccess: clear, refresh: false });
  // The page is refreshed once the answer is on screen, not with it: a refresh that removes this form
  // (the last words of the list deleted) would otherwise swallow the message.
  useEffect(() => {
    if (bulk.result?.ok) router.refresh();
  }, [bulk.result, router]);
  // What the last change answered stays until the learner does something else: then it is dismissed,
  // and `notice` may say why nothing was sent.
  const [dismissed, setDismissed] = useState<typeof bulk.result>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const last = bulk.result === dismissed ? null : bulk.result;
  const dismiss = (next: string | null) => {
    setDismissed(bulk.result);
    setNotice(next);
  };
  const error = notice ?? (last && !last.ok ? last.error : null);
  const message = last?.ok
    ? t(last.data.kind === 'delete' ? 'words.bulk.deleted' : 'words.bulk.statusDone', { count: last.data.count })
    : '';

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

  const onSetStatus = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entryIds = selectedIds();
    if (entryIds.length === 0) return dismiss('vocabulary:words.bulk.noneSelected');
    dismiss(null);
    bulk.run({ kind: 'status', entryIds, status: String(new FormData(event.currentTarget).get('status')) });
  };

  const onDelete = () => {
    setConfirming(false);
    dismiss(null);
    bulk.run({ kind: 'delete', entryIds: selectedIds() });
  };

  const askDelete = () => {
    if (selectedIds().length === 0) return dismiss('vocabulary:words.bulk.noneSelected');
    dismiss(null);
    setConfirming(true);
  };

  return (
    <form
      id={BULK_FORM_ID}
      ref={form}
      className="bulk-actions"
      method="post"
      onSubmit={onSetStatus}
      aria-label={empty ? undefined : t('words.bulk.label')}
      data-testid="bulk-actions"
    >
      {empty ? null : (
        <>
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
            <button type="submit" className="button" disabled={bulk.pending}>
              {t('words.bulk.apply')}
            </button>
          </span>
          <button type="button" className="button" onClick={askDelete} disabled={bulk.pending}>
            {t('words.bulk.delete')}
          </button>
          {confirming ? (
            <div className="bulk-actions__confirm" role="alertdialog" aria-labelledby="bulk-confirm-text">
              <p id="bulk-confirm-text">{t('words.bulk.confirmDelete', { count: selected })}</p>
              <button
                type="button"
                className="button button--danger"
                onClick={onDelete}
                disabled={bulk.pending}
                autoFocus
              >
                {t('words.bulk.confirmYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('words.bulk.cancel')}
              </button>
            </div>
          ) : null}
        </>
      )}
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
