import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ArticleContentSchema } from '@/lib/articles/schema';
import { extractDocument } from './extract.server';
import { normalizeWhitespace } from './plain-text';

// The two saved web pages the curated articles were made from: everything the curated files keep
// must survive extraction, and the known clutter must be removed with a reason.
const root = path.resolve(import.meta.dirname, '../..');
const seed = (name: string) => readFileSync(path.join(root, 'tests/fixtures/seeds', name), 'utf8');
const curated = (slug: string) =>
  ArticleContentSchema.parse(
    JSON.parse(readFileSync(path.join(root, 'prisma/content/articles', `${slug}.json`), 'utf8')),
  );
const SEEDS = [
  { file: '000_989638f27897ee02.txt', slug: 'china-hilft-russland-aufruestung' },
  { file: '004_a3552507932caec5.txt', slug: 'chinas-kalkulation-waffenlieferungen' },
] as const;

function keptText(format: 'txt' | 'html', input: string) {
  const doc = extractDocument(format, input);
  return { doc, text: normalizeWhitespace(doc.blocks.map((b) => b.text).join(' ')) };
}

/** The seed as a saved web page: a title, navigation, the text as paragraphs, a footer. */
function asHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escape(p.trim())}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>Artikel</title><style>p { color: red; } @@broken {</style><script>document.title = 'x'</script></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav><main><article>${paragraphs}</article></main>
<footer><p>© 2024 Beispiel-Verlag. Alle Rechte vorbehalten.</p></footer></body></html>`;
}

describe.each(SEEDS)('seed $file', ({ file, slug }) => {
  const content = curated(slug);
  const sentences = content.sections.flatMap((s) => [
    ...(s.heading ? [s.heading.de] : []),
    ...s.paragraphs.flat().map((g) => g.de),
  ]);

  test.each(['txt', 'html'] as const)('every sentence of the curated article survives (%s)', (format) => {
    const input = seed(file);
    const { text } = keptText(format, format === 'html' ? asHtml(input) : input);
    const missing = sentences.map(normalizeWhitespace).filter((s) => s !== 'Personalien' && !text.includes(s));
    expect(missing).toEqual([]);
  });
});

describe('known clutter is removed with a reason', () => {
  test('the AFP page', () => {
    const { doc } = keptText('txt', seed(SEEDS[0].file));
    const reasons = new Map(doc.removed.map((r) => [r.text, r.reason]));
    expect(reasons.get('Ausgegeben am:')).toBe('metadata');
    expect(reasons.get('2 Minuten')).toBe('metadata');
    expect(reasons.get('(AFP)')).toBe('metadata');
    expect(reasons.get('source site-27')).toBe('metadata');
    expect(reasons.get('Leave a Reply')).toBe('comments');
  });

  test('the POLITICO newsletter', () => {
    const { doc, text } = keptText('txt', seed(SEEDS[1].file));
    const reason = (start: string) => doc.removed.find((r) => r.text.startsWith(start))?.reason;
    expect(reason('banner Heim / Blog /')).toBe('navigation');
    expect(reason('China hat ein empfindliches Gleichgewicht')).toBe('metadata'); // the photo caption
    expect(reason('Nov 04, 2023')).toBe('metadata');
    expect(reason('Von MATT BERG')).toBe('metadata');
    expect(reason('23.02.2023 16:08 Uhr EST')).toBe('metadata');
    expect(reason('Mit Hilfe von Phelim Kine')).toBe('metadata');
    expect(reason('Hier abonnieren')).toBe('subscription');
    expect(reason('Machen Sie sich bereit für den GLOBAL TECH DAY')).toBe('advertisement');
    expect(reason('ES IST DONNERSTAG')).toBe('subscription');
    expect(reason('Wenn Sie schon dabei sind, folgen Sie')).toBe('social');
    expect(reason('Eine Nachricht von Lockheed Martin')).toBe('advertisement');
    expect(reason('Unsere Mission ist es')).toBe('advertisement');
    expect(reason('HÖREN SIE SICH POLITICOS ENERGIE-PODCAST AN')).toBe('advertisement');
    expect(reason('— The Royal United Services Institute, 5 Uhr')).toBe('events');
    expect(reason('– JESSICA PISANO, POLITICO:')).toBe('related-links');
    expect(reason('Steht eine Natsec-zentrierte Veranstaltung an?')).toBe('subscription');
    expect(reason('Vielen Dank an unsere Redakteurin')).toBe('metadata');
    for (const clutter of [
      'Lockheed',
      '[email protected]',
      'Hier abonnieren',
      '@nahaltoosi',
      'Uhr: JOHN BOLTON',
      'PODCAST',
    ])
      expect(text).not.toContain(clutter);
  });
});

describe('HTML', () => {
  test('keeps headings and paragraphs as text, drops scripts, styles, navigation and markup', () => {
    const html = `<html><head><title>Die Lage</title></head><body>
      <nav><ul><li><a href="/">Startseite</a></li><li><a href="/a">Politik</a></li></ul></nav>
      <article><h1>Die Lage</h1><p>Erster <b>Absatz</b> mit <a href="https://example.org">Link</a>.</p>
      <h2>Zweiter Teil</h2><p>Zeile eins<br>geht weiter.<br><br>Neuer Absatz nach Leerzeile.</p>
      <script>alert(1)</script><ul><li>Ein Punkt der Liste.</li></ul><blockquote>Ein Zitat.</blockquote></article>
      <img src="https://tracker.example/x.png" onerror="alert(1)"></body></html>`;
    const doc = extractDocument('html', html);
    expect(doc.title).toBe('Die Lage');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Erster Absatz mit Link.' },
      { kind: 'heading', text: 'Zweiter Teil' },
      { kind: 'paragraph', text: 'Zeile eins geht weiter.' },
      { kind: 'paragraph', text: 'Neuer Absatz nach Leerzeile.' },
      { kind: 'paragraph', text: 'Ein Punkt der Liste.' },
      { kind: 'paragraph', text: 'Ein Zitat.' },
    ]);
    expect(doc.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['Startseite', 'Politik']));
  });

  test("the page's headline is the title, without the kicker and the site's name", () => {
    const body = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Der Bundestag berät am Donnerstag zum ${i + 1}. Mal über den Haushalt des Verteidigungsministeriums.</p>`,
    ).join('');
    const html = `<html><head><title>Bundeswehr: Munitionslager bleiben knapp | Landeszeitung</title></head><body>
      <main><h1>Munitionslager bleiben knapp</h1><div class="body">${body}</div></main></body></html>`;
    const doc = extractDocument('html', html);
    expect(doc.title).toBe('Munitionslager bleiben knapp');
    expect(doc.blocks.map((b) => b.text)).not.toContain('Munitionslager bleiben knapp');
    // A headline the document's title does not hold is not taken for it.
    const other = extractDocument('html', html.replace('<h1>Munitionslager bleiben knapp</h1>', '<h1>Werbung</h1>'));
    expect(other.title).toBe('Bundeswehr: Munitionslager bleiben knapp | Landeszeitung');
  });

  test('markup without text yields nothing; broken markup still yields its text', () => {
    expect(extractDocument('html', '<div><img src="x.png"><script>1</script></div>').blocks).toEqual([]);
    expect(extractDocument('html', '<p>Ein <b>offener <i>Satz.').blocks).toEqual([
      { kind: 'paragraph', text: 'Ein offener Satz.' },
    ]);
  });
});
