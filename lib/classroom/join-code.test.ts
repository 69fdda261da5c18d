import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateJoinCode, isJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from './join-code';
import { JoinClassSchema } from './schema';

describe('join codes', () => {
  test('are eight letters and digits without look-alikes', () => {
    for (const c of '01ILO') expect(JOIN_CODE_ALPHABET).not.toContain(c);
    const codes = Array.from({ length: 200 }, () => generateJoinCode());
    for (const code of codes) {
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(isJoinCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('use every random byte fairly: bytes past the last full alphabet round are skipped', () => {
    const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
    let call = 0;
    // First call: only unusable bytes; second: 0, 1, 2, …
    const code = generateJoinCode((bytes) => (call++ === 0 ? bytes.fill(limit) : bytes.map((_, i) => i)));
    expect(call).toBe(2);
    expect(code).toBe(JOIN_CODE_ALPHABET.slice(0, JOIN_CODE_LENGTH));
  });

  test('typed input is normalised: case, spaces and hyphens do not matter', () => {
    expect(normalizeJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeJoinCode('AB CD\tEF–GH')).toBe('ABCDEFGH');
    expect(JoinClassSchema.parse({ code: 'k7m2-p9qr' })).toEqual({ code: 'K7M2P9QR' });
    expect(JoinClassSchema.safeParse({ code: 'K7M2P9Q0' }).success).toBe(false); // 0 is not in the alphabet
    expect(JoinClassSchema.safeParse({ code: 'K7M2P9Q' }).success).toBe(false);
    expect(JoinClassSchema.safeParse({ code: 42 }).success).toBe(false);
  });

  test('a generated code survives normalisation unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (seed) => {
        const code = generateJoinCode(() => seed.map((b) => b % JOIN_CODE_ALPHABET.length));
        expect(normalizeJoinCode(code.toLowerCase())).toBe(code);
      }),
    );
  });
});
