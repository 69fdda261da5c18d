'use client';
import { useState } from 'react';
import type { z } from 'zod';
import { authErrorKey, throttledMessage } from '@/lib/auth/errors';
import { INVALID } from '@/lib/auth/schema';
import { fieldErrorsOf } from '@/lib/result';

type AuthResponse = { error: { status?: number; code?: string } | null };
/** better-fetch's options for one auth request: here, to read a refusal's headers (Retry-After). */
export type AuthFetchOptions = { onError: (context: { response: Response }) => void };

/** A form's message: its i18n key, and the values it is formatted with (the seconds to wait). */
export type FormMessage = { key: string; values?: Record<string, number> };

/** The form's message for a failed auth request: a throttled one says how long to wait. */
export function authFailure(error: { status?: number; code?: string }, response: Response | null): FormMessage {
  return error.status === 429 && response ? throttledMessage(response.headers) : { key: authErrorKey(error) };
}

/**
 * The sign-in and sign-up forms' submit: check the fields with the shared schema, send them to
 * /api/auth, show field or form errors as i18n keys (a throttled request with how long to wait), and
 * on success load `destination` (or where it says for the data sent) in full, so every part of the
 * page sees the new session.
 */
export function useAuthSubmit<S extends z.ZodType>(
  schema: S,
  send: (data: z.output<S>, options: AuthFetchOptions) => Promise<AuthResponse>,
  destination: string | ((data: z.output<S>) => string),
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formValues, setFormValues] = useState<Record<string, number>>({});
  const [pending, setPending] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues, INVALID));
    setPending(true);
    setErrors({});
    let response: Response | null = null;
    const { error } = await send(parsed.data, {
      onError: (context) => {
        response = context.response;
      },
    });
    if (error) {
      setPending(false);
      const message = authFailure(error, response);
      setFormValues(message.values ?? {});
      return setErrors({ form: message.key });
    }
    window.location.assign(typeof destination === 'string' ? destination : destination(parsed.data));
  };
  return { errors, formValues, pending, onSubmit };
}
