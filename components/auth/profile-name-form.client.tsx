'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { renameAction } from '@/lib/auth/actions';
import { FormError } from '@/components/forms/messages';

export function ProfileNameForm({ name }: { name: string }) {
  const { t } = useTranslation('account');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const result = await renameAction({ name: new FormData(event.currentTarget).get('name') });
    setErrors(result.ok ? {} : { ...result.fieldErrors, ...(result.formError ? { form: result.formError } : {}) });
    setSaved(result.ok);
  };
  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate>
      <FormError message={errors.form && t(errors.form)} />
      <TextField
        id="profile-name"
        name="name"
        defaultValue={name}
        autoComplete="name"
        label={t('fields.name')}
        error={errors.name && t(errors.name)}
      />
      <button type="submit" className="button">
        {t('profile.save')}
      </button>
      <p role="status" className="form__status">
        {saved ? t('profile.saved') : ''}
      </p>
    </form>
  );
}
