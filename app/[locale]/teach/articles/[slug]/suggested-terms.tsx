import { SuggestedTerms } from '@/components/glossary/suggested-terms.client';
import { isGlossaryEditor } from '@/lib/auth/queries.server';
import { suggestTerms } from '@/lib/glossary/proposals.server';
import type { Suggestion } from '@/lib/glossary/proposals';
import { getServerT } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** The heading and intro of the panel, shown at once; the candidates stream in after the page. */
export function SuggestedTermsFrame({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const t = getServerT(locale, 'proposals');
  return (
    <section className="suggested-terms" aria-labelledby="suggested-terms-title" data-testid="suggested-terms">
      <h2 id="suggested-terms-title">{t('panel.title')}</h2>
      <p>{t('panel.intro')}</p>
      {children}
    </section>
  );
}

export function SuggestedTermsLoading({ locale }: { locale: Locale }) {
  return (
    <p role="status" data-testid="suggested-loading">
      {getServerT(locale, 'proposals')('panel.loading')}
    </p>
  );
}

/**
 * The article's suggested terms (computed now, in a worker thread: they are never stored). The page
 * has checked that the user may edit the article; editors also get a link to the review queue.
 */
export async function SuggestedTermsPanel({
  articleId,
  slug,
  userId,
  locale,
}: {
  articleId: string;
  slug: string;
  userId: string;
  locale: Locale;
}) {
  let suggestions: Suggestion[];
  try {
    suggestions = await suggestTerms(articleId);
  } catch (error) {
    console.error('suggested terms failed', error);
    return (
      <p role="alert" className="form__error">
        {getServerT(locale, 'proposals')('panel.failed')}
      </p>
    );
  }
  const reviewHref = (await isGlossaryEditor(userId)) ? paths.glossaryReview(locale, { article: articleId }) : null;
  return <SuggestedTerms slug={slug} suggestions={suggestions} reviewHref={reviewHref} />;
}
