// The one way the benchmarks read a set of timings: nearest-rank percentiles over the sorted values.

/** The value below which the fraction `q` (0–1) of `sorted` (ascending) lies; 0 for no values. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** How many timings, their median, 95th and 99th percentile and maximum. */
export function latencySummary(values: readonly number[]): {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
} {
  const sorted = values.toSorted((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/** One request of a load run: its kind, its time, whether it answered as it should, whether it timed out. */
export type Outcome<Kind extends string = string> = { kind: Kind; ms: number; ok: boolean; timedOut: boolean };

/** A load run's requests summed up: how many, the errors (not timeouts) and timeouts, and the latencies. */
export function outcomeSummary(outcomes: readonly Outcome[]) {
  const { count, p50, p95, p99, max } = latencySummary(outcomes.map((o) => o.ms));
  return {
    requests: count,
    errors: outcomes.filter((o) => !o.ok && !o.timedOut).length,
    timeouts: outcomes.filter((o) => o.timedOut).length,
    p50,
    p95,
    p99,
    max,
  };
}
