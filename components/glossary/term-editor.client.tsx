'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalDateTime } from '@/components/classroom/local-date-time.client';
import { FieldError, FormError } from '@/components/forms/messages';
import { TextAreaField, TextField } from '@/components/forms/text-field';
import { useAction } from '@/components/forms/use-action.client';
import {
  approveTermAction,
  createTermAction,
  lookUpGrammarAction,
  previewTermAction,
  rejectTermAction,
  restoreRevisionAction,
  retireTermAction,
  updateTermAction,
} from '@/lib/glossary/actions';
import { changedFields, type TermSnapshot } from '@/lib/glossary/entry';
import { compareGrammar, type GrammarFacts } from '@/lib/glossary/grammar-check';
import {
  DOMAINS,
  type Domain,
  EDITOR_GRAMMAR,
  EDITOR_GRAMMAR_UNKNOWN,
  EDITOR_NO_MATCHES,
  EDITOR_STALE,
  TERM_KINDS,
  type TermContent,
  type TermKind,
} from '@/lib/glossary/schema';
import type { EditableTerm, SavedTerm, TermPreview, TermRevisionView } from '@/lib/glossary/types';
import { formatList } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Result } from '@/lib/result';
import { fieldLabel, revisionActionLabel, statusLabel } from './editor-labels';
import { domainLabel, genderLabel, kindLabel } from './labels';
import { MatchPreview } from './match-preview';

// The term editor (docs/decisions/032-glossary-editor-and-live-refresh.md): every field of an entry,
// grammar prefilled from the lemma table and checked, a preview of what the entry as typed would
// match, the status actions and the history. Edits are made on the version the editor was opened on;
// when someone else saved meanwhile the server refuses the save as stale and the page shows the newer
// entry beside what the editor typed, until they load it.

/** The form's fields as typed: lists one per line, empty text for a missing value. */
type Draft = {
  lemma: string;
  kind: TermKind;
  gender: '' | 'm' | 'f' | 'n';
  plural: string;
  genitive: string;
  separable: boolean;
  englishPreferred: string;
  englishAlternatives: string;
  definitionEn: string;
  definitionDe: string;
  usageNote: string;
  domains: Domain[];
  related: string;
  variants: string;
  source: string;
  sourceUrl: string;
  grammarOverride: string;
};

const EMPTY: Draft = {
  lemma: '',
  kind: 'noun',
  gender: '',
  plural: '',
  genitive: '',
  separable: false,
  englishPreferred: '',
  englishAlternatives: '',
  definitionEn: '',
  definitionDe: '',
  usageNote: '',
  domains: [],
  related: '',
  variants: '',
  source: '',
  sourceUrl: '',
  grammarOverride: '',
};

function draftOf(content: TermContent): Draft {
  return {
    lemma: content.lemma,
    kind: content.kind,
    gender: content.gender ?? '',
    plural: content.plural ?? '',
    genitive: content.genitive ?? '',
    separable: content.separable,
    englishPreferred: content.english.preferred,
    englishAlternatives: content.english.alternatives.join('\n'),
    definitionEn: content.definitionEn,
    definitionDe: content.definitionDe,
    usageNote: content.usageNote ?? '',
    domains: content.domains,
    related: content.related.join('\n'),
    variants: content.variants.join('\n'),
    source: content.source,
    sourceUrl: content.sourceUrl ?? '',
    grammarOverride: content.grammarOverride ?? '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const orNull = (text: string) => text.trim() || null;

/** The entry the form describes; grammar only where the kind has it (the server checks everything again). */
function contentOf(draft: Draft): TermContent {
  const noun = draft.kind === 'noun';
  return {
    lemma: draft.lemma.trim(),
    kind: draft.kind,
    gender: noun ? draft.gender || null : null,
    plural: noun ? orNull(draft.plural) : null,
    genitive: noun ? orNull(draft.genitive) : null,
    separable: draft.kind === 'verb' && draft.separable,
    english: { preferred: draft.englishPreferred.trim(), alternatives: lines(draft.englishAlternatives) },
    definitionEn: draft.definitionEn.trim(),
    definitionDe: draft.definitionDe.trim(),
    usageNote: orNull(draft.usageNote),
    domains: draft.domains,
    related: lines(draft.related),
    variants: lines(draft.variants),
    source: draft.source.trim(),
    sourceUrl: orNull(draft.sourceUrl),
    grammarOverride: orNull(draft.grammarOverride),
  };
}

const snapshotOf = (term: EditableTerm): TermSnapshot => ({
  ...term.content,
  status: term.status,
  rejectionReason: term.rejectionReason,
});

/** What a preview was made for: the wordings the engine matches. */
const wordingsOf = (content: TermContent) => JSON.stringify([content.lemma, content.variants]);

type SaveMode = 'create' | 'update' | 'approve';

export function TermEditor({
  locale,
  term,
  history,
}: {
  locale: Locale;
  /** The entry as stored now; null on the page for a new entry. */
  term: EditableTerm | null;
  history: TermRevisionView[];
}) {
  const { t } = useTranslation('glossaryEditor');
  const router = useRouter();
  /** The entry the draft was made on: its version is what a save sends. */
  const [base, setBase] = useState(term);
  const [draft, setDraft] = useState<Draft>(term ? draftOf(term.content) : EMPTY);
  /** The version this editor's own last change made: when the page brings it, the editor takes it over. */
  const [ownVersion, setOwnVersion] = useState<number | null>(null);
  /** The stored entry's version last seen from the page. */
  const [seenVersion, setSeenVersion] = useState(term?.version ?? null);
  /** A newer entry someone else saved, shown until the editor loads it. */
  const [newer, setNewer] = useState<EditableTerm | null>(null);
  const [facts, setFacts] = useState<{ lemma: string; facts: GrammarFacts | null } | null>(null);
  const [preview, setPreview] = useState<{ wordings: string; preview: TermPreview } | null>(null);
  const [mode, setMode] = useState<SaveMode>(term ? 'update' : 'create');
  /** The refusal whose question ("save anyway?") the editor dismissed. */
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [reason, setReason] = useState('');

  // The page brought another version of the entry (after a refresh): this editor's own change is
  // taken over; anyone else's is shown beside the draft.
  if (term && term.version !== seenVersion) {
    setSeenVersion(term.version);
    if (term.version === ownVersion) {
      setBase(term);
      setDraft(draftOf(term.content));
      setNewer(null);
    } else setNewer(term);
  }

  const content = contentOf(draft);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  /** The lemma table's grammar for the draft's lemma; `fill` writes it into the draft. */
  const lookUpGrammar = async (lemma: string, kind: TermKind, fill: boolean): Promise<Result<GrammarFacts | null>> => {
    const result = await lookUpGrammarAction({ lemma, kind });
    if (!result.ok) return result;
    setFacts({ lemma, facts: result.data });
    const found = result.data;
    if (fill && found)
      setDraft((current) => ({
        ...current,
        gender: current.kind === 'noun' ? (found.gender ?? '') : current.gender,
        plural: current.kind === 'noun' ? (found.plural ?? '') : current.plural,
        genitive: current.kind === 'noun' ? (found.genitive ?? '') : current.genitive,
        separable: current.kind === 'verb' && found.separable !== null ? found.separable : current.separable,
      }));
    return result;
  };
  /**
   * What follows a refusal: a stale edit brings the newer entry (a refresh); grammar the lemma table
   * disagrees with shows what it has.
   */
  const afterRefusal = async <T,>(result: Result<T>): Promise<Result<T>> => {
    if (result.ok) return result;
    if (result.error === EDITOR_STALE) router.refresh();
    if (result.error === EDITOR_GRAMMAR || result.error === EDITOR_GRAMMAR_UNKNOWN)
      await lookUpGrammar(content.lemma, content.kind, false);
    return result;
  };
  const adopt = (data: SavedTerm) => {
    setOwnVersion(data.version);
    if (base && data.lemma !== base.content.lemma) router.replace(paths.termEditor(locale, data.lemma));
  };
  const save = useAction(
    async (input: { mode: SaveMode; confirmNoMatches: boolean }) => {
      const payload = { ...content, confirmNoMatches: input.confirmNoMatches };
      if (input.mode === 'create') return afterRefusal(await createTermAction(payload));
      const edit = { ...payload, id: base!.id, version: base!.version };
      return afterRefusal(await (input.mode === 'approve' ? approveTermAction(edit) : updateTermAction(edit)));
    },
    { onSuccess: (data) => (base ? adopt(data) : router.push(paths.termEditor(locale, data.lemma))) },
  );
  const status = useAction(
    async (input: { action: 'reject' | 'retire' | 'restore'; revision?: number }) => {
      const edit = { id: base!.id, version: base!.version };
      if (input.action === 'reject') return afterRefusal(await rejectTermAction({ ...edit, reason }));
      if (input.action === 'retire') return afterRefusal(await retireTermAction(edit));
      return afterRefusal(await restoreRevisionAction({ ...edit, revision: input.revision }));
    },
    { onSuccess: adopt },
  );
  const lookUp = useAction(() => lookUpGrammar(content.lemma, content.kind, true), { refresh: false });
  const runPreview = useAction(() => previewTermAction({ lemma: content.lemma, variants: content.variants }), {
    refresh: false,
    onSuccess: (data) => setPreview({ wordings: wordingsOf(content), preview: data }),
  });

  const submit = (next: SaveMode, confirmNoMatches = false) => {
    setMode(next);
    save.run({ mode: next, confirmNoMatches });
  };
  const saveError = save.errors.form;
  const askNoMatches = saveError === EDITOR_NO_MATCHES && !save.pending && dismissed !== save.result;

  const disagreements = facts && facts.lemma === content.lemma ? compareGrammar(content, facts.facts) : [];
  const errors = save.errors;
  const field = (key: keyof Draft | 'english') => (errors[key] ? t(errors[key]) : undefined);
  const busy = save.pending || status.pending;
  const noun = draft.kind === 'noun';
  const previewStale = preview !== null && preview.wordings !== wordingsOf(content);

  return (
    <div className="term-editor" data-testid="term-editor">
      {newer && base ? (
        <div className="notice" role="status" data-testid="term-editor-stale">
          <p>
            {t('form.stale', {
              version: newer.version,
              fields: formatList(
                locale,
                changedFields(snapshotOf(base), snapshotOf(newer)).map((key) => fieldLabel(t, key)),
              ),
            })}
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setBase(newer);
              setDraft(draftOf(newer.content));
              setNewer(null);
            }}
          >
            {t('form.loadNewer')}
          </button>
        </div>
      ) : null}

      <form
        className="form term-editor__form"
        ref={save.formRef}
        onSubmit={(event) => {
          event.preventDefault();
          submit(base ? 'update' : 'create');
        }}
        noValidate
      >
        <FormError
          message={saveError && saveError !== EDITOR_NO_MATCHES ? t(saveError) : null}
          testId="term-editor-error"
        />
        <TextField
          id="term-lemma"
          label={t('fields.lemma')}
          hint={t('fields.lemmaHint')}
          lang="de"
          value={draft.lemma}
          onChange={(event) => set('lemma', event.target.value)}
          error={field('lemma')}
          required
        />
        <div className="field">
          <label htmlFor="term-kind">{t('fields.kind')}</label>
          <select id="term-kind" value={draft.kind} onChange={(event) => set('kind', event.target.value as TermKind)}>
            {TERM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(t, kind)}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="term-editor__group">
          <legend>{t('form.grammarTitle')}</legend>
          <p>
            <button
              type="button"
              className="button button--small"
              onClick={() => lookUp.run(undefined)}
              disabled={lookUp.pending || content.lemma === ''}
              data-testid="term-fill"
            >
              {lookUp.pending ? t('form.filling') : t('form.fill')}
            </button>{' '}
            {facts && facts.lemma === content.lemma ? (
              <span role="status">
                {facts.facts ? t('form.filled', { basis: facts.facts.basis }) : t('form.notInDictionary')}
              </span>
            ) : null}
          </p>
          <FormError message={lookUp.errors.form ? t(lookUp.errors.form) : null} />
          {noun ? (
            <>
              <div className="field">
                <label htmlFor="term-gender">{t('fields.gender')}</label>
                <select
                  id="term-gender"
                  value={draft.gender}
                  onChange={(event) => set('gender', event.target.value as Draft['gender'])}
                  aria-invalid={errors.gender ? true : undefined}
                  aria-describedby={errors.gender ? 'term-gender-error' : undefined}
                >
                  <option value="">{t('fields.noGender')}</option>
                  {(['m', 'f', 'n'] as const).map((gender) => (
                    <option key={gender} value={gender}>
                      {genderLabel(t, gender)}
                    </option>
                  ))}
                </select>
                <FieldError id="term-gender-error" message={field('gender')} />
              </div>
              <TextField
                id="term-plural"
                label={t('fields.plural')}
                lang="de"
                value={draft.plural}
                onChange={(event) => set('plural', event.target.value)}
                error={field('plural')}
              />
              <TextField
                id="term-genitive"
                label={t('fields.genitive')}
                lang="de"
                value={draft.genitive}
                onChange={(event) => set('genitive', event.target.value)}
                error={field('genitive')}
              />
            </>
          ) : null}
          {draft.kind === 'verb' ? (
            <div className="field field--choice">
              <input
                id="term-separable"
                type="checkbox"
                checked={draft.separable}
                onChange={(event) => set('separable', event.target.checked)}
                aria-invalid={errors.separable ? true : undefined}
              />
              <label htmlFor="term-separable">{t('fields.separable')}</label>
              <FieldError message={field('separable')} />
            </div>
          ) : null}
          {disagreements.length ? (
            <div className="notice" data-testid="term-grammar-disagreements">
              <p>{t('form.disagreements')}</p>
              <ul>
                {disagreements.map((d) => (
                  <li key={d.field}>
                    {t('form.disagreement', { field: fieldLabel(t, d.field), expected: d.expected, actual: d.actual })}
                  </li>
                ))}
              </ul>
              {content.grammarOverride ? <p>{t('form.overridden', { reason: content.grammarOverride })}</p> : null}
            </div>
          ) : null}
          <TextAreaField
            id="term-grammar-override"
            label={t('fields.grammarOverride')}
            hint={t('fields.grammarOverrideHint')}
            value={draft.grammarOverride}
            onChange={(event) => set('grammarOverride', event.target.value)}
            error={field('grammarOverride')}
          />
        </fieldset>

        <fieldset className="term-editor__group">
          <legend>{t('form.meaningTitle')}</legend>
          <TextField
            id="term-english"
            label={t('fields.englishPreferred')}
            lang="en"
            value={draft.englishPreferred}
            onChange={(event) => set('englishPreferred', event.target.value)}
            error={field('english')}
            required
          />
          <TextAreaField
            id="term-alternatives"
            label={t('fields.englishAlternatives')}
            hint={t('fields.onePerLine')}
            lang="en"
            value={draft.englishAlternatives}
            onChange={(event) => set('englishAlternatives', event.target.value)}
          />
          <TextAreaField
            id="term-definition-en"
            label={t('fields.definitionEn')}
            lang="en"
            value={draft.definitionEn}
            onChange={(event) => set('definitionEn', event.target.value)}
            error={field('definitionEn')}
          />
          <TextAreaField
            id="term-definition-de"
            label={t('fields.definitionDe')}
            lang="de"
            value={draft.definitionDe}
            onChange={(event) => set('definitionDe', event.target.value)}
            error={field('definitionDe')}
          />
          <fieldset
            className="term-editor__domains"
            aria-invalid={errors.domains ? true : undefined}
            aria-describedby="term-domains-hint"
          >
            <legend>{t('fields.domains')}</legend>
            <p id="term-domains-hint" className="field__hint">
              {t('fields.domainsHint')}
            </p>
            {DOMAINS.map((domain) => (
              <label key={domain} className="field--choice">
                <input
                  type="checkbox"
                  name="domains"
                  value={domain}
                  checked={draft.domains.includes(domain)}
                  onChange={(event) =>
                    set(
                      'domains',
                      event.target.checked
                        ? DOMAINS.filter((d) => d === domain || draft.domains.includes(d))
                        : draft.domains.filter((d) => d !== domain),
                    )
                  }
                />{' '}
                {domainLabel(t, domain)}
              </label>
            ))}
            <FieldError message={field('domains')} />
          </fieldset>
        </fieldset>

        <fieldset className="term-editor__group">
          <legend>{t('form.usageTitle')}</legend>
          <TextAreaField
            id="term-usage"
            label={t('fields.usageNote')}
            lang="en"
            value={draft.usageNote}
            onChange={(event) => set('usageNote', event.target.value)}
            error={field('usageNote')}
          />
          <TextAreaField
            id="term-related"
            label={t('fields.related')}
            hint={t('fields.relatedHint')}
            lang="de"
            value={draft.related}
            onChange={(event) => set('related', event.target.value)}
            error={field('related')}
          />
          <TextAreaField
            id="term-variants"
            label={t('fields.variants')}
            hint={t('fields.onePerLine')}
            lang="de"
            value={draft.variants}
            onChange={(event) => set('variants', event.target.value)}
            error={field('variants')}
          />
          <TextField
            id="term-source"
            label={t('fields.source')}
            value={draft.source}
            onChange={(event) => set('source', event.target.value)}
            error={field('source')}
            required
          />
          <TextField
            id="term-source-url"
            label={t('fields.sourceUrl')}
            type="url"
            value={draft.sourceUrl}
            onChange={(event) => set('sourceUrl', event.target.value)}
            error={field('sourceUrl')}
          />
        </fieldset>

        <section className="term-editor__preview" aria-labelledby="term-preview-title">
          <h2 id="term-preview-title">{t('preview.title')}</h2>
          <p className="field__hint">{t('preview.intro')}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => runPreview.run(undefined)}
            disabled={runPreview.pending}
            data-testid="term-preview-run"
          >
            {runPreview.pending ? t('preview.running') : t('preview.run')}
          </button>
          <FormError message={runPreview.errors.form ? t(runPreview.errors.form) : null} />
          {previewStale ? <p className="muted">{t('preview.stale')}</p> : null}
          {preview ? <MatchPreview preview={preview.preview} locale={locale} t={t} /> : null}
        </section>

        {askNoMatches ? (
          <div className="notice" role="alert" data-testid="term-no-matches">
            <p>{t('form.noMatchesQuestion')}</p>
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => submit(mode, true)}
              disabled={busy}
              data-testid="term-no-matches-confirm"
            >
              {t('form.noMatchesConfirm')}
            </button>{' '}
            <button type="button" className="button button--small" onClick={() => setDismissed(save.result)}>
              {t('form.cancel')}
            </button>
          </div>
        ) : null}

        <p className="term-editor__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="term-save">
            {save.pending ? t('form.saving') : base ? t('form.save') : t('form.create')}
          </button>
          {base && base.status !== 'approved' ? (
            <>
              {' '}
              <button
                type="button"
                className="button button--primary"
                onClick={() => submit('approve')}
                disabled={busy}
                data-testid="term-approve"
              >
                {t('form.approve')}
              </button>
            </>
          ) : null}{' '}
          {save.done && !save.pending ? <span role="status">{t('form.saved')}</span> : null}
        </p>
      </form>

      {base ? (
        <StatusActions
          term={base}
          reason={reason}
          setReason={setReason}
          busy={busy}
          run={(action) => status.run({ action })}
          error={status.errors.reason ?? status.errors.form}
        />
      ) : null}
      {base ? (
        <History
          locale={locale}
          history={history}
          current={base.version}
          busy={busy}
          restore={(revision) => status.run({ action: 'restore', revision })}
        />
      ) : null}
    </div>
  );
}

/** Where the entry stands, and the decisions it allows: reject a proposal (with a reason), retire an approved entry. */
function StatusActions({
  term,
  reason,
  setReason,
  busy,
  run,
  error,
}: {
  term: EditableTerm;
  reason: string;
  setReason: (reason: string) => void;
  busy: boolean;
  run: (action: 'reject' | 'retire') => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('glossaryEditor');
  const [asking, setAsking] = useState(false);
  return (
    <section className="term-editor__status" aria-labelledby="term-status-title" data-testid="term-status">
      <h2 id="term-status-title">{t('actions.title')}</h2>
      <p>
        {t('status.label')}: <strong data-testid="term-status-value">{statusLabel(t, term.status)}</strong>
      </p>
      {term.status === 'rejected' && term.rejectionReason ? (
        <p data-testid="term-rejection-reason">{t('edit.rejectedBecause', { reason: term.rejectionReason })}</p>
      ) : null}
      {term.status === 'retired' ? <p>{t('actions.retiredNote')}</p> : null}
      <FormError message={error ? t(error) : null} />
      {term.status === 'proposed' ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            run('reject');
          }}
        >
          <TextAreaField
            id="term-reject-reason"
            label={t('actions.rejectReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="button button--danger" disabled={busy} data-testid="term-reject">
            {t('actions.rejectConfirm')}
          </button>
        </form>
      ) : null}
      {term.status === 'approved' ? (
        asking ? (
          <p role="group" aria-label={t('actions.retireQuestion')}>
            {t('actions.retireQuestion')}{' '}
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => run('retire')}
              disabled={busy}
              data-testid="term-retire-confirm"
            >
              {t('actions.retireConfirm')}
            </button>{' '}
            <button type="button" className="button button--small" onClick={() => setAsking(false)}>
              {t('form.cancel')}
            </button>
          </p>
        ) : (
          <button
            type="button"
            className="button button--danger"
            onClick={() => setAsking(true)}
            data-testid="term-retire"
          >
            {t('actions.retire')}
          </button>
        )
      ) : null}
    </section>
  );
}

/** Every revision, newest first: who, when, what, which fields; any earlier one can be restored. */
function History({
  locale,
  history,
  current,
  busy,
  restore,
}: {
  locale: Locale;
  history: TermRevisionView[];
  current: number;
  busy: boolean;
  restore: (revision: number) => void;
}) {
  const { t } = useTranslation('glossaryEditor');
  const [asking, setAsking] = useState<number | null>(null);
  return (
    <section className="term-editor__history" aria-labelledby="term-history-title">
      <h2 id="term-history-title">{t('history.title')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="term-history">
            <caption className="visually-hidden">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.columns.version')}</th>
                <th scope="col">{t('history.columns.when')}</th>
                <th scope="col">{t('history.columns.who')}</th>
                <th scope="col">{t('history.columns.action')}</th>
                <th scope="col">{t('history.columns.fields')}</th>
                <th scope="col">{t('history.columns.restore')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((revision) => (
                <tr key={revision.version} data-testid="term-revision" data-version={revision.version}>
                  <th scope="row" className="data-table__number">
                    {revision.version}
                  </th>
                  <td>
                    <LocalDateTime date={revision.at} locale={locale} />
                  </td>
                  <td>
                    {revision.author ?? (revision.action === 'seeded' ? t('history.seed') : t('history.deleted'))}
                  </td>
                  <td>{revisionActionLabel(t, revision.action)}</td>
                  <td>
                    {formatList(
                      locale,
                      revision.changed.map((field) => fieldLabel(t, field)),
                    )}
                  </td>
                  <td>
                    {revision.version === current ? (
                      <span className="muted">{t('history.current')}</span>
                    ) : asking === revision.version ? (
                      <span role="group" aria-label={t('history.restoreQuestion', { version: revision.version })}>
                        {t('history.restoreQuestion', { version: revision.version })}{' '}
                        <button
                          type="button"
                          className="button button--small button--primary"
                          onClick={() => restore(revision.version)}
                          disabled={busy}
                          data-testid="term-restore-confirm"
                        >
                          {t('history.restoreConfirm')}
                        </button>{' '}
                        <button type="button" className="button button--small" onClick={() => setAsking(null)}>
                          {t('form.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setAsking(revision.version)}
                        data-testid="term-restore"
                      >
                        {t('history.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
