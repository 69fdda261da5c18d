import 'server-only';
import { getCurrentUser } from './session.server';

/** What a server action answers when the request has no session (signed out, or it expired). */
export const SIGNED_OUT: { ok: false; error: string; fieldErrors?: undefined } = {
  ok: false,
  error: 'account:errors.signedOut',
};

/**
 * Server actions are public endpoints: each runs as the signed-in user of its own request, found from
 * the session cookie — never from its input — or answers SIGNED_OUT.
 */
export async function asSignedInUser<R extends { ok: boolean }>(
  run: (userId: string) => Promise<R>,
): Promise<R | typeof SIGNED_OUT> {
  const user = await getCurrentUser();
  return user ? run(user.id) : SIGNED_OUT;
}
