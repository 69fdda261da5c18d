import type { Headword } from '@/lib/glossary/headword';

/** "die Werkzeugmaschine": the article set off from the word. Callers set lang="de" around it. */
export function TermHeadword({ headword }: { headword: Headword }) {
  return (
    <>
      {headword.article ? <span className="headword__article">{headword.article} </span> : null}
      {headword.text}
    </>
  );
}
