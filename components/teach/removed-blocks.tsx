import type { TFunction } from 'i18next';
import type { RemovedBlock } from '@/lib/teach/types';

/** What the importer left out of the source (navigation, ads, newsletter boxes …), each with its reason. */
export function RemovedBlocks({ removed, t }: { removed: readonly RemovedBlock[]; t: TFunction }) {
  if (!removed.length) return <p className="muted">{t('editor.removedNone')}</p>;
  return (
    <details className="removed-blocks" data-testid="removed-blocks">
      <summary>{t('editor.removedTitle', { count: removed.length })}</summary>
      <p className="muted">{t('editor.removedIntro')}</p>
      <ul className="removed-blocks__list">
        {removed.map((block, index) => (
          <li key={index} className="removed-blocks__item" data-reason={block.reason}>
            <span className="status-badge removed-blocks__reason">{t(`removed.reason.${block.reason}`)}</span>{' '}
            <span lang="de" className="removed-blocks__text">
              {block.text}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
