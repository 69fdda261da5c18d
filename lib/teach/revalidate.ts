import 'server-only';
import { revalidatePath } from 'next/cache';
import { locales } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/**
 * After publishing or unpublishing: the reader page (including a 404 cached while it was a draft),
 * its words and the library. Concrete paths, without a type: each page is tagged with its pathname.
 */
export function revalidateArticle(slug: string): void {
  for (const locale of locales) {
    revalidatePath(paths.article(locale, slug));
    revalidatePath(paths.library(locale));
  }
  revalidatePath(paths.articleWordsApi(slug));
}
