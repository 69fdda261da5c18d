import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { getServerT } from '@/lib/i18n/server';
import { SourceNote } from './source-note';

const t = getServerT('en', 'reader');
const render = (props: Partial<Parameters<typeof SourceNote>[0]>) =>
  renderToStaticMarkup(<SourceNote noteDe="" noteEn="" locale="en" t={t} {...props} />);

describe('the source note', () => {
  test('a curated note is shown as it is', () => {
    expect(render({ noteEn: 'AFP dispatch.', outlet: 'AFP' })).toContain('<p lang="en">AFP dispatch.</p>');
  });

  test('without a note: outlet, authors, date and a link that gets no access to the page', () => {
    const html = render({
      outlet: 'Die Zeitung',
      authors: ['Anna Beispiel', 'Bert Muster'],
      publishedAt: '2024-04-12',
      url: 'https://example.org/a?b=1&c=<x>',
    });
    expect(html).toContain('Die Zeitung · Anna Beispiel and Bert Muster, published April 12, 2024');
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=%3Cx%3E"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('Read the original at example.org');
  });

  test('an address that is not http(s) is never a link; with nothing known there is no empty "Source"', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'not a url'])
      expect(render({ outlet: 'X', url })).not.toContain('<a');
    expect(render({})).toBe('');
  });
});
