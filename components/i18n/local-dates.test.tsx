import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { ClassList } from '@/components/classroom/class-list';
import { I18nProvider } from '@/components/i18n/i18n-provider.client';
import { OwnArticleList } from '@/components/teach/own-article-list';
import { getServerT, resourcesFor } from '@/lib/i18n/server';

// (A student's joined day, in a list with buttons that need Next's router, is checked in
// tests/e2e/classroom.e2e.test.ts.) A moment late in the UTC day: May 10 in UTC, already May 11 east of it. The server writes the UTC
// day; these lists must leave the day to LocalDate (a <time>), which the browser rewrites in its zone.
const LATE = new Date('2026-05-10T23:30:00Z');
const MOMENT = `<time dateTime="${LATE.toISOString()}">May 10, 2026</time>`;
const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <I18nProvider locale="en" resources={resourcesFor('en', ['classroom'])}>
      {node}
    </I18nProvider>,
  );

describe('days of moments in the teacher lists are the viewer’s, not the UTC day', () => {
  test('a class’s created day, inside its sentence', () => {
    const html = render(
      <ClassList
        classes={[
          {
            id: 'c1',
            name: 'Klasse',
            description: '',
            joinCode: 'ABCD-EFGH',
            archived: false,
            studentCount: 2,
            assignmentCount: 1,
            createdAt: LATE,
          },
        ]}
        role="teacher"
        locale="en"
        t={getServerT('en', 'classroom')}
      />,
    );
    expect(html).toContain(`2 students · 1 assignment · created ${MOMENT}`);
  });

  test('an own article’s updated day', () => {
    const html = render(
      <OwnArticleList
        articles={[
          {
            slug: 'a-1',
            titleDe: 'Titel',
            status: 'draft',
            visibility: 'public',
            updatedAt: LATE.toISOString(),
            groupCount: 2,
            translatedCount: 1,
          },
        ]}
        locale="en"
        t={getServerT('en', 'teach')}
      />,
    );
    expect(html).toContain(`<td>${MOMENT}</td>`);
  });
});
