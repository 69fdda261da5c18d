import { meaningOf } from '@/lib/dictionary/queries.server';
import { DictionaryQuerySchema } from '@/lib/dictionary/schema';
import type { DictionaryLookup } from '@/lib/dictionary/types';
import { InvalidInputError } from '@/lib/errors';
import { route } from '@/lib/route.server';

// GET /api/dictionary?lemma=<word>[&surface=<form>&pos=<part of speech>] → DictionaryLookup { lemma,
// senses: [{ german, english }], via, headword, properNoun } from the general German–English dictionary;
// senses is empty when the word (or the optional dictionary) is missing.
export const GET = route(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = DictionaryQuerySchema.safeParse({
    lemma: params.get('lemma') ?? undefined,
    surface: params.get('surface') ?? undefined,
    pos: params.get('pos') ?? undefined,
  });
  if (!query.success) throw new InvalidInputError('reader:errors.lemma');
  const { lemma, surface, pos } = query.data;
  const meaning = await meaningOf({ lemma, surface: surface ?? lemma, pos });
  const body: DictionaryLookup = { lemma, ...meaning };
  return Response.json(body, { headers: { 'Cache-Control': 'public, max-age=3600' } });
});
