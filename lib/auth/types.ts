// Plain view types of accounts for components (docs/decisions/021-teacher-approval.md).

/** A teacher sign-up waiting for an admin's approval. */
export type TeacherRequestView = { id: string; name: string; email: string; requestedAt: Date };

/** An invitation link nobody has used yet; the link itself is not stored. */
export type InvitationView = { id: string; createdBy: string | null; createdAt: Date; expiresAt: Date };

/** What an invitation token names: a link that still works, one already used, one past its time, or nothing. */
export type InvitationStatus = 'open' | 'used' | 'expired' | 'unknown';
