'use client';
import { useEffect, useState } from 'react';
import { focusTermOptionsAction } from '@/lib/classroom/actions';
import type { FocusTermView } from '@/lib/classroom/types';

/**
 * The glossary terms of an article offered as focus terms, loaded whenever the article changes
 * (null while none is chosen or they load), and which are checked: at first `initial` (the current
 * focus terms of an assignment being edited), or all of them for a new assignment.
 */
export function useFocusTerms(slug: string, initial?: readonly string[]) {
  const [terms, setTerms] = useState<FocusTermView[] | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // The first selection only: later renders (a refresh after saving) must not undo what was ticked.
  const [initialIds] = useState(initial);

  useEffect(() => {
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

  /** The checked ids in the offered order; undefined until the terms are known. */
  const chosen = terms ? terms.filter((term) => checked.has(term.id)).map((term) => term.id) : undefined;
  return { terms, checked, toggle, chosen };
}
