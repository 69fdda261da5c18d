import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TermEditor } from '@/components/glossary/term-editor.client';
import { requireEditor } from '@/lib/auth/guards.server';
import { termForEditor, termHistory } from '@/lib/glossary/editor-queries.server';
import { parseLemmaParam } from '@/lib/glossary/schema';
import { WITH_PAGE } from '@/lib/glossary/status';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// Editors only, per request, for an entry in any state (docs/decisions/032-glossary-editor-and-live-refresh.md).
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; lemma: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, lemma } = await params;
  const parsed = parseLemmaParam(lemma);
  return isLocale(locale) && parsed
    ? { title: getServerT(locale, 'glossaryEditor')('edit.title', { lemma: parsed }) }
    : {};
}

/** One entry's editor: its fields, the preview of its matches, the decisions its state allows, its history. */
export default async function EditTermPage({ params }: Props) {
  const { locale, lemma: segment } = await params;
  if (!isLocale(locale)) notFound();
  const lemma = parseLemmaParam(segment);
  if (!lemma) notFound();
  await requireEditor(locale, paths.termEditor(locale, lemma));
  const term = await termForEditor(lemma);
  if (!term) notFound();
  const history = await termHistory(term.id);
  const t = getServerT(locale, 'glossaryEditor');
  return (
    <div className="term-editor-page">
      <p className="term-header__back">
        <Link href={paths.glossary(locale)}>← {t('glossary:term.backToGlossary')}</Link>
        {WITH_PAGE.includes(term.status) ? (
          <>
            {' · '}
            <Link href={paths.term(locale, term.content.lemma)}>{t('edit.viewPage')}</Link>
          </>
        ) : null}
      </p>
      <h1 data-testid="term-editor-title">{t('edit.title', { lemma: term.content.lemma })}</h1>
      {term.proposedBy || term.proposedFrom ? (
        <p className="muted" data-testid="term-proposal">
          {term.proposedBy ? t('edit.proposedBy', { name: term.proposedBy }) : null}
          {term.proposedFrom ? (
            <>
              {' '}
              {t('edit.proposedFrom')}{' '}
              <Link href={paths.article(locale, term.proposedFrom.slug)} lang="de">
                {term.proposedFrom.title}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <TermEditor key={term.id} locale={locale} term={term} history={history} />
    </div>
  );
}
