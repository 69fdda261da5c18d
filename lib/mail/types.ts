/** One plain-text e-mail the app sends (password reset links). */
export type Mail = { to: string; subject: string; text: string };

/** Where the app's e-mail goes: an SMTP server, or (development, tests without SMTP) the server console. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
}
