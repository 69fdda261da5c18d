'use client';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action.client';
import { createClassAction, updateClassAction } from '@/lib/classroom/actions';
import { CLASS_DESCRIPTION_MAX, CLASS_NAME_MAX } from '@/lib/classroom/limits';

type EditedClass = { classId: string; name: string; description: string };

/**
 * A class's name and optional description: a new class (the join code is made by the server) or,
 * given `editing`, the changed name and description of an existing one.
 */
export function ClassForm({ editing }: { editing?: EditedClass }) {
  const { t } = useTranslation('classroom');
  // A new class's form is emptied after creating it; an edit form keeps what was saved.
  const { formRef, errors, pending, done, onSubmit } = useActionForm(
    editing ? updateClassAction : createClassAction,
    (form) => ({
      ...(editing && { classId: editing.classId }),
      name: form.get('name'),
      description: form.get('description') ?? '',
    }),
    { onSuccess: editing ? undefined : (_class, form) => form?.reset() },
  );
  const idPrefix = editing ? 'class-edit' : 'class';
  return (
    <form
      ref={formRef}
      className="form"
      method="post"
      onSubmit={onSubmit}
      noValidate
      data-testid={editing ? 'class-edit-form' : 'class-create-form'}
    >
      <FormError message={errors.form && t(errors.form)} />
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        required
        maxLength={CLASS_NAME_MAX}
        defaultValue={editing?.name}
        label={t('classes.nameLabel')}
        error={errors.name && t(errors.name)}
      />
      <TextField
        id={`${idPrefix}-description`}
        name="description"
        maxLength={CLASS_DESCRIPTION_MAX}
        defaultValue={editing?.description}
        label={t('classes.descriptionLabel')}
        hint={t('classes.descriptionHint')}
        error={errors.description && t(errors.description)}
      />
      <button type="submit" className="button button--primary" disabled={pending}>
        {editing ? t('classes.save') : t('classes.create')}
      </button>
      <p role="status" className="form__status">
        {done ? (editing ? t('classes.saved') : t('classes.created')) : ''}
      </p>
    </form>
  );
}
