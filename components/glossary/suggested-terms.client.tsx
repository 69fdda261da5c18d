'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '@/components/forms/use-action.client';
import { proposeTermsAction } from '@/lib/glossary/proposal-actions';
import type { ProposeOutcome, Suggestion, SuggestionSentence } from '@/lib/glossary/proposals';
import { DOMAINS, type Domain } from '@/lib/glossary/schema';
import { domainLabel, kindLabel } from './labels';

type Draft = { ticked: boolean; english: string; definitionEn: string; domains: Domain[] };

/** A sentence with the candidate's occurrences marked (the text stays text). */
function MarkedSentence({ sentence }: { sentence: SuggestionSentence }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [index, mark] of sentence.marks.entries()) {
    if (mark.start < at) continue;
    parts.push(sentence.de.slice(at, mark.start));
    parts.push(<mark key={index}>{sentence.de.slice(mark.start, mark.end)}</mark>);
    at = mark.end;
  }
  parts.push(sentence.de.slice(at));
  return <>{parts}</>;
}

/**
 * The article editor's "Suggested terms": each candidate with its sentences (German, the term marked,
 * and the aligned English), its grammar and a drafted English the teacher may change; ticked ones are
 * proposed to the glossary's editors in one go.
 */
export function SuggestedTerms({
  slug,
  suggestions,
  reviewHref,
}: {
  slug: string;
  suggestions: Suggestion[];
  /** The review queue, for a teacher who is also a glossary editor. */
  reviewHref: string | null;
}) {
  const { t } = useTranslation('proposals');
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      suggestions.map((s) => [s.lemma, { ticked: false, english: s.english, definitionEn: '', domains: s.domains }]),
    ),
  );
  const [outcome, setOutcome] = useState<ProposeOutcome | null>(null);
  const [proposed, setProposed] = useState<ReadonlySet<string>>(new Set());
  const proposing = useAction(proposeTermsAction, {
    refresh: false,
    onSuccess: (data) => {
      setOutcome(data);
      setProposed((before) => new Set([...before, ...data.proposed]));
      setDrafts((before) =>
        Object.fromEntries(Object.entries(before).map(([lemma, draft]) => [lemma, { ...draft, ticked: false }])),
      );
    },
  });
  const change = (lemma: string, patch: Partial<Draft>) =>
    setDrafts((before) => ({ ...before, [lemma]: { ...before[lemma]!, ...patch } }));
  const ticked = suggestions.filter((s) => drafts[s.lemma]?.ticked);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    proposing.run({
      slug,
      terms: ticked.map((s) => {
        const draft = drafts[s.lemma]!;
        return {
          lemma: s.lemma,
          kind: s.kind,
          gender: s.gender,
          plural: s.plural,
          genitive: s.genitive,
          separable: s.separable,
          englishPreferred: draft.english,
          definitionEn: draft.definitionEn,
          definitionDe: '',
          domains: draft.domains,
          again: s.existing?.status === 'rejected',
        };
      }),
    });
  };

  if (suggestions.length === 0) return <p data-testid="suggested-none">{t('panel.none')}</p>;
  return (
    <form onSubmit={submit} ref={proposing.formRef} noValidate>
      <ol className="suggested-terms__list">
        {suggestions.map((s, index) => {
          const draft = drafts[s.lemma]!;
          const id = `suggestion-${index}`;
          const closed = proposed.has(s.lemma) || s.existing?.status === 'proposed' || s.existing?.status === 'retired';
          return (
            <li key={s.lemma} className="suggested-term" data-testid="suggested-term" data-lemma={s.lemma}>
              <div className="suggested-term__head">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={draft.ticked}
                    disabled={closed || proposing.pending}
                    onChange={(event) => change(s.lemma, { ticked: event.target.checked })}
                    data-testid="suggested-tick"
                  />{' '}
                  <span lang="de" className="suggested-term__lemma">
                    {s.lemma}
                  </span>
                  {s.existing?.status === 'rejected' && !proposed.has(s.lemma) ? ` (${t('panel.proposeAgain')})` : ''}
                </label>{' '}
                <span className="suggested-term__facts">
                  {kindLabel(t, s.kind)}
                  {s.gender ? ` · ${t(`glossary:genders.${s.gender}`)}` : ''}
                  {s.genitive ? ` · ${s.genitive}` : ''}
                  {s.plural ? ` · ${t('panel.plural', { plural: s.plural })}` : ''}
                  {s.separable ? ` · ${t('panel.separable')}` : ''}
                  {' · '}
                  {t('panel.occurrences', { count: s.occurrences })}
                </span>
              </div>
              {proposed.has(s.lemma) || s.existing?.status === 'proposed' ? (
                <p className="form__status">{t('panel.existing.proposed')}</p>
              ) : s.existing?.status === 'retired' ? (
                <p className="form__status">{t('panel.existing.retired')}</p>
              ) : s.existing?.status === 'rejected' ? (
                <p className="form__status" data-testid="suggested-rejected">
                  {s.existing.rejectionReason
                    ? t('panel.existing.rejected', { reason: s.existing.rejectionReason })
                    : t('panel.existing.rejectedNoReason')}
                </p>
              ) : null}
              <ul className="suggested-term__sentences" aria-label={t('panel.sentences')}>
                {s.sentences.map((sentence, i) => (
                  <li key={i}>
                    <span lang="de">
                      <MarkedSentence sentence={sentence} />
                    </span>
                    {sentence.en ? (
                      <>
                        <br />
                        <span lang="en" className="suggested-term__english-sentence">
                          {sentence.en}
                        </span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              {draft.ticked ? (
                <div className="suggested-term__fields">
                  <label htmlFor={`${id}-english`}>{t('panel.english')}</label>
                  <input
                    id={`${id}-english`}
                    lang="en"
                    value={draft.english}
                    maxLength={200}
                    onChange={(event) => change(s.lemma, { english: event.target.value })}
                    data-testid="suggested-english"
                  />
                  <label htmlFor={`${id}-definition`}>{t('panel.definitionEn')}</label>
                  <textarea
                    id={`${id}-definition`}
                    lang="en"
                    rows={2}
                    maxLength={1000}
                    value={draft.definitionEn}
                    onChange={(event) => change(s.lemma, { definitionEn: event.target.value })}
                  />
                  <fieldset className="suggested-term__domains">
                    <legend>{t('panel.domains')}</legend>
                    {DOMAINS.map((domain) => (
                      <label key={domain} className="choice">
                        <input
                          type="checkbox"
                          checked={draft.domains.includes(domain)}
                          disabled={
                            (draft.domains.includes(domain) && draft.domains.length === 1) ||
                            (!draft.domains.includes(domain) && draft.domains.length >= 3)
                          }
                          onChange={(event) =>
                            change(s.lemma, {
                              domains: event.target.checked
                                ? [...draft.domains, domain]
                                : draft.domains.filter((d) => d !== domain),
                            })
                          }
                        />{' '}
                        {domainLabel(t, domain)}
                      </label>
                    ))}
                  </fieldset>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p role={proposing.errors.form ? 'alert' : 'status'} data-testid="suggested-status">
        {proposing.errors.form ? (
          <span className="form__error">{t(proposing.errors.form)}</span>
        ) : outcome ? (
          <span className="form__status">
            {t('panel.done', { count: outcome.proposed.length })}
            {outcome.skipped.length ? ` ${t('panel.skipped', { count: outcome.skipped.length })}` : ''}
            {reviewHref && outcome.proposed.length ? (
              <>
                {' '}
                <Link href={reviewHref} data-testid="suggested-review-link">
                  {t('panel.review')}
                </Link>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      <p>
        <button type="submit" disabled={ticked.length === 0 || proposing.pending} data-testid="suggested-submit">
          {t('panel.submit', { count: ticked.length })}
        </button>
      </p>
    </form>
  );
}
