import { describe, expect, test } from 'vitest';
import { draftEnglish, guessDomains, parseReviewQuery } from './proposals';

describe('guessDomains', () => {
  test('from the affixes in order, at most three, politics when none says anything', () => {
    expect(guessDomains(['kontrolle', 'rüstungs'])).toEqual(['arms-control', 'defence-industry']);
    expect(guessDomains(['waffen', 'krieg', 'sanktion', 'geheim'])).toEqual(['military', 'sanctions', 'intelligence']);
    expect(guessDomains([])).toEqual(['politics']);
  });
});

describe('draftEnglish', () => {
  const senses = [
    { english: 'arms industry; defence industry [Br.]; defense industry [Am.]' },
    { english: 'armaments sector {n} | armaments sectors' },
  ];
  test('prefers a synonym the aligned English uses, as a whole word', () => {
    expect(draftEnglish(senses, ['Europe’s Armaments sector grows.'])).toBe('armaments sector');
    expect(draftEnglish(senses, ['The US defense industry and its arms industry.'])).toBe('arms industry');
  });
  test('else the first synonym; nothing without senses; never the British spelling', () => {
    expect(draftEnglish(senses, ['Nothing here.'])).toBe('arms industry');
    expect(draftEnglish([], ['The arms industry.'])).toBe('');
    expect(draftEnglish([{ english: 'defence industry [Br.]; defense industry [Am.]' }], [])).toBe('defense industry');
  });
});

describe('parseReviewQuery', () => {
  test('keeps valid filters and drops the rest', () => {
    expect(parseReviewQuery({ article: 'cm123', domain: 'sanctions', proposer: ['u1', 'u2'] })).toEqual({
      article: 'cm123',
      domain: 'sanctions',
      proposer: 'u1',
    });
    expect(parseReviewQuery({ article: 'a b<', domain: 'cooking' })).toEqual({
      article: undefined,
      domain: undefined,
      proposer: undefined,
    });
    expect(parseReviewQuery(null)).toEqual({ article: undefined, domain: undefined, proposer: undefined });
  });
});
