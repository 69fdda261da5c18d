import 'server-only';
import { revalidatePath } from 'next/cache';
import { locales } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/**
 * What publishing or unpublishing changes: the reader page (including a 404 cached while it was a
 * draft), its words and the library. Concrete paths, without a type: each page is tagged with its pathname.
 */
export function articlePaths(slug: string): string[] {
  return [
    ...locales.flatMap((locale) => [paths.article(locale, slug), paths.library(locale)]),
    paths.articleWordsApi(slug),
  ];
}

/** Drops the cached pages of `articlePaths` (the publish route, which streams rather than performs). */
export function revalidateArticle(slug: string): void {
  for (const path of articlePaths(slug)) revalidatePath(path);
}
