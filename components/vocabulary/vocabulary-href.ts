import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { EntryFilter } from '@/lib/vocabulary/schema';

export type VocabularyQuery = Partial<Pick<EntryFilter, 'q' | 'status' | 'tag' | 'article' | 'page'>>;

/** The "My words" list with a search and filters: empty values and page 1 are left out. */
export function vocabularyHref(locale: Locale, query: VocabularyQuery): string {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.status) search.set('status', query.status);
  if (query.tag) search.set('tag', query.tag);
  if (query.article) search.set('article', query.article);
  if (query.page && query.page > 1) search.set('page', String(query.page));
  const text = search.toString();
  return `${paths.vocabulary(locale)}${text ? `?${text}` : ''}`;
}

/** The id of the bulk form: each row's checkbox joins it through its `form` attribute. */
export const BULK_FORM_ID = 'words-bulk';
