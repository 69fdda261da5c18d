import { z } from 'zod';

/** GET /api/dictionary?lemma=<word> */
export const DictionaryQuerySchema = z.object({
  lemma: z
    .string({ error: 'lemma is required' })
    .trim()
    .min(1, 'lemma must not be empty')
    .max(80, 'lemma must be at most 80 characters'),
});
