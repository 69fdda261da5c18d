import { germanArticle } from './grammar';
import type { TermCard } from './types';

/** How a term is written at the head of its entry: "die Werkzeugmaschine", "die Streitkräfte (Pl.)", "liefern". */
export type Headword = {
  /** The definite article of a noun, else null. */
  article: string | null;
  /** The word after the article: the lemma, or an adjectival noun's weak form ("der Verbündete"). */
  text: string;
  /** The plural with its article ("die Werkzeugmaschinen", "die Verbündeten"), if the glossary gives one. */
  plural: string | null;
  /** A noun without gender in the glossary: used in the plural only ("die Streitkräfte"). */
  pluralOnly: boolean;
  /** A noun declined like an adjective ("der Verbündete", "ein Verbündeter"). */
  adjectival: boolean;
};

/**
 * The headword of a glossary entry. Adjectival nouns are filed under their strong form, which goes
 * with "ein" ("ein Verbündeter", plural "Verbündete"); after "der" and "die" they take the weak form
 * ("der Verbündete", "die Verbündeten"). The glossary marks them by a plural that drops the final -r
 * (Verbündeter → Verbündete), which ordinary nouns in -er never do (Panzer → Panzer, Bauer → Bauern).
 */
export function headwordOf(term: Pick<TermCard, 'lemma' | 'kind' | 'gender' | 'plural'>): Headword {
  if (term.kind !== 'noun')
    return { article: null, text: term.lemma, plural: null, pluralOnly: false, adjectival: false };
  if (term.gender === null)
    return { article: 'die', text: term.lemma, plural: null, pluralOnly: true, adjectival: false };
  const adjectival = term.gender === 'm' && term.lemma.endsWith('er') && term.plural === term.lemma.slice(0, -1);
  return {
    article: germanArticle(term.gender),
    text: adjectival ? term.lemma.slice(0, -1) : term.lemma,
    plural: term.plural ? `die ${adjectival ? `${term.plural}n` : term.plural}` : null,
    pluralOnly: false,
    adjectival,
  };
}
