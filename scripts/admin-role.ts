// `npm run admin:grant -- <email>`: makes an existing account an admin, who approves teachers and makes
// invitation links at /<locale>/admin/teachers. `npm run admin:revoke -- <email>` makes an admin a teacher
// again. Whoever can run this can reach the database anyway (docs/decisions/021-teacher-approval.md).
import { setAdmin } from '@/lib/auth/accounts.server';
import { db } from '@/lib/db.server';
import { closeSharedRedis } from '@/lib/page-cache/redis.mjs';

const [command, email] = process.argv.slice(2);
if ((command !== 'grant' && command !== 'revoke') || !email) {
  console.error('usage: npm run admin:grant -- <email>   |   npm run admin:revoke -- <email>');
  process.exit(2);
}
try {
  const { name, role } = await setAdmin(email, command === 'revoke');
  console.log(`${email} (${name}) is now ${role === 'admin' ? 'an admin' : 'a teacher'}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await closeSharedRedis(); // sessions made through better-auth with REDIS_URL
}
