import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OwnArticleList } from '@/components/teach/own-article-list';
import { requireTeacher } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { listOwnArticles } from '@/lib/teach/queries.server';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'teach')('articles.title') } : {};
}

export default async function TeachPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireTeacher(locale, paths.teach(locale));
  const articles = await listOwnArticles(user.id);
  const t = getServerT(locale, 'teach');
  return (
    <div className="teach-page">
      <h1>{t('articles.title')}</h1>
      <p className="lead">{t('articles.intro')}</p>
      <p>
        <Link className="button button--primary" href={paths.teachNew(locale)} data-testid="teach-new">
          {t('articles.new')}
        </Link>
      </p>
      <OwnArticleList articles={articles} locale={locale} t={t} />
    </div>
  );
}
