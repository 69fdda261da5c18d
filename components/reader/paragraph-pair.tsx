import type { TFunction } from 'i18next';
import type { ParagraphView } from '@/lib/articles/types';

/**
 * One German paragraph beside its English translation, sentence group by sentence group. Both sides
 * carry the group's anchor, so later islands can pair them (highlight, reveal, interlinear).
 */
export function ParagraphPair({ paragraph, t }: { paragraph: ParagraphView; t: TFunction }) {
  return (
    <div className="paragraph-pair" data-paragraph={paragraph.position + 1}>
      <p lang="de" className="paragraph-pair__de" aria-label={t('reader:german')}>
        {paragraph.sentences.map((sentence, index) => (
          <span key={sentence.anchor} id={sentence.anchor} className="sentence" data-sentence={sentence.anchor}>
            {index > 0 ? ' ' : null}
            {sentence.textDe}
          </span>
        ))}
      </p>
      <p lang="en" className="paragraph-pair__en" aria-label={t('reader:english')}>
        {paragraph.sentences.map((sentence, index) => (
          <span key={sentence.anchor} className="sentence" data-sentence={sentence.anchor}>
            {index > 0 ? ' ' : null}
            {sentence.textEn}
          </span>
        ))}
      </p>
    </div>
  );
}
