'use client';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action.client';
import { renameAction } from '@/lib/auth/actions';

export function ProfileNameForm({ name }: { name: string }) {
  const { t } = useTranslation('account');
  const { onSubmit, pending, done, errors, formRef } = useActionForm(renameAction, (form) => ({
    name: form.get('name'),
  }));
  return (
    <form ref={formRef} className="form form--inline" onSubmit={onSubmit} noValidate>
      <FormError message={errors.form && t(errors.form)} />
      <TextField
        id="profile-name"
        name="name"
        defaultValue={name}
        autoComplete="name"
        label={t('fields.name')}
        error={errors.name && t(errors.name)}
      />
      <button type="submit" className="button" disabled={pending}>
        {t('profile.save')}
      </button>
      <p role="status" className="form__status">
        {done && !pending ? t('profile.saved') : ''}
      </p>
    </form>
  );
}
