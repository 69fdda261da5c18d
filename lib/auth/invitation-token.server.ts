import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// Invitation links for teacher sign-up (docs/decisions/021-teacher-approval.md) carry a random token;
// only its SHA-256 is stored, so neither the database nor a backup of it can be turned into a working
// link.

/** How long an invitation link works after an admin made it. */
export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 256 random bits, URL-safe: the part of the link that is never stored. */
export const newInvitationToken = () => randomBytes(32).toString('base64url');

/** The stored form of a token; a fast hash is enough for 256 random bits. */
export const invitationHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export const invitationExpiry = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
