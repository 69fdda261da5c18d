'use client';
import { useState } from 'react';
import type { z } from 'zod';
import { authErrorKey } from '@/lib/auth/errors';
import { INVALID } from '@/lib/auth/schema';
import { fieldErrorsOf } from '@/lib/result';

type AuthResponse = { error: { status?: number; code?: string } | null };

/**
 * The sign-in and sign-up forms' submit: check the fields with the shared schema, send them to
 * /api/auth, show field or form errors as i18n keys, and on success load `destination` (or where it
 * says for the data sent) in full, so every part of the page sees the new session.
 */
export function useAuthSubmit<S extends z.ZodType>(
  schema: S,
  send: (data: z.output<S>) => Promise<AuthResponse>,
  destination: string | ((data: z.output<S>) => string),
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues, INVALID));
    setPending(true);
    setErrors({});
    const { error } = await send(parsed.data);
    if (error) {
      setPending(false);
      return setErrors({ form: authErrorKey(error) });
    }
    window.location.assign(typeof destination === 'string' ? destination : destination(parsed.data));
  };
  return { errors, pending, onSubmit };
}
