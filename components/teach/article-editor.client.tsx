'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { ACTION_FAILED, useAction } from '@/components/forms/use-action.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Failure, Result } from '@/lib/result';
import {
  deleteGroupAction,
  joinGroupsAction,
  joinParagraphsAction,
  machineTranslateAction,
  splitGroupAction,
  splitParagraphAction,
  updateGroupAction,
  updateHeadingAction,
  updateNoteAction,
  updateSourceAction,
  updateTitleAction,
} from '@/lib/teach/actions';
import { NOTE_MAX } from '@/lib/articles/schema';
import { STALE_EDIT } from '@/lib/teach/schema';
import type { DraftArticle, DraftGroup, DraftParagraph, DraftSource } from '@/lib/teach/types';
import { PublishPanel } from './publish-panel.client';

/** A sentence group's fields: its German, its English and its editor's note. */
type GroupField = 'de' | 'en' | 'note';

/** Typing pauses this long before a field is saved (and leaving the field saves at once). */
const AUTOSAVE_MS = 800;

/**
 * What a typed value belongs to: a sentence group (its id) or one of the article's own units, which
 * are saved whole (all their fields at once): the titles, the source, a section's English heading.
 */
const TITLES = '~titles';
const SOURCE = '~source';
const headingUnit = (sectionId: string) => `~heading.${sectionId}`;
type DraftKey = `${string}:${string}`;
type Notice = { kind: 'info' | 'error'; key: string; values?: Record<string, unknown> } | null;
/** The last split or join, and the change that reverses it. */
type Undo = { label: string; send: (version: number) => Promise<Result<DraftArticle>> };

const keyOf = (unit: string, field: string): DraftKey => `${unit}:${field}`;
const partsOf = (key: DraftKey): [string, string] => {
  const colon = key.lastIndexOf(':');
  return [key.slice(0, colon), key.slice(colon + 1)];
};
/** What a refusal is about: its first field's key, else the form's. */
const firstError = ({ form, ...fields }: Record<string, string>): string | undefined =>
  Object.values(fields)[0] ?? form;
const rowsFor = (text: string) => Math.min(12, Math.max(2, Math.ceil(text.length / 55)));
const SOURCE_FIELDS = ['outlet', 'authors', 'sourceUrl', 'publishedAt'] as const satisfies (keyof DraftSource)[];

/** The saved values of a unit of the article, as its save command takes them. */
function savedValues(article: DraftArticle, unit: string): Record<string, string> | null {
  if (unit === TITLES) return { titleDe: article.titleDe, titleEn: article.titleEn };
  if (unit === SOURCE) return { ...article.source };
  const section = article.sections.find((s) => headingUnit(s.id) === unit);
  return section ? { headingEn: section.headingEn ?? '' } : null;
}

/** The command that saves a unit of the article. */
function saveUnit(slug: string, version: number, unit: string, values: Record<string, string>) {
  if (unit === TITLES) return updateTitleAction({ slug, version, ...values });
  if (unit === SOURCE) return updateSourceAction({ slug, version, ...values });
  return updateHeadingAction({ slug, version, sectionId: unit.slice('~heading.'.length), ...values });
}

/**
 * The translation editor. German sentence groups stand beside English fields; both are textareas, so
 * a split is made at the cursor. Everything typed — sentence groups, titles, source, headings — lives in
 * `drafts` until the server has it and saves itself after a pause: a failed save keeps it (and says so in
 * the one save indicator, with a retry), and the next change or any structural action saves it again
 * first. Saves and structural actions run one after another, so the server sees them in the order they
 * were made. The last split or join can be undone (a button, or Ctrl+Z outside a text field).
 *
 * Another tab or window may edit the same article. Every edit says which article version it was made
 * on: a group's save the version its text was typed on (`bases`), anything else the newest version
 * the editor has. The server refuses a stale edit (STALE_EDIT); the editor then drops that unsaved
 * text, says so and shows the newer article (a refresh of the page).
 */
export function ArticleEditor({
  article: initial,
  machineTranslation,
  locale,
}: {
  article: DraftArticle;
  machineTranslation: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation('teach');
  const router = useRouter();
  const [article, setArticle] = useState(initial);
  const articleRef = useRef(initial);
  /** Per group with unsaved text: the article version that text was typed on. */
  const bases = useRef(new Map<string, number>());
  const [drafts, setDrafts] = useState<Record<DraftKey, string>>({});
  const draftsRef = useRef(drafts);
  const [failed, setFailed] = useState<Record<DraftKey, string>>({});
  const [saving, setSaving] = useState(0);
  const [savedOnce, setSavedOnce] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  /** The groups whose note field is shown though they have no note (yet, or any more). */
  const [noting, setNoting] = useState<ReadonlySet<string>>(new Set());
  const noteFields = useRef(new Map<string, HTMLTextAreaElement>());
  const timers = useRef(new Map<DraftKey, ReturnType<typeof setTimeout>>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const germanFields = useRef(new Map<string, HTMLTextAreaElement>());
  const slug = article.slug;

  /** Shows an article from the server, unless the editor already has a newer one (answers may cross). */
  const show = useCallback((next: DraftArticle) => {
    if (next.version < articleRef.current.version) return;
    articleRef.current = next;
    setArticle(next);
  }, []);

  // A refresh of the page (after machine translation or a stale edit) brings a new article from the server.
  useEffect(() => show(initial), [initial, show]);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const setDraft = (key: DraftKey, value: string | undefined) => {
    const next = { ...draftsRef.current };
    if (value === undefined) delete next[key];
    else next[key] = value;
    draftsRef.current = next;
    setDrafts(next);
  };
  const keysOf = (unit: string) =>
    (Object.keys(draftsRef.current) as DraftKey[]).filter((key) => partsOf(key)[0] === unit);

  /** Runs `task` after everything queued before it. */
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const unsaved = (unit: string) => keysOf(unit).length > 0;

  /** Drops a unit's unsaved text (and its pending saves and failures). */
  const drop = (unit: string) => {
    for (const key of keysOf(unit)) {
      clearTimeout(timers.current.get(key));
      timers.current.delete(key);
      setDraft(key, undefined);
    }
    bases.current.delete(unit);
    setFailed((all) => Object.fromEntries(Object.entries(all).filter(([key]) => partsOf(key as DraftKey)[0] !== unit)));
  };

  /** Another tab saved first: this unit's unsaved text is dropped, and the newer article is fetched. */
  const discardStale = (unit: string) => {
    drop(unit);
    setTouched((all) => {
      const next = new Set(all);
      next.delete(unit);
      return next;
    });
    setSavedOnce(false);
    setNotice({ kind: 'error', key: STALE_EDIT });
    router.refresh();
  };

  /** Sends one unit's typed text: a group's one field, or all fields of titles, source or a heading. */
  const send = async (key: DraftKey): Promise<{ result: Result<DraftArticle>; sent: Map<DraftKey, string> }> => {
    const [unit, field] = partsOf(key);
    const sent = new Map<DraftKey, string>();
    const saved = savedValues(articleRef.current, unit);
    if (unit.startsWith('~') && saved) {
      const values = Object.fromEntries(
        Object.entries(saved).map(([name, value]) => {
          const typed = draftsRef.current[keyOf(unit, name)];
          if (typed !== undefined) sent.set(keyOf(unit, name), typed);
          return [name, typed ?? value];
        }),
      );
      return { result: await saveUnit(slug, articleRef.current.version, unit, values), sent };
    }
    const value = draftsRef.current[key]!;
    sent.set(key, value);
    const version = bases.current.get(unit) ?? articleRef.current.version;
    if (field === 'note')
      return { result: await updateNoteAction({ slug, version, groupId: unit, note: value }), sent };
    const input = { slug, version, groupId: unit, ...(field === 'de' ? { textDe: value } : { textEn: value }) };
    return { result: await updateGroupAction(input), sent };
  };

  /** Saves one typed field after everything queued before it: null once the server has it, else why not. */
  const saveNow = (key: DraftKey): Promise<string | null> => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    return enqueue(async () => {
      if (draftsRef.current[key] === undefined) return null;
      const [unit] = partsOf(key);
      setSaving((n) => n + 1);
      const { result, sent } = await send(key).catch(() => ({
        result: { ok: false, error: ACTION_FAILED } as Failure,
        sent: new Map<DraftKey, string>(),
      }));
      setSaving((n) => n - 1);
      if (!result.ok && result.error === STALE_EDIT) {
        discardStale(unit);
        return STALE_EDIT;
      }
      if (!result.ok) {
        // A field's own refusal stays with that field; anything else with what was saved.
        const fields = Object.entries(result.fieldErrors ?? {}).map(
          ([name, reason]) => [unit.startsWith('~') ? keyOf(unit, name) : key, reason] as const,
        );
        const reasons = fields.length ? fields : [...sent.keys()].map((sentKey) => [sentKey, result.error] as const);
        setFailed((all) => ({ ...all, ...Object.fromEntries(reasons) }));
        return firstError({ ...result.fieldErrors, form: result.error })!;
      }
      // Typing may have gone on while this was saved: only the saved values leave the drafts, and what
      // is left of a group's text was typed on the version this save made.
      for (const [sentKey, value] of sent) if (draftsRef.current[sentKey] === value) setDraft(sentKey, undefined);
      if (unsaved(unit)) bases.current.set(unit, result.data.version);
      else bases.current.delete(unit);
      setFailed((all) =>
        Object.fromEntries(Object.entries(all).filter(([failedKey]) => !sent.has(failedKey as DraftKey))),
      );
      show(result.data);
      setSavedOnce(true);
      return null;
    });
  };

  /** A typed value of `unit`'s `field`: kept as a draft and saved after a pause in typing. */
  const onType = (unit: string, field: string, value: string) => {
    const key = keyOf(unit, field);
    if (!unsaved(unit)) bases.current.set(unit, articleRef.current.version);
    setDraft(key, value);
    if (field === 'en') setTouched((all) => (all.has(unit) ? all : new Set(all).add(unit)));
    clearTimeout(timers.current.get(key));
    timers.current.set(
      key,
      setTimeout(() => void saveNow(key), AUTOSAVE_MS),
    );
  };

  const onLeave = (unit: string, field: string) => {
    const key = keyOf(unit, field);
    if (draftsRef.current[key] !== undefined) void saveNow(key);
  };

  /** Saves every draft: null when the server has them all, else why the first one was refused. */
  const flush = async (): Promise<string | null> => {
    const reasons = await Promise.all((Object.keys(draftsRef.current) as DraftKey[]).map(saveNow));
    return reasons.find((reason) => reason !== null) ?? null;
  };

  // A structural change (split, join, delete …) or machine translation: unsaved text is saved first,
  // then the change, in order; a failed save stops the change with its reason.
  const editing = useAction(
    async (step: () => Promise<Result<unknown>>): Promise<Result<unknown>> => {
      const unsavedReason = await flush();
      return unsavedReason ? { ok: false, error: unsavedReason } : enqueue(step);
    },
    { refresh: false },
  );
  const busy = editing.pending;
  const refusal = busy ? undefined : firstError(editing.errors);

  /**
   * Runs a change, made on the newest article version the editor has, that answers the updated draft.
   * `reverse` is how to undo it (a split or join); any other change leaves nothing to undo. A stale one
   * brings the newer article.
   */
  const change = (
    sendChange: (version: number) => Promise<Result<DraftArticle>>,
    reverse: Undo | null = null,
    done: Notice = null,
  ) => {
    setNotice(null);
    editing.run(async () => {
      const result = await sendChange(articleRef.current.version);
      if (result.ok) {
        show(result.data);
        setSavedOnce(true);
        setUndo(reverse);
        setNotice(done);
      } else if (result.error === STALE_EDIT) {
        setUndo(null);
        router.refresh();
      }
      return result;
    });
  };

  const runUndo = () => {
    if (!undo || busy) return;
    change(undo.send, null, { kind: 'info', key: 'teach:editor.undo.done' });
  };
  const undoRef = useRef(runUndo);
  undoRef.current = runUndo;

  // Ctrl+Z (⌘Z) outside a text field undoes the last split or join; in a field it undoes typing as always.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z')
        return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      undoRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const textOf = (group: DraftGroup, field: GroupField) =>
    drafts[keyOf(group.id, field)] ?? (field === 'de' ? group.textDe : field === 'en' ? group.textEn : group.note);

  /** Shows a group's note field (and keeps it while the note is emptied). */
  const showNote = (groupId: string) => setNoting((all) => (all.has(groupId) ? all : new Set(all).add(groupId)));
  /** Clears a group's note at once. */
  const clearNote = (group: DraftGroup) => {
    onType(group.id, 'note', '');
    void saveNow(keyOf(group.id, 'note'));
    noteFields.current.get(group.id)?.focus();
  };

  const splitAtCursor = (group: DraftGroup) => {
    const field = germanFields.current.get(group.id);
    const at = field?.selectionStart ?? 0;
    if (!field || at <= 0 || at >= field.value.trimEnd().length) {
      setNotice({ kind: 'error', key: 'teach:editor.splitNoCursor' });
      field?.focus();
      return;
    }
    change((version) => splitGroupAction({ slug, version, groupId: group.id, at }), {
      label: 'teach:editor.undo.split',
      send: (version) => joinGroupsAction({ slug, version, groupId: group.id }),
    });
  };

  const joinWithNext = (group: DraftGroup, next: DraftGroup) => {
    // Undoing cuts the joined German where this group's text ended, and gives each group its English back.
    const de = textOf(group, 'de').trim();
    const english: [string, string] = [textOf(group, 'en').trim(), textOf(next, 'en').trim()];
    change((version) => joinGroupsAction({ slug, version, groupId: group.id }), {
      label: 'teach:editor.undo.join',
      send: (version) => splitGroupAction({ slug, version, groupId: group.id, at: de.length + 1, textEn: english }),
    });
  };

  const newParagraphAt = (group: DraftGroup, paragraph: DraftParagraph) =>
    change((version) => splitParagraphAction({ slug, version, groupId: group.id }), {
      label: 'teach:editor.undo.splitParagraph',
      send: (version) => joinParagraphsAction({ slug, version, paragraphId: paragraph.id }),
    });

  const joinParagraphWithNext = (paragraph: DraftParagraph, next: DraftParagraph) =>
    change((version) => joinParagraphsAction({ slug, version, paragraphId: paragraph.id }), {
      label: 'teach:editor.undo.joinParagraphs',
      send: (version) => splitParagraphAction({ slug, version, groupId: next.groups[0]!.id }),
    });

  const deleteGroup = (group: DraftGroup) => {
    setConfirmingDelete(null);
    drop(group.id);
    change((version) => deleteGroupAction({ slug, version, groupId: group.id }));
  };

  const translateByMachine = () => {
    setNotice(null);
    editing.run(async () => {
      const result = await machineTranslateAction({ slug });
      if (result.ok) {
        setNotice({ kind: 'info', key: 'teach:editor.machine.done', values: { count: result.data.translated } });
        setUndo(null);
        router.refresh();
      }
      return result;
    });
  };

  // What the editor says: its own latest notice, else why the last change was refused.
  const shown: Notice = notice ?? (refusal ? { kind: 'error', key: refusal } : null);
  const failedKeys = Object.keys(failed) as DraftKey[];
  // Typed text the server does not have yet counts as being saved (its save waits for a pause in typing).
  const waiting = (Object.keys(drafts) as DraftKey[]).some((key) => failed[key] === undefined);
  const saveState =
    saving > 0 || busy || waiting ? 'saving' : failedKeys.length ? 'failed' : savedOnce ? 'saved' : 'idle';
  /** A unit field's shown value (typed or saved) and its refusal. */
  const unitValue = (unit: string, field: string, saved: string) => drafts[keyOf(unit, field)] ?? saved;
  const unitError = (unit: string, field: string) => {
    const reason = failed[keyOf(unit, field)];
    return reason ? t(reason) : undefined;
  };
  const unitField = (unit: string, field: string, saved: string) => ({
    name: field,
    value: unitValue(unit, field, saved),
    error: unitError(unit, field),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onType(unit, field, event.target.value),
    onBlur: () => onLeave(unit, field),
  });
  let groupNumber = 0;
  let paragraphNumber = 0;

  return (
    <div className="teach-editor" data-testid="article-editor" aria-busy={busy || undefined}>
      <p className="muted" data-testid="editor-summary">
        {t('editor.summary', {
          translated: article.translatedCount,
          total: article.groupCount,
          machine: article.machineCount,
        })}
      </p>

      <div className="teach-editor__toolbar">
        <p
          role="status"
          aria-live="polite"
          className={`teach-editor__save teach-editor__save--${saveState}`}
          data-testid="save-status"
          data-state={saveState}
        >
          {saveState === 'saving'
            ? t('editor.save.saving')
            : saveState === 'failed'
              ? t('editor.save.failed', { reason: t(failed[failedKeys[0]!]!) })
              : saveState === 'saved'
                ? t('editor.save.saved')
                : ''}
        </p>
        {saveState === 'failed' ? (
          <button type="button" className="button button--small" onClick={() => void flush()} data-testid="save-retry">
            {t('editor.save.retry')}
          </button>
        ) : null}
        {undo ? (
          <button
            type="button"
            className="button button--small"
            onClick={runUndo}
            disabled={busy}
            data-testid="undo"
            aria-keyshortcuts="Control+Z"
          >
            {t(undo.label)}
          </button>
        ) : null}
        {machineTranslation ? (
          <p className="teach-editor__machine">
            <button
              type="button"
              className="button"
              onClick={translateByMachine}
              disabled={busy}
              data-testid="machine-translate"
            >
              {busy ? t('editor.machine.pending') : t('editor.machine.button')}
            </button>{' '}
            <span className="field__hint">{t('editor.machine.hint')}</span>
          </p>
        ) : null}
        <p
          className={shown?.kind === 'error' ? 'form__error' : 'form__status'}
          role={shown?.kind === 'error' ? 'alert' : 'status'}
          data-testid="editor-notice"
        >
          {shown ? t(shown.key, shown.values ?? {}) : ''}
        </p>
      </div>

      <fieldset className="form teach-editor__titles" data-testid="editor-titles">
        <legend>{t('editor.titles')}</legend>
        <TextField
          id="title-de"
          lang="de"
          label={t('editor.titleDe')}
          {...unitField(TITLES, 'titleDe', article.titleDe)}
        />
        <TextField
          id="title-en"
          lang="en"
          label={t('editor.titleEn')}
          hint={
            article.titleMachineTranslated && !drafts[keyOf(TITLES, 'titleEn')] ? t('editor.machineBadge') : undefined
          }
          {...unitField(TITLES, 'titleEn', article.titleEn)}
        />
      </fieldset>

      <fieldset className="form teach-editor__source" data-testid="editor-source">
        <legend>{t('editor.source.title')}</legend>
        <p className="field__hint">{t('editor.source.intro')}</p>
        {SOURCE_FIELDS.map((field) => (
          <TextField
            key={field}
            id={`source-${field}`}
            label={t(`editor.source.${field}`)}
            hint={field === 'authors' || field === 'sourceUrl' ? t(`editor.source.${field}Hint`) : undefined}
            type={field === 'sourceUrl' ? 'url' : field === 'publishedAt' ? 'date' : 'text'}
            inputMode={field === 'sourceUrl' ? 'url' : undefined}
            autoComplete="off"
            {...unitField(SOURCE, field, article.source[field])}
          />
        ))}
      </fieldset>

      <p className="field__hint">{t('editor.splitHint')}</p>
      <p className="field__hint">{t('editor.undo.hint')}</p>
      <div className="column-labels teach-editor__labels" aria-hidden="true">
        <span>{t('reader:originalColumn')}</span>
        <span>{t('reader:translationColumn')}</span>
      </div>

      {article.sections.map((section) => (
        <section key={section.id} className="teach-section" aria-label={section.headingDe ?? undefined}>
          {section.headingDe ? (
            <div className="teach-heading" data-testid="heading-form">
              <h2 className="section-heading" lang="de">
                {section.headingDe}
              </h2>
              <TextField
                id={`heading-en-${section.id}`}
                lang="en"
                label={t('editor.headingEn')}
                hint={section.headingMachineTranslated ? t('editor.machineBadge') : undefined}
                {...unitField(headingUnit(section.id), 'headingEn', section.headingEn ?? '')}
              />
            </div>
          ) : null}
          {section.paragraphs.map((paragraph, paragraphIndex) => {
            paragraphNumber += 1;
            const nextParagraph = section.paragraphs[paragraphIndex + 1];
            return (
              <div
                key={paragraph.id}
                className="teach-paragraph"
                data-testid="editor-paragraph"
                data-paragraph-id={paragraph.id}
              >
                <p className="teach-paragraph__label">{t('editor.paragraph', { number: paragraphNumber })}</p>
                {paragraph.groups.map((group, groupIndex) => {
                  groupNumber += 1;
                  const number = groupNumber;
                  const de = textOf(group, 'de');
                  const en = textOf(group, 'en');
                  const note = textOf(group, 'note');
                  const machine = group.machineTranslated && !touched.has(group.id);
                  const next = paragraph.groups[groupIndex + 1];
                  const confirming = confirmingDelete === group.id;
                  return (
                    <div
                      key={group.id}
                      className="teach-group"
                      data-testid="editor-group"
                      data-group-id={group.id}
                      data-anchor={group.anchor}
                    >
                      <div className="teach-group__de">
                        <label className="visually-hidden" htmlFor={`de-${group.id}`}>
                          {t('editor.german', { number })}
                        </label>
                        <textarea
                          id={`de-${group.id}`}
                          lang="de"
                          value={de}
                          rows={rowsFor(de)}
                          spellCheck={false}
                          data-testid="group-de"
                          ref={(element) => {
                            if (element) germanFields.current.set(group.id, element);
                            else germanFields.current.delete(group.id);
                          }}
                          onChange={(event) => onType(group.id, 'de', event.target.value)}
                          onBlur={() => onLeave(group.id, 'de')}
                          aria-invalid={failed[keyOf(group.id, 'de')] ? true : undefined}
                        />
                      </div>
                      <div className="teach-group__en">
                        <label className="visually-hidden" htmlFor={`en-${group.id}`}>
                          {t('editor.english', { number })}
                        </label>
                        <textarea
                          id={`en-${group.id}`}
                          lang="en"
                          value={en}
                          rows={rowsFor(de)}
                          data-testid="group-en"
                          onChange={(event) => onType(group.id, 'en', event.target.value)}
                          onBlur={() => onLeave(group.id, 'en')}
                          aria-invalid={failed[keyOf(group.id, 'en')] ? true : undefined}
                          aria-describedby={machine ? `mt-${group.id}` : undefined}
                        />
                        {machine ? (
                          <span id={`mt-${group.id}`} className="teach-group__machine" data-testid="machine-badge">
                            {t('editor.machineBadge')}
                          </span>
                        ) : null}
                      </div>
                      {note || noting.has(group.id) ? (
                        <div className="teach-group__note">
                          <label htmlFor={`note-${group.id}`}>{t('editor.note.label', { number })}</label>
                          <textarea
                            id={`note-${group.id}`}
                            lang="en"
                            value={note}
                            rows={rowsFor(note)}
                            maxLength={NOTE_MAX}
                            data-testid="group-note"
                            ref={(element) => {
                              if (element) noteFields.current.set(group.id, element);
                              else noteFields.current.delete(group.id);
                            }}
                            onFocus={() => showNote(group.id)}
                            onChange={(event) => onType(group.id, 'note', event.target.value)}
                            onBlur={() => onLeave(group.id, 'note')}
                            aria-invalid={failed[keyOf(group.id, 'note')] ? true : undefined}
                            aria-describedby={`note-hint-${group.id}`}
                          />
                          <span id={`note-hint-${group.id}`} className="field__hint">
                            {failed[keyOf(group.id, 'note')]
                              ? t(failed[keyOf(group.id, 'note')]!)
                              : t('editor.note.hint', { max: NOTE_MAX })}
                          </span>
                        </div>
                      ) : null}
                      <div
                        className="teach-group__actions"
                        role="group"
                        aria-label={t('editor.groupActions', { number })}
                      >
                        {confirming ? (
                          <>
                            <span className="teach-group__confirm" id={`delete-${group.id}`}>
                              {t('editor.delete.confirm', { number })}
                            </span>
                            <button
                              type="button"
                              className="button button--small button--danger"
                              disabled={busy}
                              onClick={() => deleteGroup(group)}
                              aria-describedby={`delete-${group.id}`}
                              data-testid="confirm-delete-group"
                              autoFocus
                            >
                              {t('editor.delete.yes')}
                            </button>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => setConfirmingDelete(null)}
                              data-testid="cancel-delete-group"
                            >
                              {t('editor.delete.cancel')}
                            </button>
                          </>
                        ) : (
                          <>
                            <button
                              type="button"
                              className="button button--small"
                              disabled={busy}
                              onClick={() => splitAtCursor(group)}
                              data-testid="split-group"
                            >
                              {t('editor.splitAtCursor')}
                            </button>
                            {next ? (
                              <button
                                type="button"
                                className="button button--small"
                                disabled={busy}
                                onClick={() => joinWithNext(group, next)}
                                data-testid="join-groups"
                              >
                                {t('editor.joinNext')}
                              </button>
                            ) : null}
                            {groupIndex === 0 ? null : (
                              <button
                                type="button"
                                className="button button--small"
                                disabled={busy}
                                onClick={() => newParagraphAt(group, paragraph)}
                                data-testid="split-paragraph"
                              >
                                {t('editor.newParagraph')}
                              </button>
                            )}
                            {note ? (
                              <button
                                type="button"
                                className="button button--small"
                                disabled={busy}
                                onClick={() => clearNote(group)}
                                data-testid="clear-note"
                              >
                                {t('editor.note.clear')}
                              </button>
                            ) : noting.has(group.id) ? null : (
                              <button
                                type="button"
                                className="button button--small"
                                disabled={busy}
                                onClick={() => {
                                  showNote(group.id);
                                  requestAnimationFrame(() => noteFields.current.get(group.id)?.focus());
                                }}
                                data-testid="add-note"
                              >
                                {t('editor.note.add')}
                              </button>
                            )}
                            {article.groupCount > 1 ? (
                              <button
                                type="button"
                                className="button button--small"
                                disabled={busy}
                                onClick={() => setConfirmingDelete(group.id)}
                                data-testid="delete-group"
                              >
                                {t('editor.delete.button')}
                              </button>
                            ) : null}
                          </>
                        )}
                      </div>
                    </div>
                  );
                })}
                {nextParagraph ? (
                  <p className="teach-paragraph__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      onClick={() => joinParagraphWithNext(paragraph, nextParagraph)}
                      data-testid="join-paragraphs"
                    >
                      {t('editor.joinParagraph')}
                    </button>
                  </p>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}

      <PublishPanel
        slug={slug}
        published={article.status === 'published'}
        visibility={article.visibility}
        seeded={article.sourceFormat === 'seed'}
        total={article.groupCount}
        busy={busy}
        beforePublish={async () => (await flush()) === null}
        onPublished={() => show({ ...articleRef.current, status: 'published' })}
        onUnpublished={() => show({ ...articleRef.current, status: 'draft' })}
        onVisibility={(visibility) => show({ ...articleRef.current, visibility })}
      />
      <p className="teach-editor__reader-link">
        {article.status === 'published' ? (
          <Link
            href={article.visibility === 'classes' ? paths.classesArticle(locale, slug) : paths.article(locale, slug)}
            data-testid="open-reader"
          >
            {t('editor.publish.read')}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
