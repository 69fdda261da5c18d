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
  joinGroupsAction,
  joinParagraphsAction,
  machineTranslateAction,
  splitGroupAction,
  splitParagraphAction,
  updateGroupAction,
  updateHeadingAction,
  updateTitleAction,
} from '@/lib/teach/actions';
import { STALE_EDIT } from '@/lib/teach/schema';
import type { DraftArticle, DraftGroup } from '@/lib/teach/types';
import { PublishPanel } from './publish-panel.client';

/** Typing pauses this long before a sentence group is saved (and leaving the field saves at once). */
const AUTOSAVE_MS = 800;

type Field = 'de' | 'en';
type DraftKey = `${string}:${Field}`;
type Notice = { kind: 'info' | 'error'; key: string; values?: Record<string, unknown> } | null;

const keyOf = (groupId: string, field: Field): DraftKey => `${groupId}:${field}`;
/** What a refusal is about: its first field's key, else the form's. */
const firstError = ({ form, ...fields }: Record<string, string>): string | undefined =>
  Object.values(fields)[0] ?? form;
const rowsFor = (text: string) => Math.min(12, Math.max(2, Math.ceil(text.length / 55)));

/**
 * The translation editor. German sentence groups stand beside English fields; both are textareas, so
 * a split is made at the cursor. Typed text lives in `drafts` until the server has it: a failed save
 * keeps it (and says so), and the next change or any structural action saves it again first. Saves
 * and structural actions run one after another, so the server sees them in the order they were made.
 * Saving is a background queue with a state per field; the structural actions (split, join, titles,
 * headings, machine translation) are one useAction, whose pending state makes the editor busy.
 *
 * Another tab or window may edit the same article. Every edit says which article version it was made
 * on: a group's save the version its text was typed on (`bases`), anything else the newest version
 * the editor has. The server refuses a stale edit (STALE_EDIT); the editor then drops that group's
 * unsaved text, says so and shows the newer article (a refresh of the page).
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

  /** Runs `task` after everything queued before it. */
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  const unsaved = (groupId: string) =>
    draftsRef.current[keyOf(groupId, 'de')] !== undefined || draftsRef.current[keyOf(groupId, 'en')] !== undefined;

  /** Another tab saved first: this group's unsaved text is dropped, and the newer article is fetched. */
  const discardStale = (groupId: string) => {
    for (const field of ['de', 'en'] as const) {
      const key = keyOf(groupId, field);
      clearTimeout(timers.current.get(key));
      timers.current.delete(key);
      setDraft(key, undefined);
    }
    bases.current.delete(groupId);
    setFailed(({ [keyOf(groupId, 'de')]: _de, [keyOf(groupId, 'en')]: _en, ...rest }) => rest);
    setTouched((all) => {
      const next = new Set(all);
      next.delete(groupId);
      return next;
    });
    setSavedOnce(false);
    setNotice({ kind: 'error', key: STALE_EDIT });
    router.refresh();
  };

  /** Saves one typed field after everything queued before it: null once the server has it, else why not. */
  const saveNow = (key: DraftKey): Promise<string | null> => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    return enqueue(async () => {
      const value = draftsRef.current[key];
      if (value === undefined) return null;
      const [groupId, field] = key.split(':') as [string, Field];
      const version = bases.current.get(groupId) ?? articleRef.current.version;
      setSaving((n) => n + 1);
      const result = await updateGroupAction(
        field === 'de' ? { slug, version, groupId, textDe: value } : { slug, version, groupId, textEn: value },
      ).catch((): Failure => ({ ok: false, error: ACTION_FAILED }));
      setSaving((n) => n - 1);
      if (!result.ok && result.error === STALE_EDIT) {
        discardStale(groupId);
        return STALE_EDIT;
      }
      if (!result.ok) {
        const reason = firstError({ ...result.fieldErrors, form: result.error })!;
        setFailed((all) => ({ ...all, [key]: reason }));
        return reason;
      }
      // Typing may have gone on while this was saved: only the saved value leaves the drafts, and what
      // is left of the group's text was typed on the version this save made.
      if (draftsRef.current[key] === value) setDraft(key, undefined);
      if (unsaved(groupId)) bases.current.set(groupId, result.data.version);
      else bases.current.delete(groupId);
      setFailed(({ [key]: _, ...rest }) => rest);
      show(result.data);
      setSavedOnce(true);
      return null;
    });
  };

  const onType = (groupId: string, field: Field, value: string) => {
    const key = keyOf(groupId, field);
    if (!unsaved(groupId)) bases.current.set(groupId, articleRef.current.version);
    setDraft(key, value);
    if (field === 'en') setTouched((all) => (all.has(groupId) ? all : new Set(all).add(groupId)));
    clearTimeout(timers.current.get(key));
    timers.current.set(
      key,
      setTimeout(() => void saveNow(key), AUTOSAVE_MS),
    );
  };

  const onLeave = (groupId: string, field: Field) => {
    const key = keyOf(groupId, field);
    if (draftsRef.current[key] !== undefined) void saveNow(key);
  };

  /** Saves every draft: null when the server has them all, else why the first one was refused. */
  const flush = async (): Promise<string | null> => {
    const reasons = await Promise.all((Object.keys(draftsRef.current) as DraftKey[]).map(saveNow));
    return reasons.find((reason) => reason !== null) ?? null;
  };

  // A structural change (split, join, titles …) or machine translation: unsaved text is saved first,
  // then the change, in order; a failed save stops the change with its reason.
  const editing = useAction(
    async (step: () => Promise<Result<unknown>>): Promise<Result<unknown>> => {
      const unsaved = await flush();
      return unsaved ? { ok: false, error: unsaved } : enqueue(step);
    },
    { refresh: false },
  );
  const busy = editing.pending;
  const refusal = busy ? undefined : firstError(editing.errors);

  /**
   * Runs a change, made on the newest article version the editor has, that answers the updated draft;
   * `saved` says so when it worked. A stale one brings the newer article.
   */
  const change = (send: (version: number) => Promise<Result<DraftArticle>>, saved = false) => {
    setNotice(null);
    editing.run(async () => {
      const result = await send(articleRef.current.version);
      if (result.ok) {
        show(result.data);
        if (saved) setNotice({ kind: 'info', key: 'teach:editor.save.saved' });
      } else if (result.error === STALE_EDIT) router.refresh();
      return result;
    });
  };

  const splitAtCursor = (group: DraftGroup) => {
    const field = germanFields.current.get(group.id);
    const at = field?.selectionStart ?? 0;
    if (!field || at <= 0 || at >= field.value.trimEnd().length) {
      setNotice({ kind: 'error', key: 'teach:editor.splitNoCursor' });
      field?.focus();
      return;
    }
    change((version) => splitGroupAction({ slug, version, groupId: group.id, at }));
  };

  const saveTitles = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const titles = { slug, titleDe: String(form.get('titleDe') ?? ''), titleEn: String(form.get('titleEn') ?? '') };
    change((version) => updateTitleAction({ ...titles, version }), true);
  };

  const saveHeading = (sectionId: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const headingEn = String(new FormData(event.currentTarget).get('headingEn') ?? '');
    change((version) => updateHeadingAction({ slug, version, sectionId, headingEn }), true);
  };

  const translateByMachine = () => {
    setNotice(null);
    editing.run(async () => {
      const result = await machineTranslateAction({ slug });
      if (result.ok) {
        setNotice({ kind: 'info', key: 'teach:editor.machine.done', values: { count: result.data.translated } });
        router.refresh();
      }
      return result;
    });
  };

  // What the editor says: its own latest notice, else why the last change was refused.
  const shown: Notice = notice ?? (refusal ? { kind: 'error', key: refusal } : null);
  const failedKeys = Object.keys(failed) as DraftKey[];
  const saveState = saving > 0 ? 'saving' : failedKeys.length ? 'failed' : savedOnce ? 'saved' : 'idle';
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

      <form
        ref={editing.formRef}
        className="form teach-editor__titles"
        onSubmit={saveTitles}
        noValidate
        aria-label={t('editor.titles')}
      >
        <TextField
          id="title-de"
          name="titleDe"
          lang="de"
          defaultValue={article.titleDe}
          key={`de-${article.titleDe}`}
          label={t('editor.titleDe')}
          error={editing.errors.titleDe && t(editing.errors.titleDe)}
        />
        <TextField
          id="title-en"
          name="titleEn"
          lang="en"
          defaultValue={article.titleEn}
          key={`en-${article.titleEn}`}
          label={t('editor.titleEn')}
          hint={article.titleMachineTranslated ? t('editor.machineBadge') : undefined}
          error={editing.errors.titleEn && t(editing.errors.titleEn)}
        />
        <p>
          <button type="submit" className="button" disabled={busy}>
            {t('editor.saveTitles')}
          </button>
        </p>
      </form>

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
              ? `${t('editor.save.failed', { reason: t(failed[failedKeys[0]!]!) })} ${t('editor.save.retry')}`
              : saveState === 'saved'
                ? t('editor.save.saved')
                : ''}
        </p>
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

      <p className="field__hint">{t('editor.splitHint')}</p>
      <div className="column-labels teach-editor__labels" aria-hidden="true">
        <span>{t('reader:originalColumn')}</span>
        <span>{t('reader:translationColumn')}</span>
      </div>

      {article.sections.map((section) => (
        <section key={section.id} className="teach-section" aria-label={section.headingDe ?? undefined}>
          {section.headingDe ? (
            <form className="teach-heading" onSubmit={saveHeading(section.id)} noValidate data-testid="heading-form">
              <h2 className="section-heading" lang="de">
                {section.headingDe}
              </h2>
              <TextField
                id={`heading-en-${section.id}`}
                name="headingEn"
                lang="en"
                defaultValue={section.headingEn ?? ''}
                key={section.headingEn ?? ''}
                label={t('editor.headingEn')}
                hint={section.headingMachineTranslated ? t('editor.machineBadge') : undefined}
              />
              <button type="submit" className="button" disabled={busy}>
                {t('editor.saveHeading')}
              </button>
            </form>
          ) : null}
          {section.paragraphs.map((paragraph, paragraphIndex) => {
            paragraphNumber += 1;
            const isLastParagraph = paragraphIndex === section.paragraphs.length - 1;
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
                  const de = drafts[keyOf(group.id, 'de')] ?? group.textDe;
                  const en = drafts[keyOf(group.id, 'en')] ?? group.textEn;
                  const machine = group.machineTranslated && !touched.has(group.id);
                  const isLastGroup = groupIndex === paragraph.groups.length - 1;
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
                      <div
                        className="teach-group__actions"
                        role="group"
                        aria-label={t('editor.groupActions', { number })}
                      >
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy}
                          onClick={() => splitAtCursor(group)}
                          data-testid="split-group"
                        >
                          {t('editor.splitAtCursor')}
                        </button>
                        {isLastGroup ? null : (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={busy}
                            onClick={() => change((version) => joinGroupsAction({ slug, version, groupId: group.id }))}
                            data-testid="join-groups"
                          >
                            {t('editor.joinNext')}
                          </button>
                        )}
                        {groupIndex === 0 ? null : (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={busy}
                            onClick={() =>
                              change((version) => splitParagraphAction({ slug, version, groupId: group.id }))
                            }
                            data-testid="split-paragraph"
                          >
                            {t('editor.newParagraph')}
                          </button>
                        )}
                      </div>
                    </div>
                  );
                })}
                {isLastParagraph ? null : (
                  <p className="teach-paragraph__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      onClick={() =>
                        change((version) => joinParagraphsAction({ slug, version, paragraphId: paragraph.id }))
                      }
                      data-testid="join-paragraphs"
                    >
                      {t('editor.joinParagraph')}
                    </button>
                  </p>
                )}
              </div>
            );
          })}
        </section>
      ))}

      <PublishPanel
        slug={slug}
        published={article.status === 'published'}
        total={article.groupCount}
        busy={busy}
        beforePublish={async () => (await flush()) === null}
        onPublished={() => show({ ...articleRef.current, status: 'published' })}
        onUnpublished={() => show({ ...articleRef.current, status: 'draft' })}
      />
      <p className="teach-editor__reader-link">
        {article.status === 'published' ? (
          <Link href={paths.article(locale, slug)} data-testid="open-reader">
            {t('editor.publish.read')}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
