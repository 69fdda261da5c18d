'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ClassroomResult } from '@/lib/classroom/types';

/**
 * A classroom form's submit: send the form's data through a server action, keep its field and form
 * errors (i18n keys) or say it succeeded, and refresh the page. The form is never cleared on a
 * failure; `onSuccess` may clear it (a create form) or leave it as saved (an edit form).
 */
export function useClassroomSubmit(
  send: (form: FormData) => Promise<ClassroomResult<unknown>>,
  onSuccess?: (form: HTMLFormElement) => void,
) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  // After a refused save, focus goes to the first field to fix, whose error is read out with it.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setPending(true);
    setDone(false);
    try {
      const result = await send(new FormData(formElement));
      if (!result.ok) return setErrors({ ...(result.fieldErrors ?? {}), form: result.error });
      setErrors({});
      setDone(true);
      onSuccess?.(formElement);
      router.refresh();
    } catch {
      setErrors({ form: 'classroom:form.failed' });
    } finally {
      setPending(false);
    }
  };
  return { formRef, errors, pending, done, onSubmit };
}
