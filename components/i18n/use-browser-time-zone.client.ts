'use client';
import { useSyncExternalStore } from 'react';

const read = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const neverChanges = () => () => {};

/**
 * The browser's IANA time zone once hydrated; undefined on the server, which does not know it, and
 * while hydrating, so that server and browser render the same first markup.
 */
export function useBrowserTimeZone(): string | undefined {
  return useSyncExternalStore(neverChanges, read, () => undefined);
}
