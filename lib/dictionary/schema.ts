import { z } from 'zod';

const PARTS_OF_SPEECH = ['NOUN', 'VERB', 'ADJ', 'OTHER'] as const;

/** GET /api/dictionary?lemma=<word>[&surface=<form in the text>&pos=<NOUN|VERB|ADJ|OTHER>] */
export const DictionaryQuerySchema = z.object({
  lemma: z
    .string({ error: 'lemma is required' })
    .trim()
    .min(1, 'lemma must not be empty')
    .max(80, 'lemma must be at most 80 characters'),
  /** The form met in the text; the lemma when absent. */
  surface: z.string().trim().min(1).max(80).optional(),
  /** The engine's part of speech of the word in the text: with OTHER, a capitalised word is a name. */
  pos: z.enum(PARTS_OF_SPEECH).optional(),
});
