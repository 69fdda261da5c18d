'use client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regenerateJoinCodeAction } from '@/lib/classroom/actions';
import { ConfirmButton } from './confirm-button.client';

/** The class's join code and link (absolute once in the browser), a copy button, and a new code on request. */
export function JoinCodePanel({
  classId,
  joinCode,
  joinPath,
}: {
  classId: string;
  joinCode: string;
  joinPath: string;
}) {
  const { t } = useTranslation('classroom');
  const [link, setLink] = useState(joinPath);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setLink(new URL(joinPath, window.location.origin).toString());
    setCopied(false);
  }, [joinPath]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="join-code" data-testid="join-code-panel">
      <dl className="facts">
        <div>
          <dt>{t('detail.joinCode')}</dt>
          <dd>
            <code className="join-code__code" data-testid="join-code">
              {joinCode}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('detail.joinLink')}</dt>
          <dd>
            <code className="join-code__link" data-testid="join-link">
              {link}
            </code>{' '}
            <button type="button" className="button button--small" onClick={() => void copy()}>
              {t('detail.copyLink')}
            </button>{' '}
            <span role="status" className="form__status">
              {copied ? t('detail.copied') : ''}
            </span>
          </dd>
        </div>
      </dl>
      <ConfirmButton
        action={regenerateJoinCodeAction}
        input={{ classId }}
        label={t('detail.regenerate')}
        question={t('detail.regenerateQuestion')}
        confirmLabel={t('detail.regenerateConfirm')}
        testId="regenerate-code"
      />
    </div>
  );
}
