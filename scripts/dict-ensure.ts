// `npm run dict:ensure [-- <path>]`, the last step of `npm run setup`: puts the general German–English
// dictionary in place. Imports Debian's trans-de-en list (/usr/share/trans/de-en, or the given path)
// when the database holds none or an older one; otherwise does nothing (it compares the file's hash).
// Without the file it says how to install it and exits 0: the app works without, word cards then show
// glossary meanings only. Exit 1 when the file is there but cannot be imported.
import path from 'node:path';
import { db } from '@/lib/db.server';
import { DEFAULT_DICTIONARY_FILE, ensureDictionary } from '@/lib/dictionary/setup.server';

async function main(args: readonly string[]): Promise<number> {
  const file = path.resolve(args[0]?.trim() || DEFAULT_DICTIONARY_FILE);
  const started = performance.now();
  try {
    const outcome = await ensureDictionary(db, file, {
      onProgress: ({ senses }) => {
        if (senses % 100_000 === 0) process.stderr.write(`… ${senses} senses\n`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    switch (outcome.action) {
      case 'imported':
        console.log(`dictionary: imported ${outcome.result.senses} senses from ${file} in ${seconds} s`);
        break;
      case 'current':
        console.log(`dictionary: up to date (${outcome.senses} senses from ${file})`);
        break;
      case 'kept':
        console.log(`dictionary: keeping the import from ${outcome.file} (${outcome.senses} senses)`);
        break;
      case 'absent':
        console.log(
          `dictionary: ${file} not found${outcome.stored ? `; keeping the stored ${outcome.stored} senses` : ''}. ` +
            "Word cards show only glossary meanings without it: install Debian's list with " +
            '`sudo apt-get install trans-de-en` and run `npm run setup` again.',
        );
        break;
    }
    return 0;
  } catch (error) {
    process.stderr.write(`dictionary: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
