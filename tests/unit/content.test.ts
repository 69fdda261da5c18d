import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { type ArticleContent, ArticleContentSchema } from '@/lib/articles/schema';

// The seed articles are checked against the raw web pages they were cleaned from (tests/fixtures/seeds).
const SEEDS = path.resolve(import.meta.dirname, '../fixtures/seeds');
const SOURCES: Record<string, string> = {
  'china-hilft-russland-aufruestung': '000_989638f27897ee02.txt',
  'chinas-kalkulation-waffenlieferungen': '004_a3552507932caec5.txt',
};
// Web clutter named in the foundation issue: none of it may reach a reader.
const CLUTTER = [
  'banner',
  'Heim / Blog',
  'Ausgegeben am',
  '2 Minuten',
  'abonnieren',
  'E-Mail an',
  '[email protected]',
  '@',
  'Eine Nachricht von Lockheed Martin',
  'Lockheed',
  'GLOBAL TECH DAY',
  'HIER REGISTRIEREN',
  'PODCAST',
  'Uhr morgens',
  '10 Uhr:',
  '11:30 Uhr',
  '14:15 Uhr',
  'Leave a Reply',
  'source site-',
  'Mark Schiefelbein/AP',
  'Steht eine Natsec-zentrierte Veranstaltung an',
  'ES IST DONNERSTAG',
  'Heidi Vogt',
  'Jeffrey Horst',
  '(AFP)',
];

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const files = await readArticleFiles();
const articles = files.map(({ data }) => ArticleContentSchema.parse(data));
const germanTexts = (article: ArticleContent) =>
  article.sections.flatMap((section) => [
    ...(section.heading ? [section.heading.de] : []),
    ...section.paragraphs.flatMap((paragraph) => paragraph.map((group) => group.de)),
  ]);

describe('seed article content', () => {
  test('both seed texts are articles, each file valid', () => {
    expect(articles.map((a) => a.slug).sort()).toEqual(Object.keys(SOURCES).sort());
    for (const { file, data } of files) expect(path.basename(file)).toBe(`${(data as { slug: string }).slug}.json`);
  });

  test.each(Object.entries(SOURCES))('%s keeps the reporting verbatim and in order', (slug, sourceFile) => {
    const source = collapse(fs.readFileSync(path.join(SEEDS, sourceFile), 'utf8'));
    const article = articles.find((a) => a.slug === slug)!;
    let cursor = source.indexOf(article.title.de);
    expect(cursor).toBeGreaterThanOrEqual(0);
    for (const text of germanTexts(article)) {
      if (text === 'Personalien') continue; // our own heading for the newsletter's untitled personnel items
      const at = source.indexOf(collapse(text), cursor);
      expect(at, text).toBeGreaterThanOrEqual(cursor);
      cursor = at + text.length;
    }
  });

  test.each(articles.map((a) => [a.slug, a] as const))('%s holds no web clutter', (_slug, article) => {
    const everything = JSON.stringify(article);
    for (const clutter of CLUTTER) expect(everything, clutter).not.toContain(clutter);
  });

  test.each(articles.map((a) => [a.slug, a] as const))(
    '%s: every German sentence has a real English translation',
    (_slug, article) => {
      for (const section of article.sections) {
        if (section.heading) expect(section.heading.en).not.toBe(section.heading.de);
        for (const group of section.paragraphs.flat()) {
          expect(group.en.length, group.de).toBeGreaterThan(group.de.length * 0.5);
          expect(group.en).not.toBe(group.de);
        }
      }
    },
  );

  // The German of both seed texts is a machine translation of English originals: where it says something
  // the original does not, an editor's note (in English) says what it should say.
  const NOTED: Record<string, string[]> = {
    'china-hilft-russland-aufruestung': ['habe aufgehört, direkt Waffen', 'weiterhin auf Bedenken drängen'],
    'chinas-kalkulation-waffenlieferungen': [
      'Ostpalästina',
      'Feldzüge',
      'Filialen',
      'NATO-Angebot',
      "King's College in New York London",
      'KARINE JEAN-PIERRE Reporter',
      'betroffen sind Information',
    ],
  };
  test.each(Object.entries(NOTED))('%s: the mistranslated German carries editors’ notes', (slug, spots) => {
    const article = articles.find((a) => a.slug === slug)!;
    const groups = article.sections.flatMap((section) => section.paragraphs.flat());
    for (const spot of spots) {
      const noted = groups.filter((group) => group.de.includes(spot));
      expect(noted, spot).toHaveLength(1);
      expect(noted[0]!.note, spot).toBeTruthy();
    }
    expect(article.sourceNote.en).toContain('editor’s note');
    expect(article.sourceNote.de).toContain('Anmerkung der Redaktion');
  });

  test('the English says what the originals say where the German errs', () => {
    const afp = articles.find((a) => a.slug === 'china-hilft-russland-aufruestung')!;
    const stopped = afp.sections.flatMap((s) => s.paragraphs.flat()).find((g) => g.de.includes('habe aufgehört'))!;
    expect(stopped.en).toContain('stopped short of directly supplying weapons');
    expect(stopped.note).toContain('stopped short of');
    // Typographic apostrophes, as in the newsletter.
    expect(JSON.stringify(afp.sections.flatMap((s) => s.paragraphs.flat().map((g) => g.en)))).not.toContain("'");
    const newsletter = articles.find((a) => a.slug === 'chinas-kalkulation-waffenlieferungen')!;
    expect(newsletter.authors).toEqual(['Matt Berg', 'Lawrence Ukenye']);
    expect(newsletter.sourceNote.en).toContain('with help from Phelim Kine');
    const english = newsletter.sections.flatMap((s) => s.paragraphs.flat().map((g) => g.en)).join('\n');
    for (const fixed of [
      'are so badly damaged',
      'East Palestine [Ohio] first',
      'I would let Poland give them the planes',
      'last month flooded',
      'in August of last year',
    ])
      expect(english).toContain(fixed);
  });

  test('the newsletter keeps its news items as headed sections', () => {
    const newsletter = articles.find((a) => a.slug === 'chinas-kalkulation-waffenlieferungen')!;
    const headings = newsletter.sections.map((s) => s.heading?.de ?? null);
    expect(headings[0]).toBeNull();
    expect(headings).toEqual(
      expect.arrayContaining([
        'RUSSEN RUFEN ZU HAUSE AN',
        'TAIWAN AUSBILDEN',
        'SAGEN SIE KÄSE',
        'ANTI-US-„HEGEMONIE-SCHREI“',
      ]),
    );
    expect(headings.length).toBeGreaterThanOrEqual(12);
  });
});
