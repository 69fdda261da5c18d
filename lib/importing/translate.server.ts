import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import { editableScope } from './access.server';
import { failure, invalid } from './results';
import { SlugInputSchema } from './schema';
import type { ImportingResult } from './types';

// Machine-translation drafts from a LibreTranslate-compatible endpoint (POST /translate). Only
// groups without English are sent; every answer is collected first and written in one transaction,
// so a failure midway leaves the article as it was. Machine text stays marked until a person edits it.

export type TranslationEndpoint = { url: string; apiKey?: string };
/** Strings per request: LibreTranslate takes `q` as an array. */
const BATCH = 50;
const TIMEOUT_MS = 20_000;
const FAILED = 'import:errors.translationFailed';

const ResponseSchema = z.object({ translatedText: z.union([z.string(), z.array(z.string())]) });

export function isMachineTranslationConfigured(): boolean {
  return Boolean(env.LIBRETRANSLATE_URL);
}

function configuredEndpoint(): TranslationEndpoint | null {
  return env.LIBRETRANSLATE_URL ? { url: env.LIBRETRANSLATE_URL, apiKey: env.LIBRETRANSLATE_API_KEY } : null;
}

class TranslationFailed extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TranslationFailed';
  }
}

async function translateBatch(endpoint: TranslationEndpoint, texts: readonly string[]): Promise<string[]> {
  const url = new URL('translate', endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ q: texts, source: 'de', target: 'en', format: 'text', ...(endpoint.apiKey ? { api_key: endpoint.apiKey } : {}) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new TranslationFailed('translation endpoint unreachable', { cause });
  }
  if (!response.ok) throw new TranslationFailed(`translation endpoint answered ${response.status}`);
  const parsed = ResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new TranslationFailed('unexpected translation response', { cause: parsed.error });
  const translated = typeof parsed.data.translatedText === 'string' ? [parsed.data.translatedText] : parsed.data.translatedText;
  if (translated.length !== texts.length) throw new TranslationFailed('translation count mismatch');
  return translated;
}

/**
 * Machine-translates every group of an article the user may edit that has no English yet.
 * `endpoint` defaults to LIBRETRANSLATE_URL / LIBRETRANSLATE_API_KEY (tests pass their stub's).
 */
export async function machineTranslate(
  userId: string,
  input: unknown,
  endpoint: TranslationEndpoint | null = configuredEndpoint(),
): Promise<ImportingResult<{ translated: number }>> {
  const parsed = SlugInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const scope = await editableScope(userId);
  if (!scope) return failure('import:errors.notFound');
  const article = await db.article.findFirst({ where: { slug: parsed.data.slug, ...scope }, select: { id: true, status: true } });
  if (!article) return failure('import:errors.notFound');
  if (!endpoint) return failure('import:errors.translationUnavailable');

  const groups = await db.sentence.findMany({
    where: { paragraph: { articleId: article.id }, textEn: '' },
    orderBy: [{ paragraph: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true, textDe: true },
  });
  const translations: { id: string; textEn: string }[] = [];
  try {
    for (let i = 0; i < groups.length; i += BATCH) {
      const batch = groups.slice(i, i + BATCH);
      const translated = await translateBatch(endpoint, batch.map((g) => g.textDe));
      for (const [index, group] of batch.entries()) {
        const textEn = translated[index]!.trim();
        if (textEn) translations.push({ id: group.id, textEn });
      }
    }
  } catch (error) {
    if (error instanceof TranslationFailed) return failure(FAILED);
    throw error;
  }

  const written = await db.$transaction(
    async (tx) => {
      let count = 0;
      // Only still-empty groups: English a person typed meanwhile is never overwritten.
      for (const { id, textEn } of translations) count += (await tx.sentence.updateMany({ where: { id, textEn: '' }, data: { textEn, machineTranslated: true } })).count;
      if (count > 0) await tx.article.update({ where: { id: article.id }, data: { updatedAt: new Date() } });
      return count;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { ok: true, data: { translated: written } };
}
