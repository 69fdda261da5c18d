// Join codes: short, typed by students, read aloud in class. Pure, safe on server and client.

/** Capital letters and digits without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * A fresh code from the platform's cryptographic random source. Rejection sampling keeps every
 * letter equally likely (256 is not a multiple of the alphabet's size).
 */
export function generateJoinCode(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const size = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(JOIN_CODE_LENGTH * 2))) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % size];
    }
  }
  return code;
}

/** What a student typed, as stored: spaces and hyphens dropped ("abcd-efgh" → "ABCDEFGH"). */
export function normalizeJoinCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐‑–—]/g, '')
    .toUpperCase();
}

export function isJoinCode(input: string): boolean {
  return JOIN_CODE_PATTERN.test(input);
}
