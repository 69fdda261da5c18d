import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReviewSession } from '@/components/review/review-session.client';
import { requireUser } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { getReviewQueue } from '@/lib/review/service.server';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'review')('session.title') } : {};
}

export default async function ReviewPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.review(locale));
  const queue = await getReviewQueue(user.id);
  const t = getServerT(locale, 'review');
  return (
    <div className="review">
      <h1>{t('session.title')}</h1>
      <p className="muted" data-testid="review-summary">
        {t('session.summary', {
          due: queue.dueCount,
          new: queue.newCount,
          done: queue.doneToday,
          later: queue.laterToday,
        })}
      </p>
      <ReviewSession cards={queue.cards} locale={locale} laterToday={queue.laterToday} dayEnd={queue.dayEnd} />
      <p className="muted review-help">{t('session.keys')}</p>
    </div>
  );
}
