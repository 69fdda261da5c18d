import { describe, expect, test } from 'vitest';
import { resources } from './resources';
import { resourcesFor, SHARED_NAMESPACES, SHARED_PARTS } from './server';

describe('the strings a page ships to its islands', () => {
  test('a namespace with parts ships only those sections, whole; the others whole', () => {
    const shipped = resourcesFor('de', SHARED_NAMESPACES, SHARED_PARTS).de!;
    const account = shipped.account as Record<string, unknown>;
    expect(Object.keys(account)).toEqual(['errors', 'menu', 'signOut', 'signIn', 'signUp']);
    expect(account.menu).toEqual(resources.de.account.menu);
    expect(shipped.common).toEqual(resources.de.common);
  });

  test('every page keeps the account menu and every error key a server result can carry', () => {
    const shipped = resourcesFor('en', SHARED_NAMESPACES, SHARED_PARTS).en!.account as Record<string, unknown>;
    for (const part of ['menu', 'errors', 'signOut'] as const)
      expect(shipped[part]).toEqual(resources.en.account[part]);
    expect(JSON.stringify(shipped).length).toBeLessThan(JSON.stringify(resources.en.account).length / 1.5);
  });
});
