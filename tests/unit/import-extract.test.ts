import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { clutterPages } from '@/tests/fixtures/clutter/measure';

// `npm run --silent import:extract -- <file>` (scripts/import-extract.ts), run as a teacher would.
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const extract = (file: string) =>
  spawnSync('npm', ['run', '--silent', 'import:extract', '--', file], { cwd: ROOT, encoding: 'utf8' });
// Starting tsx and jsdom on a busy 2-core machine: a bound for a hung process, not a performance check.
const PROCESS = 120_000;

describe('import:extract', () => {
  test(
    'an HTML page: title first, then the kept sentences one per line; removed blocks with reasons on stderr',
    () => {
      const page = clutterPages().find((p) => p.name === '01-tagesblick-ausland')!;
      const run = extract(path.join(FIXTURES, 'clutter/01-tagesblick-ausland.html'));
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toBe('Die Brigade in Litauen wächst schneller als geplant');
      for (const sentence of page.mustKeep) expect(lines).toContain(sentence);
      for (const clutter of page.mustDrop) expect(run.stdout).not.toContain(clutter);
      const removed = run.stderr.trimEnd().split('\n');
      expect(removed).toContain(
        '[advertisement] Jetzt Festgeld sichern: 3,8 % Zinsen für 12 Monate bei der Nordbank Direkt.',
      );
      expect(removed).toContain('[teaser] Lesen Sie auch: Wehrpflicht: Was die Koalition jetzt plant');
      expect(removed.every((line) => /^\[[a-z-]+\] \S/u.test(line))).toBe(true);
    },
    PROCESS,
  );

  test(
    'a Word file: its headings are lines of their own; a broken one is refused with the form’s message',
    () => {
      const run = extract(path.join(FIXTURES, 'docx/wehrdienst.docx'));
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.split('\n').slice(0, 3)).toEqual([
        'Der neue Wehrdienst: Was sich ab Januar ändert',
        'Der Fragebogen',
        'Ab Januar erhalten alle jungen Männer eines Jahrgangs einen Fragebogen der Bundeswehr.',
      ]);
      expect(run.stderr).toContain('[teaser] Lesen Sie auch: Musterung');

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-extract-'));
      try {
        fs.writeFileSync(path.join(dir, 'kaputt.docx'), 'Kein Word-Dokument.');
        const broken = extract(path.join(dir, 'kaputt.docx'));
        expect(broken.status).toBe(1);
        expect(broken.stdout).toBe('');
        expect(broken.stderr).toMatch(/^This Word file could not be read/u);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const usage = extract(path.join(FIXTURES, 'docx/make-fixture.py'));
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/^usage: npm run --silent import:extract -- /u);
    },
    PROCESS,
  );
});
