import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { db } from '@/lib/db.server';
import { editableArticleId, proposeTerms, reviewQueue, suggestTerms } from '@/lib/glossary/proposals.server';
import type { Result } from '@/lib/result';
import { createDraft } from '@/lib/teach/import.server';

// Suggested terms of an imported article and proposing them (docs/decisions/033-term-proposals.md).
// Runs against SQLite and PostgreSQL; the lemma table is loaded in the worker thread only.
const users = { teacher: '', otherTeacher: '', learner: '' };
const TEXT = [
  'Die Sicherheitslage in Europa bleibt angespannt.',
  'Der Rüstungskontrollvertrag tritt im Mai in Kraft.',
  'Die nukleare Abschreckung wirkt, sagt die Regierung.',
  'Ohne nukleare Abschreckung hört die Sicherheitslage auf, stabil zu sein.',
  'Die Sanktionen gegen Russland bleiben.',
].join(' ');
const DICTIONARY_KEY = 'sicherheitslage';
let slug = '';
let articleId = '';

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
};

beforeAll(async () => {
  // A glossary of one approved entry, whatever earlier test files left in this database: the seeded
  // glossary would make "in Kraft treten" or "aufhören" entries, and so no candidates.
  await db.term.deleteMany();
  await db.term.create({ data: { lemma: 'Sanktion', kind: 'noun', domains: { create: [{ domain: 'sanctions' }] } } });
  await db.user.deleteMany({ where: { email: { endsWith: '@proposals.test' } } });
  for (const [key, role] of [
    ['teacher', 'teacher'],
    ['otherTeacher', 'teacher'],
    ['learner', 'learner'],
  ] as const) {
    users[key] = (
      await db.user.create({ data: { name: key, email: `${key}@proposals.test`, role }, select: { id: true } })
    ).id;
  }
  slug = ok(await performAs({ userId: users.teacher }, createDraft, { format: 'txt', text: TEXT, title: 'Lage' })).slug;
  articleId = (await editableArticleId(users.teacher, slug))!;
  // The aligned English of the first sentence, and a dictionary entry with two senses.
  const first = await db.sentence.findFirstOrThrow({
    where: { paragraph: { articleId }, textDe: { startsWith: 'Die Sicherheitslage' } },
  });
  await db.sentence.update({
    where: { id: first.id },
    data: { textEn: 'The security environment in Europe remains tense.' },
  });
  await db.dictionaryEntry.createMany({
    data: [
      { key: DICTIONARY_KEY, german: 'Sicherheitslage {f}', english: 'security situation', line: 900_001 },
      { key: DICTIONARY_KEY, german: 'Sicherheitslage {f}', english: 'security environment', line: 900_002 },
    ],
  });
});
afterAll(async () => {
  await db.term.deleteMany({ where: { proposedFrom: { slug } } });
  await db.term.deleteMany({ where: { lemma: { in: ['nukleare Abschreckung', 'Sanktion'] } } });
  await db.dictionaryEntry.deleteMany({ where: { key: DICTIONARY_KEY, line: { gte: 900_001 } } });
  await db.article.deleteMany({ where: { owner: { email: { endsWith: '@proposals.test' } } } });
  await db.user.deleteMany({ where: { email: { endsWith: '@proposals.test' } } });
  await db.$disconnect();
});

describe('suggestTerms', () => {
  test('ranks the candidates with sentences, grammar, domains and a drafted English from the aligned sentence', async () => {
    const suggestions = await suggestTerms(articleId);
    const byLemma = new Map(suggestions.map((s) => [s.lemma, s]));
    expect([...byLemma.keys()]).toEqual(
      expect.arrayContaining([
        'Sicherheitslage',
        'Rüstungskontrollvertrag',
        'in Kraft treten',
        'nukleare Abschreckung',
        'aufhören',
      ]),
    );
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const situation = byLemma.get('Sicherheitslage')!;
    // Grammar from the lemma table's dictionary facts (ADR 031): a compound's from its head.
    expect(situation).toMatchObject({
      kind: 'noun',
      gender: 'f',
      plural: 'Sicherheitslagen',
      genitive: 'der Sicherheitslage',
      occurrences: 2,
      existing: null,
    });
    expect(situation.domains).toEqual(['geopolitics']);
    // The sense whose English the aligned sentence uses, not the dictionary's first.
    expect(situation.english).toBe('security environment');
    const [sentence] = situation.sentences;
    expect(sentence!.en).toBe('The security environment in Europe remains tense.');
    expect(sentence!.marks.map((m) => sentence!.de.slice(m.start, m.end))).toEqual(['Sicherheitslage']);

    expect(byLemma.get('Rüstungskontrollvertrag')).toMatchObject({
      kind: 'noun',
      gender: 'm',
      genitive: 'des Rüstungskontrollvertrags',
    });
    expect(byLemma.get('aufhören')).toMatchObject({ kind: 'verb', separable: true, gender: null, plural: null });
    // An approved entry ("Sanktion") is no candidate.
    expect(byLemma.has('Sanktion')).toBe(false);
  });

  test('shows a rejected lemma as rejected, with its reason', async () => {
    await db.term.create({
      data: {
        lemma: 'nukleare Abschreckung',
        kind: 'phrase',
        status: 'rejected',
        rejectionReason: 'Zu allgemein',
        domains: { create: [{ domain: 'military' }] },
      },
    });
    const rejected = (await suggestTerms(articleId)).find((s) => s.lemma === 'nukleare Abschreckung');
    expect(rejected?.existing).toEqual({ status: 'rejected', rejectionReason: 'Zu allgemein' });
  });
});

describe('proposeTerms', () => {
  const term = (lemma: string, extra: Record<string, unknown> = {}) => ({
    lemma,
    kind: 'noun',
    gender: 'f',
    plural: 'Sicherheitslagen',
    genitive: 'der Sicherheitslage',
    separable: false,
    englishPreferred: 'security environment',
    definitionEn: '',
    definitionDe: '',
    domains: ['geopolitics'],
    ...extra,
  });

  test('refuses learners and teachers on someone else’s article alike', async () => {
    for (const userId of [users.learner, users.otherTeacher]) {
      expect(await performAs({ userId }, proposeTerms, { slug, terms: [term('Sicherheitslage')] })).toMatchObject({
        ok: false,
        error: 'teach:errors.notFound',
      });
    }
    expect(await db.term.count({ where: { lemma: 'Sicherheitslage' } })).toBe(0);
  });

  test('creates proposed entries with the prefilled fields, who proposed them from where, and a revision', async () => {
    const outcome = ok(
      await performAs({ userId: users.teacher }, proposeTerms, {
        slug,
        terms: [
          term('Sicherheitslage'),
          term('in Kraft treten', {
            kind: 'phrase',
            gender: null,
            plural: null,
            genitive: null,
            englishPreferred: 'enter into force',
          }),
        ],
      }),
    );
    expect(outcome).toEqual({ proposed: ['Sicherheitslage', 'in Kraft treten'], skipped: [] });
    const row = await db.term.findUniqueOrThrow({
      where: { lemma: 'Sicherheitslage' },
      include: { domains: true, revisions: true },
    });
    expect(row).toMatchObject({
      status: 'proposed',
      kind: 'noun',
      gender: 'f',
      plural: 'Sicherheitslagen',
      genitive: 'der Sicherheitslage',
      englishPreferred: 'security environment',
      definitionEn: '',
      editedInApp: true,
      proposedById: users.teacher,
      proposedFromId: articleId,
      version: 1,
    });
    expect(row.domains.map((d) => d.domain)).toEqual(['geopolitics']);
    expect(row.revisions.map((r) => [r.version, r.action, r.authorId])).toEqual([[1, 'proposed', users.teacher]]);

    // Proposed once is enough: a second proposal leaves the row alone.
    expect(
      ok(await performAs({ userId: users.teacher }, proposeTerms, { slug, terms: [term('Sicherheitslage')] })),
    ).toEqual({ proposed: [], skipped: ['Sicherheitslage'] });
  });

  test('proposes a rejected lemma again only when asked to, reusing its row and history', async () => {
    const phrase = term('nukleare Abschreckung', {
      kind: 'phrase',
      gender: null,
      plural: null,
      genitive: null,
      domains: ['arms-control'],
    });
    expect(ok(await performAs({ userId: users.teacher }, proposeTerms, { slug, terms: [phrase] }))).toEqual({
      proposed: [],
      skipped: ['nukleare Abschreckung'],
    });
    expect(
      ok(await performAs({ userId: users.teacher }, proposeTerms, { slug, terms: [{ ...phrase, again: true }] })),
    ).toEqual({ proposed: ['nukleare Abschreckung'], skipped: [] });
    const row = await db.term.findUniqueOrThrow({
      where: { lemma: 'nukleare Abschreckung' },
      include: { domains: true, revisions: true },
    });
    expect(row).toMatchObject({ status: 'proposed', rejectionReason: null, proposedFromId: articleId });
    expect(row.domains.map((d) => d.domain)).toEqual(['arms-control']);
    expect(row.revisions.map((r) => r.action)).toEqual(['proposed']);
  });

  test('refuses empty, duplicate and ungrammatical input', async () => {
    const propose = (terms: unknown[]) => performAs({ userId: users.teacher }, proposeTerms, { slug, terms });
    expect(await propose([])).toMatchObject({ ok: false });
    expect(await propose([term('Lage'), term('Lage')])).toMatchObject({ ok: false });
    expect(await propose([term('aufhören', { kind: 'verb' })])).toMatchObject({ ok: false });
    expect(await propose([term('aufhören', { kind: 'verb', gender: null, separable: true })])).toMatchObject({
      ok: false,
    });
    expect(await propose([term('Lage', { domains: [] })])).toMatchObject({ ok: false });
  });
});

describe('reviewQueue', () => {
  test('lists open proposals, filtered by article, domain and proposer', async () => {
    const all = await reviewQueue({});
    expect(all.articles).toContainEqual({ id: articleId, titleDe: 'Lage' });
    expect(all.proposers).toContainEqual({ id: users.teacher, name: 'teacher' });
    const lemmas = async (filter: Parameters<typeof reviewQueue>[0]) =>
      (await reviewQueue(filter)).items.map((i) => i.lemma).sort();
    expect(await lemmas({ article: articleId })).toEqual([
      'Sicherheitslage',
      'in Kraft treten',
      'nukleare Abschreckung',
    ]);
    expect(await lemmas({ article: articleId, domain: 'arms-control' })).toEqual(['nukleare Abschreckung']);
    expect(await lemmas({ proposer: users.otherTeacher })).toEqual([]);
    const [item] = (await reviewQueue({ article: articleId, domain: 'arms-control' })).items;
    expect(item).toMatchObject({ proposer: { id: users.teacher, name: 'teacher' }, article: { slug } });
  });
});
