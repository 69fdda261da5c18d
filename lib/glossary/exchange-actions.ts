'use server';
import { perform } from '@/lib/action.server';
import { applyGlossaryImport, previewGlossaryImport } from './exchange.server';

// Server actions are public endpoints: each performs its command as the user of the session cookie
// (lib/action.server.ts), whose guard lets only glossary editors through.

/** What importing a TBX or CSV text would do, entry by entry, with every error; writes nothing. */
export async function previewGlossaryImportAction(text: unknown) {
  return perform(previewGlossaryImport, text);
}
/** Imports a TBX or CSV text: the server parses it again, and a file with any error writes nothing. */
export async function applyGlossaryImportAction(text: unknown) {
  return perform(applyGlossaryImport, text);
}
