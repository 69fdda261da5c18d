'use client';
import { useEffect, useState } from 'react';
import { focusTermOptionsAction } from '@/lib/classroom/actions';
import type { FocusTermView } from '@/lib/classroom/types';

/** Text as the term filter compares it: lower case, without accents or umlaut dots, ß as ss. */
export const foldForFilter = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('de').replace(/ß/g, 'ss').trim();

/**
 * The glossary terms of an article offered as focus terms, loaded whenever the article changes
 * (null while none is chosen or they load), and which are checked: at first `initial` (the current
 * focus terms of an assignment being edited), or all of them for a new assignment. A filter (by the
 * German or the English) narrows the terms shown; "all" and "none" check or uncheck the shown ones.
 */
export function useFocusTerms(slug: string, initial?: readonly string[]) {
  const [terms, setTerms] = useState<FocusTermView[] | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // The first selection only: later renders (a refresh after saving) must not undo what was ticked.
  const [initialIds] = useState(initial);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    setFilter('');
    if (!slug) return setTerms(null);
    let current = true;
    setTerms(null);
    void focusTermOptionsAction(slug).then((result) => {
      if (!current) return;
      const options = result.ok
        ? result.data.map(({ id, lemma, englishPreferred }) => ({ id, lemma, englishPreferred }))
        : [];
      setTerms(options);
      setChecked(new Set(options.map((term) => term.id).filter((id) => !initialIds || initialIds.includes(id))));
    });
    return () => {
      current = false;
    };
  }, [slug, initialIds]);

  const toggle = (id: string) =>
    setChecked((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const folded = foldForFilter(filter);
  const shown =
    terms && folded
      ? terms.filter(
          (term) => foldForFilter(term.lemma).includes(folded) || foldForFilter(term.englishPreferred).includes(folded),
        )
      : terms;
  /** Checks (or unchecks) every term shown. */
  const setShown = (on: boolean) =>
    setChecked((before) => {
      const next = new Set(before);
      for (const term of shown ?? []) {
        if (on) next.add(term.id);
        else next.delete(term.id);
      }
      return next;
    });

  /** The checked ids in the offered order; undefined until the terms are known. */
  const chosen = terms ? terms.filter((term) => checked.has(term.id)).map((term) => term.id) : undefined;
  return { terms, shown, checked, toggle, setShown, filter, setFilter, chosen };
}
