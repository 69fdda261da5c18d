import { describe, expect, test } from 'vitest';
import { paths, switchLocale } from './paths';

describe('switchLocale', () => {
  test.each([
    ['/en', 'de', '/de'],
    ['/en/', 'de', '/de'],
    ['/en/articles/china-hilft', 'de', '/de/articles/china-hilft'],
    ['/de/articles/x', 'en', '/en/articles/x'],
    ['/', 'de', '/de'],
    ['/fr/articles', 'de', '/de/fr/articles'],
  ] as const)('%s → %s', (from, target, expected) => {
    expect(switchLocale(from, target)).toBe(expected);
  });
});

describe('paths', () => {
  test('article URLs encode the slug', () => {
    expect(paths.article('de', 'a b')).toBe('/de/articles/a%20b');
  });
  test('sentence anchors count from one', () => {
    expect(paths.sentenceAnchor(0, 0)).toBe('p1-s1');
    expect(paths.sentenceAnchor(11, 2)).toBe('p12-s3');
  });
});

describe('glossary paths', () => {
  test('term URLs encode spaces, umlauts and the ellipsis', () => {
    expect(paths.term('de', 'einen Keil zwischen … treiben')).toBe(
      '/de/glossary/einen%20Keil%20zwischen%20%E2%80%A6%20treiben',
    );
    expect(decodeURIComponent(paths.term('en', 'Öl ins Feuer gießen').split('/').pop()!)).toBe('Öl ins Feuer gießen');
  });
  test('a filtered glossary URL leaves out empty values', () => {
    expect(paths.glossaryFiltered('en', { domain: 'sanctions' })).toBe('/en/glossary?domain=sanctions');
    expect(paths.glossaryFiltered('de', { q: 'rote Linie', domain: '', kind: 'phrase' })).toBe(
      '/de/glossary?q=rote+Linie&kind=phrase',
    );
    expect(paths.glossaryFiltered('en', {})).toBe('/en/glossary');
    expect(paths.glossaryFiltered('en', { kind: 'noun', letter: 'w', page: 2 })).toBe(
      '/en/glossary?kind=noun&letter=w&page=2',
    );
    expect(paths.glossaryFiltered('de', { letter: 'other', page: 1 })).toBe('/de/glossary?letter=other');
  });
  test('a library page URL keeps the search and outlet, leaves out empty values and page 1', () => {
    expect(paths.libraryFiltered('en', {})).toBe('/en');
    expect(paths.libraryFiltered('de', { page: 1 })).toBe('/de');
    expect(paths.libraryFiltered('de', { q: 'Übung & mehr', outlet: '', page: 3 })).toBe(
      '/de?q=%C3%9Cbung+%26+mehr&page=3',
    );
    expect(paths.libraryFiltered('en', { outlet: 'POLITICO – NatSec Daily', page: 2 })).toBe(
      '/en?outlet=POLITICO+%E2%80%93+NatSec+Daily&page=2',
    );
  });
  test('the term editor and the review queue', () => {
    expect(paths.termEditor('de', 'in Kraft treten')).toBe('/de/glossary/in%20Kraft%20treten/edit');
    expect(paths.glossaryReview('en')).toBe('/en/glossary/review');
    expect(paths.glossaryReview('de', { article: 'a1', domain: '', proposer: 'u 2' })).toBe(
      '/de/glossary/review?article=a1&proposer=u+2',
    );
  });
});
