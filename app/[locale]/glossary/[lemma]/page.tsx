import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Concordance } from '@/components/glossary/concordance';
import { TermEntryView } from '@/components/glossary/term-entry';
import { redirectPastTheEnd } from '@/components/pagination';
import { isGlossaryEditor } from '@/lib/auth/queries.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { getTerm } from '@/lib/glossary/queries.server';
import { PageParamSchema, parseLemmaParam } from '@/lib/glossary/schema';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: string; lemma: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The entry and the asked-for page of its concordance (getTerm reads both once per request). */
async function termFor({ params, searchParams }: Props) {
  const lemma = parseLemmaParam((await params).lemma);
  return lemma ? getTerm(lemma, PageParamSchema.parse((await searchParams).page)) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  if (!isLocale(locale)) return {};
  const term = await termFor(props);
  if (!term) return {};
  const { entry } = term;
  return {
    title: getServerT(locale, 'glossary')('term.metaTitle', { lemma: entry.lemma }),
    description: `${entry.lemma}: ${entry.englishPreferred}. ${locale === 'de' ? entry.definitionDe : entry.definitionEn}`,
  };
}

export default async function TermPage(props: Props) {
  const { locale } = await props.params;
  if (!isLocale(locale)) notFound();
  const term = await termFor(props);
  if (!term) notFound();
  const { page, pageCount } = term.concordance;
  redirectPastTheEnd(page, pageCount, (last) => paths.term(locale, term.entry.lemma, last));
  const t = getServerT(locale, 'glossary');
  // The page is rendered per request: an editor gets the link to the entry's editor.
  const user = await getCurrentUser();
  const editable = user ? await isGlossaryEditor(user.id) : false;
  return (
    <article className="term-page" data-testid="term-page">
      <TermEntryView entry={term.entry} locale={locale} t={t} editable={editable} />
      <Concordance lemma={term.entry.lemma} concordance={term.concordance} locale={locale} t={t} />
    </article>
  );
}
