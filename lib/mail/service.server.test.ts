import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMailCatcher } from '@/tests/setup/mail-catcher';
import { smtpTransport } from './service.server';

// The SMTP transport against a real SMTP server on a loopback port (smtp-server).
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(() => catcher.close());

test('sends a plain-text e-mail from MAIL_FROM to its address, non-ASCII text intact', async () => {
  const transport = smtpTransport(catcher.url, 'Lesebrücke <no-reply@reader.example.org>');
  const url = `https://reader.example.org/de/reset-password?token=${'A1b2'.repeat(6)}`;
  await transport.send({
    to: 'jana@example.test',
    subject: 'Neues Passwort für Lesebrücke',
    text: `Hallo Jana,\n\nÖffnen Sie diesen Link:\n\n${url}\n\nDer Link gilt 60 Minuten.`,
  });
  expect(catcher.mails).toHaveLength(1);
  const [mail] = catcher.mails;
  expect(mail?.to).toEqual(['jana@example.test']);
  expect(mail?.from).toBe('no-reply@reader.example.org');
  expect(mail?.text).toContain('Öffnen Sie diesen Link');
  expect(mail?.text).toContain(url);
  expect(mail?.raw).toMatch(/^Subject: .+$/m);
});

test('a mail server that cannot be reached is an error for the caller (logged by the reset, never swallowed here)', async () => {
  const transport = smtpTransport('smtp://127.0.0.1:1', 'a@b.example');
  await expect(transport.send({ to: 'x@example.test', subject: 's', text: 't' })).rejects.toThrow();
});
