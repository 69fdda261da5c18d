import { expect, test, vi } from 'vitest';
import { RANK } from './form-table';
import { addFunctionWords, FUNCTION_WORDS } from './function-words';

test.each([
  ['der', ['der', 'die', 'das', 'den', 'dem', 'des', 'deren', 'dessen', 'denen', 'derer']],
  ['ein', ['ein', 'eine', 'einen', 'einem', 'einer', 'eines']],
  ['ihr', ['ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres', 'euch']],
  [
    'unser',
    ['unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres', 'unsre', 'unsren', 'unsrem', 'unsrer', 'unsres'],
  ],
  ['dieser', ['dieser', 'diese', 'dieses', 'diesen', 'diesem']],
  ['wir', ['wir', 'uns']],
  ['einschließlich', ['einschließlich']],
])('%s has the forms %j', (lemma, forms) => {
  expect(FUNCTION_WORDS[lemma]).toEqual(forms);
});

test('every form becomes an OTHER reading that ranks before every other kind', () => {
  const sink = { add: vi.fn(), addSeparable: vi.fn() };
  addFunctionWords(sink);
  expect(sink.add).toHaveBeenCalledWith('dem', 'der', 'OTHER', RANK.functionWord);
  expect(sink.add).toHaveBeenCalledWith('uns', 'wir', 'OTHER', RANK.functionWord);
  expect(sink.add).toHaveBeenCalledWith('einen', 'ein', 'OTHER', RANK.functionWord);
  expect(sink.add).toHaveBeenCalledTimes(Object.values(FUNCTION_WORDS).flat().length);
  expect(sink.addSeparable).not.toHaveBeenCalled();
  expect(Math.min(...Object.values(RANK))).toBe(RANK.functionWord);
});
