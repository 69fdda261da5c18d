'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { createClassAction } from '@/lib/classroom/actions';

/** A teacher's new class: a name and an optional description; the join code is made by the server. */
export function ClassCreateForm() {
  const { t } = useTranslation('classroom');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setCreated(false);
    try {
      const result = await createClassAction({ name: form.get('name'), description: form.get('description') ?? '' });
      if (result.ok) {
        setErrors({});
        setCreated(true);
        formElement.reset();
        router.refresh();
      } else setErrors({ ...(result.fieldErrors ?? {}), form: result.error });
    } catch {
      setErrors({ form: 'classroom:form.failed' });
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate data-testid="class-create-form">
      {errors.form ? (
        <p className="form__error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <TextField id="class-name" name="name" required maxLength={100} label={t('classes.nameLabel')} error={errors.name && t(errors.name)} />
      <TextField id="class-description" name="description" maxLength={500} label={t('classes.descriptionLabel')} hint={t('classes.descriptionHint')} error={errors.description && t(errors.description)} />
      <button type="submit" className="button button--primary" disabled={pending}>
        {t('classes.create')}
      </button>
      <p role="status" className="form__status">
        {created ? t('classes.created') : ''}
      </p>
    </form>
  );
}
