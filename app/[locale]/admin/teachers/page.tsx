import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditorList } from '@/components/admin/editor-list';
import { InvitationList } from '@/components/admin/invitation-list';
import { InvitationPanel } from '@/components/admin/invitation-panel.client';
import { TeacherRequestList } from '@/components/admin/teacher-request-list';
import { requireAdmin } from '@/lib/auth/guards.server';
import { INVITATION_DAYS } from '@/lib/auth/invitation-token.server';
import { openInvitations, pendingTeacherRequests } from '@/lib/auth/queries.server';
import { env } from '@/lib/env.server';
import { editorCandidates } from '@/lib/glossary/editor-queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'admin')('teachers.title') } : {};
}

/**
 * Admins: teacher sign-ups waiting for approval, invitation links (docs/decisions/021-teacher-approval.md)
 * and who of the teachers edits the glossary (docs/decisions/032-glossary-editor-and-live-refresh.md).
 */
export default async function AdminTeachersPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireAdmin(locale, paths.adminTeachers(locale));
  const [requests, invitations, teachers] = await Promise.all([
    pendingTeacherRequests(),
    openInvitations(),
    editorCandidates(),
  ]);
  const t = getServerT(locale, 'admin');
  return (
    <div className="admin-page">
      <h1>{t('teachers.title')}</h1>
      <p className="lead">{t('teachers.intro')}</p>
      {env.TEACHER_SIGNUP === 'open' ? <p className="notice">{t('teachers.modeOpen')}</p> : null}
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('teachers.pendingTitle')}</h2>
        <TeacherRequestList requests={requests} locale={locale} t={t} />
      </section>
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t('invitations.title')}</h2>
        <p>{t('invitations.intro', { days: INVITATION_DAYS })}</p>
        <InvitationPanel locale={locale} />
        <h3>{t('invitations.openTitle')}</h3>
        <InvitationList invitations={invitations} locale={locale} t={t} />
      </section>
      <section aria-labelledby="editors-title">
        <h2 id="editors-title">{t('glossaryEditor:editors.title')}</h2>
        <p>{t('glossaryEditor:editors.intro')}</p>
        <EditorList teachers={teachers} t={t} />
      </section>
    </div>
  );
}
