import 'server-only';
import { getArticleWords, readableBy } from '@/lib/articles/queries.server';
import { inBatches, READ_BATCH } from '@/lib/batches.server';
import { databaseProvider, db, type Tx } from '@/lib/db.server';
import { meaningOf } from '@/lib/dictionary/queries.server';
import { runServiceTask } from '@/lib/task-service.server';
import { WITH_PAGE } from '@/lib/glossary/status';
import { foldCase } from '@/lib/search-params';
import type { PartOfSpeech } from '@/lib/text';
import { parseAnchor } from './anchor';
import { type ArticleCoverage, articleCoverage } from './coverage';
import { entryViewSelect, toEntryView, toExportEntry } from './entry-view';
import { type EntryFilter, type EntryFilterInput, EntryFilterSchema, TRANSLATION_MAX } from './schema';
import { VOCABULARY_STATUSES, type VocabularyStatus } from './status';
import type { EntryPage, ExportEntry, VocabularyEntryView } from './types';

// Reads of one learner's words, and of what saving or importing words looks up. Every query of
// personal data filters by the acting userId in its `where`; nothing here is shared-cached.

const collator = new Intl.Collator('de', { sensitivity: 'base' });

/**
 * The colouring data: the learner's status of each lemma of the article (lemmas without an entry are
 * absent, i.e. unknown). One indexed query, joined through the article's lemma index, which holds
 * every word lemma of the article and also other readings and compound parts: a few extra keys may
 * come back, never a missing one.
 */
export async function statusesForArticle(userId: string, slug: string): Promise<Record<string, VocabularyStatus>> {
  // Nothing about an article the user may not read (a classes-only one of another class).
  if (!(await publishedArticleId(slug, userId))) return {};
  const rows = await db.$queryRaw<{ lemma: string; status: string }[]>`
    SELECT v."lemma", v."status"
    FROM "Article" a
    JOIN "ArticleLemma" l ON l."articleId" = a."id"
    JOIN "VocabularyEntry" v ON v."userId" = ${userId} AND v."lemma" = l."lemma"
    WHERE a."slug" = ${slug} AND a."status" = 'published'`;
  const statuses: Record<string, VocabularyStatus> = {};
  for (const row of rows) statuses[row.lemma] = row.status as VocabularyStatus;
  return statuses;
}

/** "You know 82 % of the words", and the words without an entry; null for an unknown article. */
export async function coverageForArticle(userId: string, slug: string): Promise<ArticleCoverage | null> {
  const [words, statuses] = await Promise.all([
    getArticleWords(slug, await readableBy(userId)),
    statusesForArticle(userId, slug),
  ]);
  if (!words) return null;
  return articleCoverage(
    Object.values(words).flatMap((tokens) => tokens.map((token) => token[2])),
    statuses,
  );
}

const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

/**
 * The "My words" list: search (lemma, translation, notes; case-insensitive), status, tag and article
 * filters, newest first, a page at a time with the total.
 */
export async function listEntries(userId: string, input: EntryFilterInput = {}): Promise<EntryPage> {
  const filter = EntryFilterSchema.parse(input);
  const where = {
    userId,
    status: filter.status,
    tags: filter.tag ? { some: { name: filter.tag } } : undefined,
    article: filter.article ? { slug: filter.article } : undefined,
  };
  const skip = (filter.page - 1) * filter.pageSize;
  let total: number;
  let rows;
  if (!filter.q) {
    [total, rows] = await Promise.all([
      db.vocabularyEntry.count({ where }),
      db.vocabularyEntry.findMany({
        where,
        select: entryViewSelect,
        orderBy: [...NEWEST_FIRST],
        skip,
        take: filter.pageSize,
      }),
    ]);
  } else {
    const q = foldCase(filter.q);
    const matching = await (databaseProvider === 'postgresql'
      ? searchInSql(userId, filter, q, skip)
      : searchHere(where, q, skip, filter.pageSize));
    total = matching.total;
    const found = await db.vocabularyEntry.findMany({
      where: { userId, id: { in: matching.ids } },
      select: entryViewSelect,
    });
    const byId = new Map(found.map((row) => [row.id, row]));
    rows = matching.ids.flatMap((id) => byId.get(id) ?? []);
  }
  return {
    entries: await withNounGenders(rows.map(toEntryView)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    pageCount: Math.ceil(total / filter.pageSize),
  };
}

type Matching = { total: number; ids: string[] };

/**
 * The search on SQLite, whose LIKE folds ASCII only: the learner's words are read (lemma, translation,
 * notes) and matched here; the embedded default serves one school class, not thousands of learners.
 */
async function searchHere(
  where: NonNullable<Parameters<typeof db.vocabularyEntry.findMany>[0]>['where'],
  q: string,
  skip: number,
  take: number,
): Promise<Matching> {
  const candidates = await db.vocabularyEntry.findMany({
    where,
    select: { id: true, lemma: true, translation: true, notes: true },
    orderBy: [...NEWEST_FIRST],
  });
  const matching = candidates.filter(
    (c) => foldCase(c.lemma).includes(q) || foldCase(c.translation).includes(q) || foldCase(c.notes).includes(q),
  );
  return { total: matching.length, ids: matching.slice(skip, skip + take).map((c) => c.id) };
}

/**
 * The search on PostgreSQL, matched in SQL: reading 20,000 words into the process to match them took
 * 250 ms. PostgreSQL's lower() folds case as foldCase() does (umlauts, ẞ) under a UTF-8 ctype, which the
 * database needs anyway; stored text is NFC (./schema.ts), since normalize() of every row tripled the
 * time. One index scan of the learner's words, newest first, with the
 * total beside each row; the three fields are folded together, kept apart by a character no query has.
 */
async function searchInSql(userId: string, filter: EntryFilter, q: string, skip: number): Promise<Matching> {
  const values: unknown[] = [userId, q.replaceAll(FIELD_SEPARATOR, '')];
  const conditions = [
    'v."userId" = $1',
    `strpos(lower(concat_ws(chr(1), v."lemma", v."translation", v."notes")), $2) > 0`,
  ];
  if (filter.status) conditions.push(`v."status" = $${values.push(filter.status)}`);
  if (filter.tag)
    conditions.push(
      `EXISTS (SELECT 1 FROM "VocabularyTag" t WHERE t."entryId" = v."id" AND t."name" = $${values.push(filter.tag)})`,
    );
  if (filter.article)
    conditions.push(
      `v."articleId" = (SELECT a."id" FROM "Article" a WHERE a."slug" = $${values.push(filter.article)})`,
    );
  const from = `FROM "VocabularyEntry" v WHERE ${conditions.join(' AND ')}`;
  const page = await db.$queryRawUnsafe<{ id: string; total: number }[]>(
    `SELECT v."id", (count(*) OVER ())::int AS total ${from}
     ORDER BY v."createdAt" DESC, v."id" DESC LIMIT ${filter.pageSize} OFFSET ${skip}`,
    ...values,
  );
  // A page past the last has no rows to carry the total.
  const total =
    page[0]?.total ??
    (await db.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, ...values))[0]!.total;
  return { total, ids: page.map((row) => row.id) };
}
const FIELD_SEPARATOR = '\u0001';

/** The views with a noun's gender from the lemma table where no glossary term gives it ("Waffe": die). */
async function withNounGenders(views: VocabularyEntryView[]): Promise<VocabularyEntryView[]> {
  const wanted = views.filter((view) => !view.nounGender && !view.term).map((view) => view.lemma);
  if (wanted.length === 0) return views;
  const genders = await runServiceTask('nounGenders', wanted);
  return views.map((view) =>
    view.nounGender || view.term ? view : { ...view, nounGender: genders[view.lemma] ?? null },
  );
}

/** One entry of the learner's, or null (also for another learner's entry). */
export async function getEntry(userId: string, id: string): Promise<VocabularyEntryView | null> {
  const row = await db.vocabularyEntry.findFirst({ where: { id, userId }, select: entryViewSelect });
  return row ? (await withNounGenders([toEntryView(row)]))[0]! : null;
}

/** The learner's tags with how many entries carry each, A–Z. */
export async function tagsOf(userId: string): Promise<{ name: string; count: number }[]> {
  const groups = await db.vocabularyTag.groupBy({ by: ['name'], where: { entry: { userId } }, _count: { _all: true } });
  return groups
    .map((g) => ({ name: g.name, count: g._count._all }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));
}

/** How many articles the article filter offers: a learner with 20,000 words has met 2,000. */
const FILTER_ARTICLES = 50;

type ArticleCount = { slug: string; titleDe: string; titleEn: string; count: number };

/**
 * The articles of the article filter, by German title: the `limit` the learner has most words
 * from, and the one filtered by (`selected`) when it is not among them. Every other article is one
 * click away from a word of it (the word's "all words from this article" link).
 */
export async function articlesOf(userId: string, selected?: string, limit = FILTER_ARTICLES): Promise<ArticleCount[]> {
  // One join from the learner's words (index on userId, articleId): a list of the 2,000 article ids a
  // learner with 20,000 words has met made PostgreSQL read the whole Article table.
  const rows = await db.$queryRaw<ArticleCount[]>`
    SELECT a."slug", a."titleDe", a."titleEn", CAST(w."count" AS INTEGER) AS "count"
    FROM (SELECT "articleId", count(*) AS "count" FROM "VocabularyEntry"
          WHERE "userId" = ${userId} AND "articleId" IS NOT NULL GROUP BY "articleId") w
    JOIN "Article" a ON a."id" = w."articleId"
    ORDER BY w."count" DESC, a."slug"
    LIMIT ${limit}`;
  if (selected && !rows.some((row) => row.slug === selected)) {
    rows.push(
      ...(await db.$queryRaw<ArticleCount[]>`
        SELECT a."slug", a."titleDe", a."titleEn", CAST(count(*) AS INTEGER) AS "count"
        FROM "VocabularyEntry" v JOIN "Article" a ON a."id" = v."articleId"
        WHERE v."userId" = ${userId} AND a."slug" = ${selected}
        GROUP BY a."slug", a."titleDe", a."titleEn"`),
    );
  }
  return rows.map((a) => ({ ...a, count: Number(a.count) })).sort((a, b) => collator.compare(a.titleDe, b.titleDe));
}

/** How many entries the learner has in each status (every status present, 0 if none). */
export async function statusCounts(userId: string): Promise<Record<VocabularyStatus, number>> {
  const groups = await db.vocabularyEntry.groupBy({ by: ['status'], where: { userId }, _count: { _all: true } });
  const counts = Object.fromEntries(VOCABULARY_STATUSES.map((s) => [s, 0])) as Record<VocabularyStatus, number>;
  for (const g of groups) if (g.status in counts) counts[g.status as VocabularyStatus] = g._count._all;
  return counts;
}

/** Every entry of the learner's as export files hold them, oldest first. */
export async function exportEntries(userId: string): Promise<ExportEntry[]> {
  const rows = await db.vocabularyEntry.findMany({
    where: { userId },
    select: entryViewSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const views = await withNounGenders(rows.map(toEntryView));
  // Nouns without a glossary term take their plural from the lemma table's source, as their gender.
  const nouns = views.filter((view) => !view.term && view.nounGender).map((view) => view.lemma);
  const plurals = nouns.length ? await runServiceTask('nounPluralsOf', nouns) : new Map<string, string>();
  return views.map((view) => {
    const entry = toExportEntry(view);
    return view.term ? entry : { ...entry, plural: plurals.get(view.lemma) ?? null };
  });
}

/** A sentence group or heading of a published article, as saving a word met there needs it. */
export type Place = {
  articleId: string;
  anchor: string;
  textDe: string;
  textEn: string;
  tokens: string;
  /** The sentence group's or the heading's section's id: where term occurrences are stored. */
  sentenceId?: string;
  sectionId?: string;
};

/** The sentence group or heading an anchor names in a published article `userId` may read, or null. */
export async function findPlace(slug: string, anchor: string, userId: string): Promise<Place | null> {
  const place = parseAnchor(anchor);
  const readable = await readableBy(userId);
  if (!place) return null;
  if (place.kind === 'sentence') {
    const sentence = await db.sentence.findFirst({
      where: { position: place.sentence, paragraph: { position: place.paragraph, article: { slug, ...readable } } },
      select: { id: true, textDe: true, textEn: true, tokens: true, paragraph: { select: { articleId: true } } },
    });
    return (
      sentence && {
        sentenceId: sentence.id,
        articleId: sentence.paragraph.articleId,
        anchor,
        textDe: sentence.textDe,
        textEn: sentence.textEn,
        tokens: sentence.tokens,
      }
    );
  }
  const section = await db.section.findFirst({
    where: { position: place.section, article: { slug, ...readable }, headingDe: { not: null } },
    select: { id: true, articleId: true, headingDe: true, headingEn: true, tokens: true },
  });
  return (
    section && {
      sectionId: section.id,
      articleId: section.articleId,
      anchor,
      textDe: section.headingDe ?? '',
      textEn: section.headingEn ?? '',
      tokens: section.tokens,
    }
  );
}

/** A glossary term met at a place: the term and the text it was found as there ("öffentlichen Druck"), or null. */
export async function termAt(
  place: Place,
  lemma: string,
): Promise<{ id: string; englishPreferred: string; surface: string } | null> {
  const occurrence = await db.termOccurrence.findFirst({
    where: {
      term: { lemma },
      ...(place.sentenceId ? { sentenceId: place.sentenceId } : { sectionId: place.sectionId ?? '' }),
    },
    select: { surface: true, term: { select: { id: true, englishPreferred: true } } },
    orderBy: { start: 'asc' },
  });
  return occurrence && { ...occurrence.term, surface: occurrence.surface };
}

/** The glossary term found at exactly [start, end) of a place, or null. */
export async function termSpanning(
  place: Place,
  start: number,
  end: number,
): Promise<{ id: string; lemma: string; englishPreferred: string } | null> {
  const occurrence = await db.termOccurrence.findFirst({
    where: {
      start,
      end,
      ...(place.sentenceId ? { sentenceId: place.sentenceId } : { sectionId: place.sectionId ?? '' }),
    },
    select: { term: { select: { id: true, lemma: true, englishPreferred: true } } },
  });
  return occurrence?.term ?? null;
}

/** The id of a published article `userId` may read, or null. */
export async function publishedArticleId(slug: string, userId: string): Promise<string | null> {
  const article = await db.article.findFirst({ where: { slug, ...(await readableBy(userId)) }, select: { id: true } });
  return article?.id ?? null;
}

/**
 * A translation to start from: the glossary term's preferred English, else the general dictionary's
 * first two senses as a word card shows them (lib/dictionary: the word, its forms, its compound's head,
 * those written with the headword's own case first: Essen is not essen). Empty when neither knows it.
 */
export async function suggestedTranslation(
  word: { lemma: string; surface?: string | null; pos?: PartOfSpeech },
  term: { englishPreferred: string } | null,
): Promise<string> {
  if (term?.englishPreferred) return term.englishPreferred;
  const { senses } = await meaningOf({
    lemma: word.lemma,
    surface: word.surface || word.lemma,
    pos: word.pos ?? 'OTHER',
  });
  const english = [...new Set(senses.map((s) => s.english))].slice(0, 2);
  return english.join('; ').slice(0, TRANSLATION_MAX);
}

/** What an import compares a row with: the learner's entry of its lemma, with its tags. */
export type ExistingEntry = {
  id: string;
  lemma: string;
  status: string;
  translation: string;
  notes: string;
  contextDe: string | null;
  contextEn: string | null;
  articleId: string | null;
  termId: string | null;
  statusChangedAt: Date;
  tags: { name: string }[];
};

/**
 * The learner's entries of these lemmas with their tags, read with `client` (an import's transaction),
 * READ_BATCH lemmas a query. Tags are a second query, not a nested select: Prisma runs nested reads in
 * parallel, which a transaction's one PostgreSQL connection must queue.
 */
export async function existingEntries(
  client: Pick<Tx, 'vocabularyEntry' | 'vocabularyTag'>,
  userId: string,
  lemmas: readonly string[],
): Promise<ExistingEntry[]> {
  const pieces = await inBatches(
    lemmas,
    async (batch) => {
      const entries = await client.vocabularyEntry.findMany({
        where: { userId, lemma: { in: batch } },
        select: {
          id: true,
          lemma: true,
          status: true,
          translation: true,
          notes: true,
          contextDe: true,
          contextEn: true,
          articleId: true,
          termId: true,
          statusChangedAt: true,
        },
      });
      const tags = entries.length
        ? await client.vocabularyTag.findMany({
            where: { entryId: { in: entries.map((e) => e.id) } },
            select: { entryId: true, name: true },
          })
        : [];
      const tagsOf = new Map<string, { entryId: string; name: string }[]>();
      for (const tag of tags) {
        const list = tagsOf.get(tag.entryId);
        if (list) list.push(tag);
        else tagsOf.set(tag.entryId, [tag]);
      }
      return entries.map((e) => ({ ...e, tags: tagsOf.get(e.id) ?? [] }));
    },
    READ_BATCH,
  );
  return pieces.flat();
}

/** Article ids by slug, of those slugs that name an article. */
export async function articleIdsOf(slugs: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const articles = await db.article.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } });
  return new Map(articles.map((a) => [a.slug, a.id]));
}

/** Glossary terms of these lemmas, read with `client` (READ_BATCH a query): what an entry links to and takes a first translation from. */
export async function termsOf(
  client: Pick<Tx, 'term'>,
  lemmas: readonly string[],
): Promise<Map<string, { id: string; englishPreferred: string }>> {
  const pieces = await inBatches(
    lemmas,
    (batch) =>
      client.term.findMany({
        where: { lemma: { in: batch }, status: { in: WITH_PAGE } },
        select: { id: true, lemma: true, englishPreferred: true },
      }),
    READ_BATCH,
  );
  return new Map(pieces.flat().map((t) => [t.lemma, { id: t.id, englishPreferred: t.englishPreferred }]));
}
