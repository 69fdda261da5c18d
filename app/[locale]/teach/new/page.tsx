import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewArticleForm } from '@/components/teach/new-article-form.client';
import { requireTeacher } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'teach')('new.title') } : {};
}

export default async function TeachNewPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireTeacher(locale, paths.teachNew(locale));
  const t = getServerT(locale, 'teach');
  return (
    <div className="import-page">
      <p className="term-header__back">
        <Link href={paths.teach(locale)}>{t('new.back')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.intro')}</p>
      <NewArticleForm locale={locale} />
    </div>
  );
}
