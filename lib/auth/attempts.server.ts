import 'server-only';
import type { Db } from '@/lib/db.server';

/** Sign-in attempts per e-mail address: 10 per 15 minutes, whatever address they come from. */
export const ACCOUNT_ATTEMPTS = { max: 10, windowMs: 15 * 60 * 1000 } as const;

/**
 * Counts one sign-in attempt for `email` and says whether it may go ahead. better-auth limits per
 * client address, which a botnet (or a forged X-Forwarded-For without a proxy) side-steps; this
 * second counter protects each account. Stored in better-auth's RateLimit table under its own prefix.
 */
export async function consumeSignInAttempt(db: Db, email: string, now = Date.now()): Promise<boolean> {
  const key = `account|${email.trim().toLowerCase()}`;
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    if (!row || now - Number(row.lastRequest) > ACCOUNT_ATTEMPTS.windowMs) {
      await tx.rateLimit.upsert({
        where: { key },
        create: { key, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      });
      return true;
    }
    if (row.count >= ACCOUNT_ATTEMPTS.max) return false;
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return true;
  });
}
