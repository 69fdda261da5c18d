// Deterministic large inputs for the benchmarks: a news page of about 2 MB of HTML (mostly markup, as
// real pages are, with the German text of the seeded articles as its body) and a 5,000-row vocabulary CSV.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../tests/setup/databases';

type ContentFile = { sections: { paragraphs: { de: string }[][] }[] };

function seededSentences(): string[] {
  const dir = path.join(REPO_ROOT, 'prisma/content/articles');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const article = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ContentFile;
      return article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.map((group) => group.de)));
    });
}

/** About `bytes` of HTML: navigation, inline scripts and styles, teasers, and an article of ~150,000 characters. */
export function importHtml(bytes = 2_000_000): string {
  const sentences = seededSentences();
  const paragraphs: string[] = [];
  for (let i = 0, length = 0; length < 150_000; i++) {
    const text = sentences.slice(i % sentences.length, (i % sentences.length) + 3).join(' ');
    paragraphs.push(`<p>${text}</p>`);
    length += text.length;
  }
  const chrome: string[] = [];
  for (let i = 0, length = 0; length < bytes - 200_000; i++) {
    length +=
      chrome[
        chrome.push(
          `<div class="teaser teaser--${i % 7}" data-track="teaser-${i}"><a href="/politik/artikel-${i}.html">` +
            `<img src="/img/${i}.jpg" alt="" width="320" height="180"><span class="kicker">Meldung ${i}</span></a>` +
            `<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({teaser:${i}});</script></div>`,
        ) - 1
      ]!.length;
  }
  return (
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Sicherheitspolitik im Überblick</title>` +
    `<style>${'.teaser{display:block;margin:0 0 1rem}'.repeat(500)}</style></head><body>` +
    `<nav>${chrome.slice(0, chrome.length / 2).join('')}</nav>` +
    `<main><article><h1>Sicherheitspolitik im Überblick</h1>${paragraphs.join('')}</article></main>` +
    `<aside>${chrome.slice(chrome.length / 2).join('')}</aside></body></html>`
  );
}

/** A vocabulary CSV of `rows` distinct lemmas with statuses, translations and contexts. */
export function importCsv(rows = 5_000): { text: string; rows: number } {
  const sentences = seededSentences();
  const statuses = ['learning-2', 'known', 'new'];
  const lines = ['lemma,status,translation,context_de'];
  for (let i = 0; i < rows; i++) {
    const context = sentences[i % sentences.length]!.replaceAll('"', '""');
    lines.push(`Fachwort${String.fromCharCode(65 + (i % 26))}${i},${statuses[i % 3]},term ${i},"${context}"`);
  }
  return { text: `${lines.join('\n')}\n`, rows };
}
