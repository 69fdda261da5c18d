// The one way the benchmarks read a set of timings: nearest-rank percentiles over the sorted values.

/** The value below which the fraction `q` (0–1) of `sorted` (ascending) lies; 0 for no values. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** How many timings, their median, 99th percentile and maximum. */
export function latencySummary(values: readonly number[]): { count: number; p50: number; p99: number; max: number } {
  const sorted = values.toSorted((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
}
