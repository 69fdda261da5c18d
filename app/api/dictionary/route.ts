import { lookupWord } from '@/lib/dictionary/queries.server';
import { DictionaryQuerySchema } from '@/lib/dictionary/schema';
import type { DictionaryLookup } from '@/lib/dictionary/types';
import { InvalidInputError } from '@/lib/errors';
import { route } from '@/lib/route.server';

// GET /api/dictionary?lemma=<word> → DictionaryLookup { lemma, senses: [{ german, english }] } from the
// general German–English dictionary; senses is empty when the word (or the optional dictionary) is missing.
export const GET = route(async (request) => {
  const query = DictionaryQuerySchema.safeParse({ lemma: new URL(request.url).searchParams.get('lemma') ?? undefined });
  if (!query.success) throw new InvalidInputError('reader:errors.lemma');
  const { lemma } = query.data;
  const senses = await lookupWord(lemma);
  const body: DictionaryLookup = { lemma, senses: senses.map(({ german, english }) => ({ german, english })) };
  return Response.json(body, { headers: { 'Cache-Control': 'public, max-age=3600' } });
});
