'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import { SIGNED_OUT } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { unpublishAction, updateVisibilityAction } from '@/lib/teach/actions';
import type { ArticleVisibility } from '@/lib/teach/types';

type Progress = { done: number; total: number };
type State =
  | { phase: 'idle' }
  | { phase: 'running'; progress: Progress }
  | { phase: 'done'; progress: Progress }
  | { phase: 'unpublished' }
  | { phase: 'failed'; error: string; progress?: Progress };
type Line = { done: number; total: number } | { ok: true; slug: string } | { ok: false; error: string };

/** Reads the publish route's NDJSON answer line by line: progress lines, then one final result. */
async function* lines(response: Response): AsyncGenerator<Line> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) yield JSON.parse(line) as Line;
      newline = buffer.indexOf('\n');
    }
    if (done) break;
  }
  if (buffer.trim()) yield JSON.parse(buffer) as Line;
}

/**
 * Publish (annotate, then list in the library) with visible progress, or take the article back out.
 * Unsaved text is saved first (`beforePublish`); publishing is refused while that fails. Publishing
 * streams its progress from a route; unpublishing is a server action.
 */
export function PublishPanel({
  slug,
  published,
  visibility,
  seeded,
  total,
  busy,
  beforePublish,
  onPublished,
  onUnpublished,
  onVisibility,
}: {
  slug: string;
  published: boolean;
  /** Who may read it once published: everyone, or the teacher's classes only. */
  visibility: ArticleVisibility;
  /** Seeded from a content file: it has no owner whose classes could read it, so it stays public. */
  seeded: boolean;
  total: number;
  busy: boolean;
  beforePublish: () => Promise<boolean>;
  onPublished: () => void;
  onUnpublished: () => void;
  onVisibility: (visibility: ArticleVisibility) => void;
}) {
  const { t } = useTranslation('teach');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const unpublishing = useAction(unpublishAction, {
    onSuccess: () => {
      setState({ phase: 'unpublished' });
      onUnpublished();
    },
    refresh: false,
  });
  const choosing = useAction(updateVisibilityAction, {
    onSuccess: (data) => onVisibility(data.visibility),
    refresh: false,
  });
  const running = state.phase === 'running';
  const blocked = running || unpublishing.pending || choosing.pending || busy;

  const publish = async () => {
    setState({ phase: 'running', progress: { done: 0, total } });
    try {
      if (!(await beforePublish())) {
        setState({ phase: 'failed', error: 'teach:editor.failed' });
        return;
      }
      const response = await fetch(paths.publishApi(slug), {
        method: 'POST',
        headers: { accept: 'application/x-ndjson' },
      });
      if (!response.ok || !response.body) {
        setState({
          phase: 'failed',
          error: response.status === 401 ? SIGNED_OUT : 'teach:editor.failed',
        });
        return;
      }
      let progress: Progress = { done: 0, total };
      for await (const line of lines(response)) {
        if ('done' in line) {
          progress = { done: line.done, total: line.total };
          setState({ phase: 'running', progress });
        } else if (line.ok) {
          setState({ phase: 'done', progress: { done: progress.total, total: progress.total } });
          onPublished();
          return;
        } else {
          setState({ phase: 'failed', error: line.error, progress });
          return;
        }
      }
      setState({ phase: 'failed', error: 'teach:editor.failed', progress });
    } catch {
      setState({ phase: 'failed', error: 'teach:editor.failed' });
    }
  };

  const unpublish = () => {
    setState({ phase: 'idle' });
    unpublishing.run({ slug });
  };
  // The last thing tried speaks: publishing's own phases, else a refused unpublish.
  const failure =
    state.phase === 'failed'
      ? state.error
      : state.phase === 'idle' && !unpublishing.pending
        ? (unpublishing.errors.form ?? choosing.errors.form)
        : undefined;

  const progress =
    state.phase === 'running' || state.phase === 'done'
      ? state.progress
      : state.phase === 'failed'
        ? state.progress
        : undefined;
  return (
    <section
      className="publish-panel"
      aria-labelledby="publish-title"
      data-testid="publish-panel"
      data-published={published}
    >
      <h2 id="publish-title">{t('editor.publish.title')}</h2>
      <p data-testid="publish-note">
        {!published
          ? t('editor.publish.draftNote')
          : visibility === 'classes'
            ? t('editor.publish.publishedClassesNote')
            : t('editor.publish.publishedNote')}
      </p>
      {seeded ? null : (
        <fieldset className="publish-panel__visibility" data-testid="visibility">
          <legend>{t('editor.publish.visibility.legend')}</legend>
          {(['public', 'classes'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="visibility"
                value={value}
                checked={visibility === value}
                disabled={blocked}
                onChange={() => choosing.run({ slug, visibility: value })}
                data-testid={`visibility-${value}`}
              />{' '}
              {t(`editor.publish.visibility.${value}`)}
            </label>
          ))}
        </fieldset>
      )}
      {progress ? (
        <div className="publish-panel__progress">
          <label htmlFor="publish-progress">{t('editor.publish.progressLabel')}</label>
          <progress
            id="publish-progress"
            max={Math.max(progress.total, 1)}
            value={progress.done}
            data-testid="publish-progress"
            data-done={progress.done}
            data-total={progress.total}
          />
          <span className="publish-panel__count">
            {t('editor.publish.progress', { done: progress.done, total: progress.total })}
          </span>
        </div>
      ) : null}
      <p
        role={failure ? 'alert' : 'status'}
        className={failure ? 'form__error' : 'form__status'}
        data-testid="publish-status"
      >
        {failure
          ? t('editor.publish.failed', { reason: t(failure) })
          : state.phase === 'done'
            ? t(visibility === 'classes' ? 'editor.publish.doneClasses' : 'editor.publish.done')
            : state.phase === 'unpublished'
              ? t('editor.publish.unpublished')
              : ''}
      </p>
      <p className="publish-panel__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={publish}
          disabled={blocked}
          data-testid="publish"
        >
          {running ? t('editor.publish.pending') : published ? t('editor.publish.again') : t('editor.publish.button')}
        </button>
        {published ? (
          <button type="button" className="button" onClick={unpublish} disabled={blocked} data-testid="unpublish">
            {t('editor.publish.unpublish')}
          </button>
        ) : null}
      </p>
    </section>
  );
}
