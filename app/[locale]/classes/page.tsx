import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClassForm } from '@/components/classroom/class-form.client';
import { ClassList } from '@/components/classroom/class-list';
import { JoinClassForm } from '@/components/classroom/join-class-form.client';
import { requireUser } from '@/lib/auth/guards.server';
import { classesOf } from '@/lib/classroom/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'classroom')('classes.title') } : {};
}

/** Teachers: their classes and a form for a new one. Everyone else: the classes they joined, and joining by code. */
export default async function ClassesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.classes(locale));
  const t = getServerT(locale, 'classroom');
  const { teaching, joined } = await classesOf(user);
  return (
    <div className="classes-page">
      <h1>{t('classes.title')}</h1>
      {teaching ? (
        <>
          <p className="lead">{t('classes.introTeacher')}</p>
          <section aria-labelledby="teaching-title">
            <h2 id="teaching-title">{t('classes.teaching')}</h2>
            <ClassList classes={teaching} role="teacher" locale={locale} t={t} />
          </section>
          <section aria-labelledby="create-title">
            <h2 id="create-title">{t('classes.createTitle')}</h2>
            <ClassForm />
          </section>
        </>
      ) : (
        <p className="lead">{t('classes.introStudent')}</p>
      )}
      {!teaching || joined.length ? (
        <section aria-labelledby="joined-title">
          <h2 id="joined-title">{t('classes.joined')}</h2>
          <ClassList classes={joined} role="student" locale={locale} t={t} />
        </section>
      ) : null}
      {!teaching ? (
        <section aria-labelledby="join-title">
          <h2 id="join-title">{t('join.title')}</h2>
          <JoinClassForm />
        </section>
      ) : null}
    </div>
  );
}
