import 'server-only';
import { db } from '@/lib/db.server';

/**
 * Before an account is deleted: the articles it imported and never published go with it. Everything
 * else the account owns is removed by the database's cascades (words, statuses, review cards and log,
 * settings, class memberships and progress; a teacher's classes with their assignments); published
 * articles stay in the library for everyone else, without an owner (schema: onDelete SetNull).
 */
export async function deleteOwnDrafts(user: { id: string }): Promise<void> {
  await db.article.deleteMany({ where: { ownerId: user.id, status: 'draft' } });
}
