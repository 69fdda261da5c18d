'use client';
import { useTranslation } from 'react-i18next';
import { STATUS_LABEL_KEYS, STATUS_SHORTCUTS, VOCABULARY_STATUSES } from '@/lib/vocabulary/status';

const KEYS = [
  ['legend.keyNext', 'legend.next'],
  ['legend.keyPrevious', 'legend.previous'],
  ['legend.keyFirstLast', 'legend.firstLast'],
  ['legend.keyWords', 'legend.words'],
  ['legend.keyTerms', 'legend.terms'],
  ['legend.keyClose', 'legend.close'],
] as const;

/**
 * The reader's key, folded into one line of the toolbar: what each colour means (glossary terms; for a
 * signed-in learner every word status with the key that sets it) and the keyboard commands.
 */
export function ReaderKey({ learner }: { learner: boolean }) {
  const { t } = useTranslation('reader');
  const { t: tv } = useTranslation('vocabulary');
  return (
    <details className="reader-key" data-testid="reader-key">
      <summary>{t('legend.summary')}</summary>
      <div className="reader-key__body">
        <div>
          <p id="reader-key-colours" className="reader-key__title">
            {t('legend.colours')}
          </p>
          <ul aria-labelledby="reader-key-colours">
            <li>
              <span className="term">{t('legend.term')}</span>
            </li>
            <li>
              <span className="term term--partial">{t('legend.partial')}</span>
            </li>
          </ul>
        </div>
        {learner ? (
          <div>
            <p id="reader-key-statuses" className="reader-key__title">
              {t('legend.statuses')}
            </p>
            <ul aria-labelledby="reader-key-statuses" data-testid="reader-key-statuses">
              <li>
                <span className="w" data-status="unknown">
                  {tv('reader.legendUnknown')}
                </span>
              </li>
              {VOCABULARY_STATUSES.map((status) => (
                <li key={status} data-status={status}>
                  <span className="w" data-status={status}>
                    {tv(STATUS_LABEL_KEYS[status])}
                  </span>{' '}
                  <kbd>{STATUS_SHORTCUTS[status]}</kbd>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <p id="reader-key-keys" className="reader-key__title">
            {t('legend.keys')}
          </p>
          <dl>
            {KEYS.map(([key, action]) => (
              <div key={key}>
                <dt>
                  <kbd>{t(key)}</kbd>
                </dt>
                <dd>{t(action)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </details>
  );
}
