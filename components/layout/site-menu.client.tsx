'use client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure } from './use-disclosure.client';

/**
 * The header's navigation, account links and language switch. On a wide screen they are all in view and
 * the button is not shown; on a phone they fold away behind a menu button (docs/decisions/025-phone-layout.md).
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const { rootProps, buttonProps, panelProps } = useDisclosure('site-menu');
  return (
    <div className="site-menu" {...rootProps}>
      <button className="menu-toggle" data-testid="menu-toggle" {...buttonProps}>
        <span className="menu-toggle__icon" aria-hidden="true" />
        {t('nav.menu')}
      </button>
      <div className="site-menu__panel" data-testid="site-menu" {...panelProps}>
        {children}
      </div>
    </div>
  );
}
