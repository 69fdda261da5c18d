import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import type { ArticleContent } from '@/lib/articles/schema';
import { createDb } from '@/lib/db.server';
import { openPage, seriousViolations, useBrowser } from './browser';

// The library at more than a page: 25 articles more, made through the real import (as the seed makes
// the two of the e2e database), removed again afterwards: other files count two articles.
const appUrl = inject('appUrl');
const browser = useBrowser();
const db = createDb(inject('databaseUrl'));
const MADE = 25;
const slugOf = (i: number) => `library-paging-${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  const base = (await readArticleFiles())[0]!.data as ArticleContent;
  for (let i = 1; i <= MADE; i++)
    await importArticle(db, {
      ...base,
      slug: slugOf(i),
      title: { de: `Übungstext Nummer ${i}`, en: `Practice text number ${i}` },
      outlet: i <= 5 ? 'Paging Weekly' : base.outlet,
      publishedAt: `2020-01-${String(i).padStart(2, '0')}`,
      sections: base.sections.slice(0, 1),
    });
});
afterAll(async () => {
  await db.article.deleteMany({ where: { slug: { startsWith: 'library-paging-' } } });
  await db.$disconnect();
});

describe('the library in pages', () => {
  test('20 a page, previous and next keep the search; a search and an outlet without JavaScript', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en`);
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe(`${MADE + 2} articles`);
    await expect(page.getByTestId('article-list').locator('li.article-card').count()).resolves.toBe(20);
    const nav = page.getByRole('navigation', { name: 'Library pages' });
    await expect(nav.locator('[aria-current=page]').textContent()).resolves.toBe('Page 1 of 2');
    await expect(nav.locator('a[rel=prev]').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await nav.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL('**/en?page=2');
    await expect(page.getByTestId('article-list').locator('li.article-card').count()).resolves.toBe(MADE + 2 - 20);
    // The oldest made article is the last of all.
    await expect(page.getByTestId('article-list').locator('li.article-card h2').last().textContent()).resolves.toBe(
      'Übungstext Nummer 1',
    );

    // The search, typed in capitals, finds the German titles; its pages keep it.
    await page.getByLabel('Title (German or English)').fill('ÜBUNGSTEXT');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'ÜBUNGSTEXT' && !url.searchParams.has('page'));
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe(`${MADE} articles found`);
    await page.getByRole('navigation', { name: 'Library pages' }).getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL('**/en?q=%C3%9CBUNGSTEXT&page=2');
    await expect(page.getByTestId('article-list').locator('li.article-card').count()).resolves.toBe(MADE - 20);
    await expect(page.getByLabel('Title (German or English)').inputValue()).resolves.toBe('ÜBUNGSTEXT');

    // An outlet with the search, from the form: a new search starts at page 1.
    await page.getByLabel('Outlet').selectOption('Paging Weekly');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('outlet') === 'Paging Weekly');
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe('5 articles found');
    await expect(page.getByRole('navigation', { name: 'Library pages' }).count()).resolves.toBe(0);

    // Nothing found: a message and the way back.
    await page.getByLabel('Title (German or English)').fill('kein solcher Titel');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'kein solcher Titel');
    await page.getByTestId('library-no-match').waitFor();
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe('No articles found');
    await page.getByTestId('library-no-match').getByRole('link', { name: 'Show all articles' }).click();
    await page.waitForURL(/\/en$/);
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe(`${MADE + 2} articles`);
    expect(problems).toEqual([]);
  });

  test('past the last page: the last page; a page that is no number: not found; in German too', async () => {
    const { page } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto(`${appUrl}/de?q=%C3%BCbungstext&page=9`);
    await page.waitForURL('**/de?q=%C3%BCbungstext&page=2');
    const nav = page.getByRole('navigation', { name: 'Seiten der Bibliothek' });
    await expect(nav.locator('[aria-current=page]').textContent()).resolves.toBe('Seite 2 von 2');
    await expect(nav.getByRole('link', { name: 'Vorherige Seite' }).getAttribute('rel')).resolves.toBe('prev');
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe(`${MADE} Artikel gefunden`);
    const response = await page.goto(`${appUrl}/de?page=zwei`);
    expect(response?.status()).toBe(404);
  });
});
