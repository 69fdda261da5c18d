import { z } from 'zod';

/**
 * An optional text parameter of a page's address (a search, a filter): trimmed, at most `max`
 * characters. An empty, too long or garbled value is no value: a bad link never fails its page.
 */
export const optionalSearchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((text) => text || undefined);

/**
 * How a search compares text where SQL cannot (SQLite folds ASCII only): NFC, then German lower case
 * (umlauts, ẞ). PostgreSQL's lower() and ILIKE fold the same under a UTF-8 ctype.
 */
export const foldCase = (text: string) => text.normalize('NFC').toLocaleLowerCase('de');
