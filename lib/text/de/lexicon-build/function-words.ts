import { type FormSink, RANK } from './form-table';

// Closed-class words the packages lack: articles, pronouns, possessive and demonstrative determiners,
// indefinite determiners and a few prepositions that look like -lich adjectives. Lemma → its forms.
// They become candidates of part of speech OTHER that rank first ("einen" → ein before the verb einen).

/** A possessive (or ein/kein): the stem and its inflections, "mein" → mein, meine, meinen, … */
const possessive = (stem: string, ...extra: string[]): string[] => [
  stem,
  `${stem}e`,
  `${stem}en`,
  `${stem}em`,
  `${stem}er`,
  `${stem}es`,
  ...extra,
];
/** A demonstrative or interrogative determiner: "dies" → dieser, diese, dieses, diesen, diesem. */
const determiner = (stem: string): string[] => [`${stem}er`, `${stem}e`, `${stem}es`, `${stem}en`, `${stem}em`];

export const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  der: ['der', 'die', 'das', 'den', 'dem', 'des', 'deren', 'dessen', 'denen', 'derer'],
  ein: possessive('ein'),
  kein: possessive('kein'),
  mein: possessive('mein'),
  dein: possessive('dein'),
  sein: possessive('sein'),
  ihr: possessive('ihr', 'euch'), // possessive ihr and the pronoun ihr (euch)
  unser: possessive('unser', 'unsre', 'unsren', 'unsrem', 'unsrer', 'unsres'),
  euer: ['euer', 'eure', 'euren', 'eurem', 'eurer', 'eures'],
  dieser: determiner('dies'),
  jener: determiner('jen'),
  jeder: determiner('jed'),
  welcher: determiner('welch'),
  mancher: determiner('manch'),
  solcher: determiner('solch'),
  ich: ['ich', 'mich', 'mir'],
  du: ['du', 'dich', 'dir'],
  er: ['er', 'ihn', 'ihm'],
  sie: ['sie', 'ihnen'],
  es: ['es'],
  wir: ['wir', 'uns'],
  sich: ['sich'],
  // indefinite determiners and pronouns
  all: ['alle', 'allen', 'allem', 'aller', 'alles'],
  viel: ['viele', 'vielen', 'vielem', 'vieler', 'vieles'],
  andere: ['andere', 'anderen', 'anderem', 'anderer', 'anderes'],
  beide: ['beide', 'beiden', 'beider', 'beides'],
  einige: ['einige', 'einigen', 'einigem', 'einiger', 'einiges'],
  mehrere: ['mehrere', 'mehreren', 'mehrerer'],
  derselbe: ['derselbe', 'dieselbe', 'dasselbe', 'denselben', 'demselben', 'desselben', 'dieselben', 'derselben'],
  // prepositions that look like adjectives in -lich
  anlässlich: ['anlässlich'],
  bezüglich: ['bezüglich'],
  einschließlich: ['einschließlich'],
  hinsichtlich: ['hinsichtlich'],
  zuzüglich: ['zuzüglich'],
};

/** Adds every function word's forms: "dem" → der, "uns" → wir, "einen" → ein. */
export function addFunctionWords(sink: FormSink): void {
  for (const [lemma, forms] of Object.entries(FUNCTION_WORDS)) {
    for (const form of forms) sink.add(form, lemma, 'OTHER', RANK.functionWord);
  }
}
