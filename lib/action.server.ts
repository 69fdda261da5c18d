import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session.server';
import { AppError, failureOf, InvalidInputError, SignedOutError } from '@/lib/errors';
import type { Result } from '@/lib/result';

// The one action pipeline. A command says what its input is (a zod schema), who may run it (a guard),
// what it does (run, with the parsed input and the acting user) and which shared cached pages it
// changes. `perform` runs it for the user of the session: signed in? → parse → guard → run →
// revalidate, and turns the shared errors of lib/errors.ts into a Result. A 'use server' file holds
// nothing but one-line actions that perform a command.

/** Who is acting: proved by the session cookie, never taken from the input. */
export type Actor = { userId: string };

/** Refuses by throwing (ForbiddenError, NotFoundError …); returns when the actor may run the command. */
export type Guard<I> = (actor: Actor, input: I) => Promise<void>;

export type Command<S extends z.ZodType, T> = {
  /** The untrusted input's schema; its messages are i18n keys. */
  input: S;
  /** The form's key when the input is refused and no issue names the whole form. */
  invalid: string;
  guard: Guard<z.output<S>>;
  run: (actor: Actor, input: z.output<S>) => Promise<T>;
  /** Paths of shared cached pages that a success changes (pages are tagged with their path). */
  revalidates?: (data: T) => readonly string[];
};

/** Declares a command (only for type inference). */
export function command<S extends z.ZodType, T>(definition: Command<S, T>): Command<S, T> {
  return definition;
}

/** Runs the command as `actor` (null: signed out); refusals throw the errors of lib/errors.ts. */
export async function execute<S extends z.ZodType, T>(
  actor: Actor | null,
  definition: Command<S, T>,
  input: unknown,
): Promise<T> {
  if (!actor) throw new SignedOutError();
  const parsed = definition.input.safeParse(input);
  if (!parsed.success) throw InvalidInputError.of(parsed.error.issues, definition.invalid);
  await definition.guard(actor, parsed.data);
  return definition.run(actor, parsed.data);
}

/** The command as `actor`, without the request, as a Result: what tests and scripts call. */
export async function performAs<S extends z.ZodType, T>(
  actor: Actor | null,
  definition: Command<S, T>,
  input: unknown,
): Promise<Result<T>> {
  try {
    return { ok: true, data: await execute(actor, definition, input) };
  } catch (error) {
    if (error instanceof AppError) return failureOf(error);
    throw error;
  }
}

/** The signed-in user of this request as an Actor, or null. */
export async function currentActor(): Promise<Actor | null> {
  const user = await getCurrentUser();
  return user && { userId: user.id };
}

/** The command as the signed-in user of this request; on success its cached pages are revalidated. */
export async function perform<S extends z.ZodType, T>(definition: Command<S, T>, input: unknown): Promise<Result<T>> {
  const result = await performAs(await currentActor(), definition, input);
  if (result.ok) for (const path of definition.revalidates?.(result.data) ?? []) revalidatePath(path);
  return result;
}
