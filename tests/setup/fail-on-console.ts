import { afterEach, vi } from 'vitest';

// An unexpected console.error or console.warn fails the test that caused it.
const calls: string[] = [];
for (const level of ['error', 'warn'] as const) {
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    calls.push(`console.${level}: ${args.map(String).join(' ')}`);
  });
}
afterEach(() => {
  const seen = calls.splice(0);
  if (seen.length) throw new Error(`Unexpected console output:\n${seen.join('\n')}`);
});
