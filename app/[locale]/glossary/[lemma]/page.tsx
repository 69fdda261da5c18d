import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Concordance } from '@/components/glossary/concordance';
import { TermEntryView } from '@/components/glossary/term-entry';
import { isGlossaryEditor } from '@/lib/auth/queries.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { getTerm } from '@/lib/glossary/queries.server';
import { parseLemmaParam } from '@/lib/glossary/schema';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; lemma: string }>;

async function termFor(segment: string) {
  const lemma = parseLemmaParam(segment);
  return lemma ? getTerm(lemma) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, lemma } = await params;
  if (!isLocale(locale)) return {};
  const term = await termFor(lemma);
  if (!term) return {};
  const { entry } = term;
  return {
    title: getServerT(locale, 'glossary')('term.metaTitle', { lemma: entry.lemma }),
    description: `${entry.lemma}: ${entry.englishPreferred}. ${locale === 'de' ? entry.definitionDe : entry.definitionEn}`,
  };
}

export default async function TermPage({ params }: { params: Params }) {
  const { locale, lemma } = await params;
  if (!isLocale(locale)) notFound();
  const term = await termFor(lemma);
  if (!term) notFound();
  const t = getServerT(locale, 'glossary');
  // The page is rendered per request: an editor gets the link to the entry's editor.
  const user = await getCurrentUser();
  const editable = user ? await isGlossaryEditor(user.id) : false;
  return (
    <article className="term-page" data-testid="term-page">
      <TermEntryView entry={term.entry} locale={locale} t={t} editable={editable} />
      <Concordance lines={term.concordance} locale={locale} t={t} />
    </article>
  );
}
