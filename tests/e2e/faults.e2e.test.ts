import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { missingServices } from '../../scripts/cluster.mjs';
import { REPO_ROOT } from '../setup/databases';

// Issue 15's fault drills (scripts/drill-faults.ts) as CI runs them: on the e2e suite's build, a
// cluster of its own and a PostgreSQL server of its own, every drill prints `<name>: ok …`.
const missing = missingServices();
if (missing.length && process.env.CI === 'true') throw new Error(`fault drills: missing ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('fault drills', () => {
  test('every drill holds', { timeout: 900_000 }, () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/drill-faults.ts'],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 880_000 },
    );
    const lines = run.stdout.split('\n').filter((line) => /^[\w-]+: (ok|FAIL)/.test(line));
    console.log(run.stdout);
    expect(run.stderr.trim() ? `${lines.join('\n')}\n${run.stderr.slice(-2000)}` : lines.join('\n')).not.toMatch(
      /: FAIL/,
    );
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(run.status).toBe(0);
  });
});
