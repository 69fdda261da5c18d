import { describe, expect, test } from 'vitest';
import { takeHeadline } from './headline';
import { outlineDraft } from './tasks.server';

const body = (outline: ReturnType<typeof outlineDraft>) => {
  if (outline.refused !== undefined) throw new Error(outline.refused);
  return outline.sections.flatMap((s) => [s.headingDe ?? '', ...s.paragraphs.flat()]).filter(Boolean);
};

// Regression (issue 18): a pasted article kept its headline as the title and also as its first paragraph.
describe('the pasted headline is not also the first paragraph', () => {
  const pasted = 'China hilft Moskau bei der Aufrüstung\n\nChina helfe Russland, sagten US-Beamte. Das sei neu.';

  test('a headline line above the text becomes the title and leaves the body', () => {
    const outline = outlineDraft({ format: 'paste', text: pasted });
    expect(outline).toMatchObject({ title: 'China hilft Moskau bei der Aufrüstung' });
    expect(body(outline)).toEqual(['China helfe Russland, sagten US-Beamte.', 'Das sei neu.']);
    expect(outline.refused === undefined && outline.removed[0]).toEqual({
      text: 'China hilft Moskau bei der Aufrüstung',
      reason: 'title',
    });
  });

  test('also when only a single line break follows it', () => {
    const outline = outlineDraft({ format: 'paste', text: pasted.replace('\n\n', '\n') });
    expect(body(outline)).toEqual(['China helfe Russland, sagten US-Beamte.', 'Das sei neu.']);
  });

  test('the teacher’s own title is dropped from the start of the text, in any case and spacing', () => {
    const outline = outlineDraft({ format: 'txt', text: pasted, title: 'china hilft  Moskau bei der Aufrüstung.' });
    expect(outline).toMatchObject({ title: 'china hilft  Moskau bei der Aufrüstung.' });
    expect(body(outline)[0]).toBe('China helfe Russland, sagten US-Beamte.');
  });

  test('a Markdown headline and an HTML page whose first paragraph repeats its title', () => {
    expect(body(outlineDraft({ format: 'md', text: `# ${pasted}` }))[0]).toBe(
      'China helfe Russland, sagten US-Beamte.',
    );
    const html =
      '<html><head><title>Die Lage</title></head><body><article><p>Die Lage</p><p>Erster Satz. Zweiter Satz.</p></article></body></html>';
    const outline = outlineDraft({ format: 'html', text: html });
    expect(outline).toMatchObject({ title: 'Die Lage' });
    expect(body(outline)).toEqual(['Erster Satz.', 'Zweiter Satz.']);
  });

  test('a first line that is a sentence stays in the body; a text that is only a headline keeps it', () => {
    const sentence = 'China helfe Russland, sagten US-Beamte.\n\nDas sei neu.';
    expect(body(outlineDraft({ format: 'paste', text: sentence }))).toEqual([
      'China helfe Russland, sagten US-Beamte.',
      'Das sei neu.',
    ]);
    expect(takeHeadline([{ kind: 'paragraph', text: 'Nur eine Zeile' }], null, 'Nur eine Zeile').blocks).toHaveLength(
      1,
    );
  });
});
