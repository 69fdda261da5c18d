import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { ACTION_BODY_MAX_BYTES, isPlainReply } from './request-guard';

// The encoder the browser uses for server-action arguments (React's encodeReply, as Next ships it).
const { encodeReply } = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-turbopack/client.node.js',
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

describe('isPlainReply', () => {
  test('accepts every plain value as the browser encodes it', async () => {
    const input = {
      text: 'Wort',
      dollar: '$5 and $$',
      missing: undefined,
      when: new Date(0),
      big: 10n,
      odd: [NaN, -0, Infinity, -Infinity, null, true, 3.5, ['nested', { deep: '$D' }]],
    };
    const body = await encodeReply([input]);
    expect(typeof body).toBe('string');
    expect(isPlainReply(body as string)).toBe(true);
  });

  test('refuses what the islands never send: references to parts, bad escapes, no argument list', () => {
    for (const body of ['["$Q1"]', '["$@1"]', '["$1"]', '[{"a":["$F1"]}]', '["$nope"]', '{"a":1}', '5', '', 'x']) {
      expect(isPlainReply(body), body).toBe(false);
    }
  });

  test('walks deeply nested input without running out of stack', () => {
    const depth = 100_000;
    expect(isPlainReply('['.repeat(depth) + '"$Q1"' + ']'.repeat(depth))).toBe(false);
  });
});

test('the size limit is the one next.config.mjs gives server actions', async () => {
  const config = new URL('../next.config.mjs', import.meta.url).href;
  const { default: nextConfig } = (await import(config)) as {
    default: { experimental: { serverActions: { bodySizeLimit: string } } };
  };
  expect(nextConfig.experimental.serverActions.bodySizeLimit).toBe(`${ACTION_BODY_MAX_BYTES / 1024 / 1024}mb`);
});
