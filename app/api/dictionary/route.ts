import { lookupWord } from '@/lib/dictionary/queries.server';
import { DictionaryQuerySchema } from '@/lib/dictionary/schema';
import type { DictionaryLookup } from '@/lib/dictionary/types';

// GET /api/dictionary?lemma=<word> → DictionaryLookup { lemma, senses: [{ german, english }] } from the
// general German–English dictionary; senses is empty when the word (or the optional dictionary) is missing.
export async function GET(request: Request): Promise<Response> {
  const query = DictionaryQuerySchema.safeParse({ lemma: new URL(request.url).searchParams.get('lemma') ?? undefined });
  if (!query.success) {
    return Response.json({ error: query.error.issues[0]?.message ?? 'invalid query' }, { status: 400 });
  }
  const { lemma } = query.data;
  const senses = await lookupWord(lemma);
  const body: DictionaryLookup = { lemma, senses: senses.map(({ german, english }) => ({ german, english })) };
  return Response.json(body, { headers: { 'Cache-Control': 'public, max-age=3600' } });
}
