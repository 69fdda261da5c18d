// Contract: `npm run --silent glossary:stats` prints the glossary's figures; the last line is `terms: <n>`.
import { glossaryStats } from '@/lib/glossary/queries.server';
import { db } from '@/lib/db.server';

try {
  const stats = await glossaryStats();
  for (const [kind, count] of stats.byKind) console.log(`kind ${kind}: ${count}`);
  for (const [domain, count] of stats.byDomain) console.log(`domain ${domain}: ${count}`);
  console.log(`occurrences: ${stats.occurrences}`);
  console.log(`terms: ${stats.terms}`);
} finally {
  await db.$disconnect();
}
