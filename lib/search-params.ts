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
