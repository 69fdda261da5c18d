import 'server-only';
import { db } from '@/lib/db.server';
import { changedFields, contentOf, TERM_ROW_SELECT, type TermSnapshot } from './entry';
import type { RevisionAction, TermStatus } from './schema';
import { WITH_PAGE } from './status';
import type { EditableTerm, EditorCandidate, TermRevisionView } from './types';

// Reads of the glossary editor's pages (editors only: their pages check requireEditor first).

/** An entry in any state, as its editor page edits it; null when no entry has the lemma. */
export async function termForEditor(lemma: string): Promise<EditableTerm | null> {
  const row = await db.term.findUnique({
    where: { lemma },
    select: {
      ...TERM_ROW_SELECT,
      id: true,
      version: true,
      proposedBy: { select: { name: true } },
      proposedFrom: { select: { slug: true, titleDe: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    status: row.status as TermStatus,
    rejectionReason: row.rejectionReason,
    content: contentOf(row),
    proposedBy: row.proposedBy?.name ?? null,
    proposedFrom: row.proposedFrom && { slug: row.proposedFrom.slug, title: row.proposedFrom.titleDe },
  };
}

/** An entry's revisions, newest first, each with the fields it changed against the one before. */
export async function termHistory(termId: string): Promise<TermRevisionView[]> {
  const rows = await db.termRevision.findMany({
    where: { termId },
    select: { version: true, action: true, createdAt: true, snapshot: true, author: { select: { name: true } } },
    orderBy: { version: 'asc' },
  });
  let before: TermSnapshot | null = null;
  const history: TermRevisionView[] = [];
  for (const row of rows) {
    const snapshot = JSON.parse(row.snapshot) as TermSnapshot;
    history.push({
      version: row.version,
      action: row.action as RevisionAction,
      author: row.author?.name ?? null,
      at: row.createdAt,
      changed: changedFields(before, snapshot),
    });
    before = snapshot;
  }
  return history.reverse();
}

/** The lemmas an entry may name as related (entries with a page), A–Z. */
export async function relatableLemmas(): Promise<string[]> {
  const rows = await db.term.findMany({ where: { status: { in: WITH_PAGE } }, select: { lemma: true } });
  return rows.map((row) => row.lemma).sort(new Intl.Collator('de').compare);
}

/** Every teacher with their editor capability, by name (admins are editors anyway). */
export async function editorCandidates(): Promise<EditorCandidate[]> {
  return db.user.findMany({
    where: { role: 'teacher' },
    select: { id: true, name: true, email: true, glossaryEditor: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}
