import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { I18nProvider } from '@/components/i18n/i18n-provider.client';
import type { ClassGrid } from '@/lib/classroom/types';
import { getServerT, resourcesFor } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/settings';
import { ClassGridSection } from './class-grid';

const grid: ClassGrid = {
  students: [{ id: 's1', name: 'Ada <b>', email: 'ada@example.org' }],
  assignments: [
    { id: 'a1', title: 'Rote Linie', dueAt: new Date('2026-05-10T12:00:00Z') },
    { id: 'a2', title: 'Stellvertreterkrieg', dueAt: new Date('2026-06-10T12:00:00Z') },
  ],
  cells: {
    s1: {
      a1: {
        status: 'done',
        activeSeconds: 150,
        share: 0.5,
        score: { score: 3, maxScore: 5 },
        overdue: true,
        doneAt: null,
      },
      a2: { status: 'not-started', activeSeconds: 0, share: 0, score: null, overdue: false, doneAt: null },
    },
  },
};
const render = (locale: Locale) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} resources={resourcesFor(locale, ['classroom'])}>
      <ClassGridSection grid={grid} locale={locale} t={getServerT(locale, 'classroom')} />
    </I18nProvider>,
  );
const cells = (html: string) => [...html.matchAll(/<td class="class-grid__cell"([^>]*)>([^<]*)<\/td>/g)];

test('a grid cell is one element with one line each for status, share read, minutes and score', () => {
  const [late, unopened] = cells(render('en'));
  expect(late![1]).toBe(' data-status="done" data-overdue="1" data-seconds="150" data-testid="grid-cell"');
  expect(late![2]!.split('\n')).toEqual(['Done (overdue)', '50% read', '3 min reading', 'Score 3 / 5']);
  expect(unopened![1]).toBe(' data-status="not-started" data-seconds="0" data-testid="grid-cell"');
  expect(unopened![2]!.split('\n')).toEqual(['Not started', '0% read', '0 min reading', 'No quiz yet']);
});

test('the German grid says the same in German, and names are text', () => {
  const html = render('de');
  expect(cells(html)[0]![2]!.split('\n')[1]).toBe('50\u00a0% gelesen');
  expect(html).toContain('Ada &lt;b&gt;');
});
