'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import type { Locale } from '@/lib/i18n/settings';
import {
  joinGroupsAction,
  joinParagraphsAction,
  machineTranslateAction,
  splitGroupAction,
  splitParagraphAction,
  unpublishAction,
  updateGroupAction,
  updateHeadingAction,
  updateTitleAction,
} from '@/lib/teach/actions';
import type { DraftArticle, DraftGroup, ImportingResult } from '@/lib/teach/types';
import { paths } from '@/lib/paths';
import { PublishPanel } from './publish-panel.client';

/** Typing pauses this long before a sentence group is saved (and leaving the field saves at once). */
const AUTOSAVE_MS = 800;

type Field = 'de' | 'en';
type DraftKey = `${string}:${Field}`;
type Notice = { kind: 'info' | 'error'; key: string; values?: Record<string, unknown> } | null;

const keyOf = (groupId: string, field: Field): DraftKey => `${groupId}:${field}`;
const firstError = (result: { error: string; fieldErrors?: Record<string, string> }) =>
  Object.values(result.fieldErrors ?? {})[0] ?? result.error;
const rowsFor = (text: string) => Math.min(12, Math.max(2, Math.ceil(text.length / 55)));

/**
 * The translation editor. German sentence groups stand beside English fields; both are textareas, so
 * a split is made at the cursor. Typed text lives in `drafts` until the server has it: a failed save
 * keeps it (and says so), and the next change or any structural action saves it again first. Saves
 * and structural actions run one after another, so the server sees them in the order they were made.
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
  const [drafts, setDrafts] = useState<Record<DraftKey, string>>({});
  const draftsRef = useRef(drafts);
  const [failed, setFailed] = useState<Record<DraftKey, string>>({});
  const [saving, setSaving] = useState(0);
  const [savedOnce, setSavedOnce] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [titleErrors, setTitleErrors] = useState<Record<string, string>>({});
  const timers = useRef(new Map<DraftKey, ReturnType<typeof setTimeout>>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const germanFields = useRef(new Map<string, HTMLTextAreaElement>());
  const slug = article.slug;

  // A refresh of the page (after machine translation) brings a new article from the server.
  useEffect(() => setArticle(initial), [initial]);
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

  const saveNow = (key: DraftKey): Promise<boolean> => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    return enqueue(async () => {
      const value = draftsRef.current[key];
      if (value === undefined) return true;
      const [groupId, field] = key.split(':') as [string, Field];
      setSaving((n) => n + 1);
      try {
        const result = await updateGroupAction(
          field === 'de' ? { slug, groupId, textDe: value } : { slug, groupId, textEn: value },
        );
        if (!result.ok) {
          setFailed((all) => ({ ...all, [key]: firstError(result) }));
          return false;
        }
        // Typing may have gone on while this was saved: only the saved value leaves the drafts.
        if (draftsRef.current[key] === value) setDraft(key, undefined);
        setFailed(({ [key]: _, ...rest }) => rest);
        setArticle(result.data);
        setSavedOnce(true);
        return true;
      } catch {
        setFailed((all) => ({ ...all, [key]: 'teach:editor.failed' }));
        return false;
      } finally {
        setSaving((n) => n - 1);
      }
    });
  };

  const onType = (groupId: string, field: Field, value: string) => {
    const key = keyOf(groupId, field);
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

  /** Saves every draft; true when the server has them all. */
  const flush = async (): Promise<boolean> => {
    const results = await Promise.all((Object.keys(draftsRef.current) as DraftKey[]).map(saveNow));
    return results.every(Boolean);
  };

  /** A structural change (split, join, titles …): unsaved text is saved first, then the change, in order. */
  const change = async (run: () => Promise<ImportingResult<DraftArticle>>, onOk?: () => void) => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      if (!(await flush())) return;
      const result = await enqueue(run);
      if (result.ok) {
        setArticle(result.data);
        onOk?.();
      } else setNotice({ kind: 'error', key: firstError(result) });
    } catch {
      setNotice({ kind: 'error', key: 'teach:editor.failed' });
    } finally {
      setBusy(false);
    }
  };

  const splitAtCursor = (group: DraftGroup) => {
    const field = germanFields.current.get(group.id);
    const at = field?.selectionStart ?? 0;
    if (!field || at <= 0 || at >= field.value.trimEnd().length) {
      setNotice({ kind: 'error', key: 'teach:editor.splitNoCursor' });
      field?.focus();
      return;
    }
    void change(() => splitGroupAction({ slug, groupId: group.id, at }));
  };

  const saveTitles = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setTitleErrors({});
    void change(
      async () => {
        const result = await updateTitleAction({
          slug,
          titleDe: String(form.get('titleDe') ?? ''),
          titleEn: String(form.get('titleEn') ?? ''),
        });
        if (!result.ok && result.fieldErrors) setTitleErrors(result.fieldErrors);
        return result;
      },
      () => setNotice({ kind: 'info', key: 'teach:editor.save.saved' }),
    );
  };

  const saveHeading = (sectionId: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const headingEn = String(new FormData(event.currentTarget).get('headingEn') ?? '');
    void change(
      () => updateHeadingAction({ slug, sectionId, headingEn }),
      () => setNotice({ kind: 'info', key: 'teach:editor.save.saved' }),
    );
  };

  const translateByMachine = async () => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      if (!(await flush())) return;
      const result = await enqueue(() => machineTranslateAction({ slug }));
      if (result.ok) {
        setNotice({ kind: 'info', key: 'teach:editor.machine.done', values: { count: result.data.translated } });
        router.refresh();
      } else setNotice({ kind: 'error', key: result.error });
    } catch {
      setNotice({ kind: 'error', key: 'teach:editor.failed' });
    } finally {
      setBusy(false);
    }
  };

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

      <form className="form teach-editor__titles" onSubmit={saveTitles} noValidate aria-label={t('editor.titles')}>
        <TextField
          id="title-de"
          name="titleDe"
          lang="de"
          defaultValue={article.titleDe}
          key={`de-${article.titleDe}`}
          label={t('editor.titleDe')}
          error={titleErrors.titleDe && t(titleErrors.titleDe)}
        />
        <TextField
          id="title-en"
          name="titleEn"
          lang="en"
          defaultValue={article.titleEn}
          key={`en-${article.titleEn}`}
          label={t('editor.titleEn')}
          hint={article.titleMachineTranslated ? t('editor.machineBadge') : undefined}
          error={titleErrors.titleEn && t(titleErrors.titleEn)}
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
          className={notice?.kind === 'error' ? 'form__error' : 'form__status'}
          role={notice?.kind === 'error' ? 'alert' : 'status'}
          data-testid="editor-notice"
        >
          {notice ? t(notice.key, notice.values ?? {}) : ''}
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
                            onClick={() => void change(() => joinGroupsAction({ slug, groupId: group.id }))}
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
                            onClick={() => void change(() => splitParagraphAction({ slug, groupId: group.id }))}
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
                      onClick={() => void change(() => joinParagraphsAction({ slug, paragraphId: paragraph.id }))}
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
        beforePublish={flush}
        onPublished={() => setArticle((current) => ({ ...current, status: 'published' }))}
        onUnpublish={async () => {
          const result = await unpublishAction({ slug });
          if (result.ok) setArticle((current) => ({ ...current, status: 'draft' }));
          return result.ok ? null : result.error;
        }}
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
