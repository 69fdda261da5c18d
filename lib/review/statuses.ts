// The vocabulary statuses as review sees them. lib/vocabulary owns the statuses (its status.ts is
// being written alongside); this copy is the same list, to be replaced by an import once it lands.
export const ENTRY_STATUSES = ['new', 'learning-1', 'learning-2', 'learning-3', 'learning-4', 'known', 'ignored'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Statuses whose cards are reviewed; known and ignored words keep their cards but are skipped. */
export const REVIEWED_STATUSES = ['new', 'learning-1', 'learning-2', 'learning-3', 'learning-4'] as const satisfies readonly EntryStatus[];

export function isEntryStatus(value: string): value is EntryStatus {
  return (ENTRY_STATUSES as readonly string[]).includes(value);
}
