import 'server-only';
import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { env } from './env.server';

// How long the event loop goes without a turn, and how much of that time this thread spent on a CPU:
// for bench/stalls.bench.ts (EVENT_LOOP_LOG) and the stall tests. On a busy machine a thread also
// waits for a CPU; the CPU time is what this process's own code held the loop for.

/** This thread's time on a CPU in ms (Linux's /proc/thread-self/schedstat, in ns), or null where there is none. */
export function threadCpuMs(): number | null {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** A turn of the event loop that came late: when it came (epoch ms), how long since the last, and this thread's CPU time in between. */
export type Stall = { end: number; wallMs: number; cpuMs: number | null };

/**
 * Watches this thread's event loop with a timer every `tickMs`: each turn that comes more than
 * `thresholdMs` after the last is reported. Returns the function that stops watching.
 */
export function watchEventLoop(
  onStall: (stall: Stall) => void,
  { tickMs = 5, thresholdMs = 20 }: { tickMs?: number; thresholdMs?: number } = {},
): () => void {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    if (now - last > thresholdMs)
      onStall({
        end: Date.now(),
        wallMs: now - last,
        cpuMs: cpu === null || lastCpu === null ? null : cpu - lastCpu,
      });
    last = now;
    lastCpu = cpu;
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * With EVENT_LOOP_LOG set (benchmarks only), the server appends each stall to that file as a JSON
 * line, and each garbage collection that paused it for 10 ms or more (`{ end, gcMs }`).
 */
export function startEventLoopLog(): void {
  const file = env.EVENT_LOOP_LOG;
  if (!file) return;
  const log = (line: object) => fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  watchEventLoop(log);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.duration >= 10)
        log({ end: performance.timeOrigin + entry.startTime + entry.duration, gcMs: entry.duration });
  }).observe({ entryTypes: ['gc'] });
}
