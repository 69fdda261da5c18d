'use client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regenerateJoinCodeAction } from '@/lib/classroom/actions';
import { ConfirmButton } from './confirm-button.client';

/**
 * Copies `text` to the clipboard; where the browser refuses (no permission, no Clipboard API, not a
 * secure origin), selects `element`'s text instead, so that Ctrl+C (or the phone's menu) copies it.
 * Answers which of the two happened.
 */
async function copyOrSelect(text: string, element: HTMLElement | null): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    const selection = window.getSelection();
    if (element && selection) selection.selectAllChildren(element);
    return 'selected';
  }
}

/**
 * The class's join code and join link (absolute once in the browser; in the page's language, so that a
 * German page hands out a German link), a copy button for each with a spoken confirmation, and a new
 * code on request.
 */
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
  const [message, setMessage] = useState('');
  const codeRef = useRef<HTMLElement>(null);
  const linkRef = useRef<HTMLElement>(null);
  useEffect(() => {
    setLink(new URL(joinPath, window.location.origin).toString());
    setMessage('');
  }, [joinPath]);
  const copy = async (what: 'code' | 'link') => {
    setMessage('');
    const outcome = await copyOrSelect(
      what === 'code' ? joinCode : link,
      what === 'code' ? codeRef.current : linkRef.current,
    );
    if (outcome === 'selected') setMessage(t('detail.copySelected'));
    else setMessage(what === 'code' ? t('detail.codeCopied') : t('detail.copied'));
  };
  return (
    <div className="join-code" data-testid="join-code-panel">
      <dl className="facts">
        <div>
          <dt>{t('detail.joinCode')}</dt>
          <dd>
            <code ref={codeRef} className="join-code__code" data-testid="join-code">
              {joinCode}
            </code>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void copy('code')}
              data-testid="copy-code"
            >
              {t('detail.copyCode')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('detail.joinLink')}</dt>
          <dd>
            <code ref={linkRef} className="join-code__link" data-testid="join-link">
              {link}
            </code>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void copy('link')}
              data-testid="copy-link"
            >
              {t('detail.copyLink')}
            </button>
          </dd>
        </div>
      </dl>
      <p role="status" className="form__status" data-testid="copy-status">
        {message}
      </p>
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
