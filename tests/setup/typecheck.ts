// `npm test`'s typecheck: tsc over the project together with Next's route types (the props of pages and
// layouts, the signatures of route handlers), which `next typegen` writes into the test build's
// directory. So they are checked on a fresh clone too, and the end-to-end build need not check again.
import { spawnSync } from 'node:child_process';
import { keepingNextEnv, TEST_BUILD_ENV, TEST_TSCONFIG } from './app-server';
import { REPO_ROOT } from './databases';

const node = (args: string[]) =>
  spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...TEST_BUILD_ENV, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  }).status ?? 1;

process.exitCode = keepingNextEnv(
  () =>
    node(['node_modules/next/dist/bin/next', 'typegen']) ||
    node(['node_modules/typescript/bin/tsc', '--noEmit', '-p', TEST_TSCONFIG]),
);
