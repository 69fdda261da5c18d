import { describe, expect, test } from 'vitest';
import { clutterPages, scoreSet } from '@/tests/fixtures/clutter/measure';
import { extractDocument } from './extract.server';

// The clutter set (tests/fixtures/clutter): German news pages of different outlets' markup, each with
// the sentences the article must keep and the clutter it must lose. bench/clutter.bench.ts prints the
// same figures with every miss.
const pages = clutterPages();

describe('the clutter set', () => {
  test('has at least ten pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  const cleaned = scoreSet(pages);

  test.each(cleaned.scores)('$name keeps every sentence of its article, in order', ({ lost }) => {
    expect(lost).toEqual([]);
  });

  test('at least 95 % of the clutter is removed, and every removed string is listed for the teacher', () => {
    expect(cleaned.dropped / cleaned.drop).toBeGreaterThanOrEqual(0.95);
    expect(cleaned.scores.flatMap((score) => score.unlisted)).toEqual([]);
  });

  test('Readability alone does not get there: the figures above are the cleaning’s', () => {
    const baseline = scoreSet(pages, { clean: false });
    expect(baseline.dropped / baseline.drop).toBeLessThan(0.6);
  });
});

describe('removed inline clutter carries its reason', () => {
  const removedFrom = (name: string) => {
    const page = pages.find((p) => p.name === name)!;
    const { removed } = extractDocument('html', page.html);
    return (start: string) => removed.find((block) => block.text.startsWith(start))?.reason;
  };

  test('advertisement with its text, teaser with its headline, caption, credit, newsletter line, author box', () => {
    const reason = removedFrom('01-tagesblick-ausland');
    expect(reason('Anzeige')).toBe('advertisement');
    expect(reason('Jetzt Festgeld sichern')).toBe('advertisement');
    expect(reason('Lesen Sie auch: Wehrpflicht')).toBe('teaser');
    expect(reason('Soldaten der Panzerbrigade 45')).toBe('caption');
    expect(reason('Die wichtigsten Nachrichten aus Politik und Wirtschaft')).toBe('subscription');
    expect(reason('Über die Autorin')).toBe('author');
    expect(reason('Jana Kessler berichtet')).toBe('author');
  });

  test('live-ticker times, paywall notices and teaser boxes', () => {
    expect(removedFrom('02-rundschau-liveticker')('16:45 Uhr')).toBe('timestamp');
    expect(removedFrom('07-tickerblog-timeline')('08:12')).toBe('timestamp');
    const paywall = removedFrom('03-morgenpost-plus');
    expect(paywall('Weiterlesen mit M+')).toBe('paywall');
    expect(paywall('Bereits Abonnent?')).toBe('paywall');
    expect(paywall('Das könnte Sie auch interessieren')).toBe('teaser');
  });

  test('a label standing alone takes the advertisement next to it, not the paragraph after an empty ad slot', () => {
    const cms = removedFrom('04-nachrichtenportal-cms');
    expect(cms('Ihr Traumhaus wartet')).toBe('advertisement');
    expect(cms('Eurofighter für die Türkei')).toBe('teaser');
    expect(removedFrom('06-regionalzeitung-dpa')('Jetzt beginnt die eigentliche Arbeit')).toBeUndefined();
  });
});
