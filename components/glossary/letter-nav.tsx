import type { TFunction } from 'i18next';
import { LETTERS } from '@/lib/glossary/alphabet';

export const letterAnchor = (letter: string) => (letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`);

/** A–Z jump links; letters without entries are plain text, marked for the eye and for screen readers. */
export function LetterNav({ present, t }: { present: ReadonlySet<string>; t: TFunction }) {
  return (
    <nav className="letter-nav" aria-label={t('glossary:index.letters.label')}>
      <ol>
        {LETTERS.map((letter) =>
          present.has(letter) ? (
            <li key={letter}>
              <a href={`#${letterAnchor(letter)}`}>{letter}</a>
            </li>
          ) : (
            <li key={letter} className="letter-nav__empty">
              <span aria-hidden="true">{letter}</span>
              <span className="visually-hidden">{t('glossary:index.letters.empty', { letter })}</span>
            </li>
          ),
        )}
        {present.has('#') ? (
          <li>
            <a href={`#${letterAnchor('#')}`}>
              #<span className="visually-hidden"> {t('glossary:index.otherInitial')}</span>
            </a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
