import 'server-only';
import { z } from 'zod';
import { command } from '@/lib/action.server';
import { breather } from '@/lib/batches.server';
import { db, type Tx } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { defineJob, runJob } from '@/lib/jobs/service.server';
import { editable, NOT_FOUND, requireScope } from './policy.server';
import { INVALID, SlugInputSchema } from './schema';

// Machine-translation drafts from a LibreTranslate-compatible endpoint (POST /translate). Only the
// title, section headings and sentence groups without English are sent; every answer is collected
// first and written in one transaction, so a failure midway leaves the article as it was. Machine
// text stays marked until a person edits it.

export type TranslationEndpoint = { url: string; apiKey?: string };
/** Strings per request: LibreTranslate takes `q` as an array. */
const BATCH = 50;
const TIMEOUT_MS = 20_000;
const FAILED = 'teach:errors.translationFailed';

const ResponseSchema = z.object({ translatedText: z.union([z.string(), z.array(z.string())]) });

export function isMachineTranslationConfigured(): boolean {
  return Boolean(env.LIBRETRANSLATE_URL);
}

function configuredEndpoint(): TranslationEndpoint | null {
  return env.LIBRETRANSLATE_URL ? { url: env.LIBRETRANSLATE_URL, apiKey: env.LIBRETRANSLATE_API_KEY } : null;
}

/** A heading without English yet (its English column is '' or null). */
const EMPTY_HEADING = [{ headingEn: '' }, { headingEn: null }];

/** A German text waiting for its English: the title, a section heading or a sentence group. */
type Pending = { kind: 'title' | 'heading' | 'group'; id: string; textDe: string };

/** Why the endpoint's answer is unusable: logged as the cause, never shown (the user sees FAILED). */
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
      body: JSON.stringify({
        q: texts,
        source: 'de',
        target: 'en',
        format: 'text',
        ...(endpoint.apiKey ? { api_key: endpoint.apiKey } : {}),
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new TranslationFailed('translation endpoint unreachable', { cause });
  }
  if (!response.ok) throw new TranslationFailed(`translation endpoint answered ${response.status}`);
  const parsed = ResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new TranslationFailed('unexpected translation response', { cause: parsed.error });
  const translated =
    typeof parsed.data.translatedText === 'string' ? [parsed.data.translatedText] : parsed.data.translatedText;
  if (translated.length !== texts.length) throw new TranslationFailed('translation count mismatch');
  return translated;
}

/** Writes one machine draft where the English is still empty, marked as machine text. */
function writeDraft(tx: Tx, kind: Pending['kind'], id: string, textEn: string): Promise<{ count: number }> {
  switch (kind) {
    case 'title':
      return tx.article.updateMany({
        where: { id, titleEn: '' },
        data: { titleEn: textEn, titleMachineTranslated: true },
      });
    case 'heading':
      return tx.section.updateMany({
        where: { id, OR: EMPTY_HEADING },
        data: { headingEn: textEn, headingMachineTranslated: true },
      });
    case 'group':
      return tx.sentence.updateMany({ where: { id, textEn: '' }, data: { textEn, machineTranslated: true } });
  }
}

const EndpointSchema = z.object({ url: z.url(), apiKey: z.string().optional() });

/**
 * The drafts job: everything of the article still without English is sent, and what comes back is
 * written where the English is still empty, so running it again (a retry) changes nothing more. The
 * endpoint is the worker's LIBRETRANSLATE_URL unless the job names one (tests name their stub's).
 */
export const translateJob = defineJob({
  name: 'translate-drafts',
  input: z.object({ articleId: z.string().min(1), endpoint: EndpointSchema.nullable().optional() }),
  run: async ({ articleId, endpoint }) =>
    translateArticle(articleId, endpoint === undefined ? configuredEndpoint() : endpoint),
  // A refusal of the endpoint is the teacher's answer (FAILED), not retried; this covers a worker that died.
  retryLimit: 2,
  retryDelaySeconds: 5,
  // Requests of 20 s each, one per 50 texts, then one transaction of at most 60 s.
  expireInSeconds: 600,
});

/**
 * Machine-translates the title, every section heading and every sentence group of an article the
 * user may edit that has no English yet; `translated` counts them all. `endpoint` defaults to
 * LIBRETRANSLATE_URL / LIBRETRANSLATE_API_KEY where the job is worked (tests pass their stub's).
 */
export function machineTranslate(endpoint?: TranslationEndpoint | null) {
  return command({
    input: SlugInputSchema,
    invalid: INVALID,
    guard: editable,
    run: async ({ userId }, { slug }) => {
      const scope = await requireScope(userId);
      const article = await db.article.findFirst({ where: { slug, ...scope }, select: { id: true } });
      if (!article) throw new NotFoundError(NOT_FOUND);
      // Only an endpoint named here travels in the job (never the configured key).
      const { translated } = await runJob(translateJob, {
        articleId: article.id,
        ...(endpoint !== undefined && { endpoint }),
      });
      return { translated };
    },
  });
}

async function translateArticle(
  articleId: string,
  endpoint: TranslationEndpoint | null,
): Promise<{ paths: string[]; translated: number }> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, titleDe: true, titleEn: true },
  });
  if (!article) throw new NotFoundError(NOT_FOUND);
  if (!endpoint) throw new ConflictError('teach:errors.translationUnavailable');

  // Everything without English, sent as one list: the title, then headings, then groups in reading order.
  const [groups, headings] = await Promise.all([
    db.sentence.findMany({
      where: { paragraph: { articleId: article.id }, textEn: '' },
      orderBy: [{ paragraph: { position: 'asc' } }, { position: 'asc' }],
      select: { id: true, textDe: true },
    }),
    db.section.findMany({
      where: { articleId: article.id, headingDe: { not: null }, OR: EMPTY_HEADING },
      orderBy: { position: 'asc' },
      select: { id: true, headingDe: true },
    }),
  ]);
  const pending: Pending[] = [
    ...(article.titleEn === '' && article.titleDe.trim()
      ? [{ kind: 'title' as const, id: article.id, textDe: article.titleDe }]
      : []),
    ...headings.map((h) => ({ kind: 'heading' as const, id: h.id, textDe: h.headingDe ?? '' })),
    ...groups.map((g) => ({ kind: 'group' as const, id: g.id, textDe: g.textDe })),
  ];
  const translations: (Pending & { textEn: string })[] = [];
  try {
    for (let i = 0; i < pending.length; i += BATCH) {
      const batch = pending.slice(i, i + BATCH);
      const translated = await translateBatch(
        endpoint,
        batch.map((item) => item.textDe),
      );
      for (const [index, item] of batch.entries()) {
        const textEn = translated[index]!.trim();
        if (textEn) translations.push({ ...item, textEn });
      }
    }
  } catch (error) {
    if (error instanceof TranslationFailed) throw new ConflictError(FAILED, { cause: error });
    throw error;
  }

  // Drafts are the editor's only: no shared cached page shows them.
  if (translations.length === 0) return { paths: [], translated: 0 };
  const written = await db.$transaction(
    async (tx) => {
      // The article's row first, as every edit takes it (editor.server.ts): an edit and the drafts of
      // one article wait for each other instead of each holding rows the other needs.
      await tx.article.update({ where: { id: article.id }, data: { updatedAt: new Date() } });
      let count = 0;
      // Only still-empty English: what a person typed meanwhile is never overwritten. Machine drafts
      // leave the versions alone: a person's text typed before them replaces them, never the reverse.
      // A long article has hundreds of groups: the loop gives other requests a turn now and then.
      const breathe = breather();
      for (const { kind, id, textEn } of translations) {
        count += (await writeDraft(tx, kind, id, textEn)).count;
        await breathe();
      }
      return count;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { paths: [], translated: written };
}
