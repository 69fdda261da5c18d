import { notFound, permanentRedirect } from 'next/navigation';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = {
  params: Promise<{ locale: string; rest?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** "My words" moved from /<locale>/words to /<locale>/vocabulary: old links and bookmarks follow, filters kept. */
export default async function MovedToVocabularyPage({ params, searchParams }: Props) {
  const { locale, rest = [] } = await params;
  if (!isLocale(locale)) notFound();
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    for (const one of [value ?? []].flat()) query.append(name, one);
  }
  const tail = rest.map((segment) => `/${encodeURIComponent(segment)}`).join('');
  permanentRedirect(`${paths.vocabulary(locale)}${tail}${query.size ? `?${query}` : ''}`);
}
