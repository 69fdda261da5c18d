import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env.server';
import type { Mail, MailTransport } from './types';

/** Sends through the SMTP server at `url` (smtp:// with STARTTLS when offered, smtps:// with TLS) as `from`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail: Mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * Without an SMTP server, development and tests print each e-mail (with its link) to the server
 * console, so a developer can follow a reset link; production has no such fallback, since its logs
 * must never hold a link that takes over an account.
 */
const consoleTransport: MailTransport = {
  async send(mail: Mail) {
    console.info(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
  },
};

/** The app's mail transport, or null in production without SMTP_URL (then nothing is sent: no password reset). */
export const mailTransport: MailTransport | null =
  env.SMTP_URL && env.MAIL_FROM
    ? smtpTransport(env.SMTP_URL, env.MAIL_FROM)
    : env.NODE_ENV === 'production'
      ? null
      : consoleTransport;
