'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action.client';
import { useBrowserTimeZone } from '@/components/i18n/use-browser-time-zone.client';
import { updateSettingsAction } from '@/lib/review/actions';
import type { LearnerSettingsView } from '@/lib/review/types';

/** Daily review limits and the time zone the learner's day starts in (browser's zone offered). */
export function LearnerSettingsForm({ settings }: { settings: LearnerSettingsView }) {
  const { t } = useTranslation('review');
  const { onSubmit, pending, errors, done, formRef } = useActionForm(updateSettingsAction, (form) => ({
    newCardsPerDay: form.get('newCardsPerDay'),
    reviewsPerDay: form.get('reviewsPerDay'),
    timeZone: form.get('timeZone'),
  }));
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const browserZone = useBrowserTimeZone();
  const offerBrowserZone = browserZone !== undefined && browserZone !== timeZone;
  return (
    <form ref={formRef} className="form" method="post" onSubmit={onSubmit} noValidate data-testid="learner-settings">
      <FormError message={errors.form && t(errors.form)} />
      <TextField
        id="new-per-day"
        name="newCardsPerDay"
        type="number"
        min={0}
        max={200}
        defaultValue={settings.newCardsPerDay}
        label={t('settings.newCardsPerDay')}
        error={errors.newCardsPerDay && t(errors.newCardsPerDay)}
      />
      <TextField
        id="reviews-per-day"
        name="reviewsPerDay"
        type="number"
        min={0}
        max={2000}
        defaultValue={settings.reviewsPerDay}
        label={t('settings.reviewsPerDay')}
        error={errors.reviewsPerDay && t(errors.reviewsPerDay)}
      />
      <TextField
        id="time-zone"
        name="timeZone"
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
        label={t('settings.timeZone')}
        hint={offerBrowserZone ? t('settings.timeZoneHint', { zone: browserZone }) : undefined}
        error={errors.timeZone && t(errors.timeZone)}
      />
      {offerBrowserZone ? (
        <p>
          <button
            type="button"
            className="button button--small"
            onClick={() => setTimeZone(browserZone)}
            data-testid="use-browser-zone"
          >
            {t('settings.useBrowserZone', { zone: browserZone })}
          </button>
        </p>
      ) : null}
      <button type="submit" className="button">
        {t('settings.save')}
      </button>
      <p role="status" className="form__status">
        {done && !pending ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
