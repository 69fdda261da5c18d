import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { LETTERS, letterSlug, OTHER_INITIAL } from '@/lib/glossary/alphabet';

export const letterAnchor = (letter: string) => `letter-${letterSlug(letter)}`;

/**
 * A–Z links; letters without entries are plain text, marked for the eye and for screen readers. On a
 * whole index the links jump to the letter's section; on an index by letter (`current` given) they
 * go to the letter's page, `current` marked as the page shown. Plain links: 26 next/link elements
 * would add their props to every index page's payload.
 */
export function LetterNav({
  present,
  current,
  hrefFor,
  t,
}: {
  present: readonly string[];
  current?: string;
  hrefFor: (letter: string) => string;
  t: TFunction;
}) {
  const link = (letter: string, text: ReactNode) =>
    letter === current ? (
      <a href={hrefFor(letter)} aria-current="page">
        {text}
      </a>
    ) : (
      <a href={hrefFor(letter)}>{text}</a>
    );
  return (
    <nav className="letter-nav" aria-label={t('glossary:index.letters.label')}>
      <ol>
        {LETTERS.map((letter) =>
          present.includes(letter) ? (
            <li key={letter}>{link(letter, letter)}</li>
          ) : (
            <li key={letter} className="letter-nav__empty">
              <span aria-hidden="true">{letter}</span>
              <span className="visually-hidden">{t('glossary:index.letters.empty', { letter })}</span>
            </li>
          ),
        )}
        {present.includes(OTHER_INITIAL) ? (
          <li>
            {link(
              OTHER_INITIAL,
              <>
                #<span className="visually-hidden"> {t('glossary:index.otherInitial')}</span>
              </>,
            )}
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
