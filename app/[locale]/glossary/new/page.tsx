import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TermEditor } from '@/components/glossary/term-editor.client';
import { requireEditor } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// Editors only, per request (docs/decisions/032-glossary-editor-and-live-refresh.md).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'glossaryEditor')('new.title') } : {};
}

/** A new glossary entry, approved when saved. */
export default async function NewTermPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireEditor(locale, paths.newTerm(locale));
  const t = getServerT(locale, 'glossaryEditor');
  return (
    <div className="term-editor-page">
      <p className="term-header__back">
        <Link href={paths.glossary(locale)}>← {t('glossary:term.backToGlossary')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.intro')}</p>
      <TermEditor locale={locale} term={null} history={[]} />
    </div>
  );
}
