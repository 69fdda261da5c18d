'use client';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import type { Result } from '@/lib/result';

/** What an island shows when the server could not be reached or failed unexpectedly. */
export const ACTION_FAILED = 'errors:action.failed';

type Options<T> = {
  /** After a success, before the page is refreshed (e.g. clear a create form). */
  onSuccess?: (data: T, form: HTMLFormElement | null) => void;
  /** Refresh the server-rendered page after a success (default true). */
  refresh?: boolean;
};

/**
 * The one way an island calls a server action, on React 19's useActionState: `run(input)` sends it;
 * `pending` while it runs; `errors` holds the failure's i18n keys (`form` and one per field) until
 * the next run; `done` after a success, which also refreshes the page. A thrown error (network, bug)
 * becomes ACTION_FAILED. Nothing the user typed is cleared on a failure.
 */
export function useAction<I, T>(action: (input: I) => Promise<Result<T>>, options: Options<T> = {}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [result, dispatch, pending] = useActionState<Result<T> | null, I>(async (_previous, input) => {
    let next: Result<T>;
    try {
      next = await action(input);
    } catch {
      return { ok: false, error: ACTION_FAILED };
    }
    if (next.ok) {
      options.onSuccess?.(next.data, formRef.current);
      if (options.refresh ?? true) router.refresh();
    }
    return next;
  }, null);
  const errors: Record<string, string> = result && !result.ok ? { ...result.fieldErrors, form: result.error } : {};

  // After a refused submit, focus goes to the first field to fix, whose error is read out with it.
  useEffect(() => {
    if (result && !result.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result]);

  const run = (input: I) => startTransition(() => dispatch(input));
  return { run, pending, errors, result, done: result?.ok === true, formRef };
}

/**
 * useAction for a form: `onSubmit` turns the form's data into the action's input with `toInput`.
 * The submit is handled here rather than through `<form action>`, which would reset the form's fields
 * even when the server refused them.
 */
export function useActionForm<I, T>(
  action: (input: I) => Promise<Result<T>>,
  toInput: (form: FormData) => I,
  options: Options<T> = {},
) {
  const state = useAction(action, options);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    state.run(toInput(new FormData(event.currentTarget)));
  };
  return { ...state, onSubmit };
}
