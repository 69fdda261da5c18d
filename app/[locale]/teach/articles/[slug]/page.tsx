import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ArticleEditor } from '@/components/teach/article-editor.client';
import { RemovedBlocks } from '@/components/teach/removed-blocks';
import { requireTeacher } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { editableArticleId } from '@/lib/glossary/proposals.server';
import { getDraft } from '@/lib/teach/queries.server';
import { isMachineTranslationConfigured } from '@/lib/teach/translate.server';
import { paths } from '@/lib/paths';
import { SuggestedTermsFrame, SuggestedTermsLoading, SuggestedTermsPanel } from './suggested-terms';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'teach')('editor.heading') } : {};
}

export default async function TeachArticlePage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireTeacher(locale, paths.teachArticle(locale, slug));
  const [article, articleId] = await Promise.all([getDraft(user.id, slug), editableArticleId(user.id, slug)]);
  if (!article || !articleId) notFound();
  const t = getServerT(locale, 'teach');
  return (
    <div className="teach-editor-page">
      <p className="term-header__back">
        <Link href={paths.teach(locale)}>{t('editor.back')}</Link>
      </p>
      <h1>{t('editor.heading')}</h1>
      <RemovedBlocks removed={article.removed} t={t} />
      <ArticleEditor article={article} machineTranslation={isMachineTranslationConfigured()} locale={locale} />
      <SuggestedTermsFrame locale={locale}>
        <Suspense fallback={<SuggestedTermsLoading locale={locale} />}>
          <SuggestedTermsPanel articleId={articleId} slug={slug} userId={user.id} locale={locale} />
        </Suspense>
      </SuggestedTermsFrame>
    </div>
  );
}
