import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveApp } from '../setup/app-server';
import { createSqliteDatabase, type TestDatabase } from '../setup/databases';
import { type CaughtMail, startMailCatcher } from '../setup/mail-catcher';
import { openPage, seriousViolations, useBrowser } from './browser';

// "Forgot password?" end to end (docs/decisions/029-password-reset-and-mail.md): a second server of
// the e2e build, on its own database, sends its e-mail through SMTP to a mail catcher in this process
// (smtp-server). A fresh account asks on the German sign-in page, gets a German e-mail, follows its
// link, sets a new password and signs in with it; the old password and a second use of the link fail.

const browser = useBrowser();
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
let database: TestDatabase;
let app: { url: string; stop: () => void };

beforeAll(async () => {
  catcher = await startMailCatcher();
  database = await createSqliteDatabase();
  app = await serveApp(database.url, { SMTP_URL: catcher.url, MAIL_FROM: 'Lesebrücke <no-reply@e2e.test>' });
});
afterAll(async () => {
  app?.stop();
  await catcher?.close();
  await database?.drop();
});

async function mailTo(email: string): Promise<CaughtMail> {
  await expect.poll(() => catcher.mails.filter((mail) => mail.to.includes(email)).length).toBe(1);
  return catcher.mails.find((mail) => mail.to.includes(email)) as CaughtMail;
}

describe('sign-up', () => {
  test('shows its password rule once: as the hint, or as the error that replaces it', async () => {
    const { page, problems } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto(`${app.url}/de/sign-up`, { waitUntil: 'networkidle' });
    const rule = (text: string) => page.getByText(text, { exact: true });
    expect(await rule('Mindestens 10 Zeichen.').count()).toBe(1);
    await page.getByLabel('Name').fill('Kurt Kurz');
    await page.getByLabel('E-Mail-Adresse').fill(`short-${Date.now()}@example.test`);
    await page.getByLabel('Passwort').fill('kurz');
    await page.getByRole('button', { name: 'Konto anlegen' }).click();
    await expect.poll(() => rule('Verwenden Sie mindestens 10 Zeichen.').count()).toBe(1);
    expect(await rule('Mindestens 10 Zeichen.').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('password reset', () => {
  test('forgot password → German e-mail → new password → sign in; the old password and the used link fail', async () => {
    const email = `reset-${Date.now()}@example.test`;
    const signUp = await fetch(`${app.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ name: 'Rosa Reset', email, password: 'old password 123' }),
    });
    expect(signUp.status).toBe(200);

    const { page, problems } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto(`${app.url}/de/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.waitForURL(`${app.url}/de/forgot-password`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Link senden' }).click();
    await expect.poll(() => page.getByTestId('reset-mail-sent').textContent()).toContain(email);

    const mail = await mailTo(email);
    expect(mail.from).toBe('no-reply@e2e.test');
    expect(mail.text).toContain('Hallo Rosa Reset');
    expect(mail.text).toContain('60 Minuten');
    const link = /http:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    expect(new URL(link).pathname).toBe('/de/reset-password');

    await page.goto(link, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Neues Passwort festlegen');
    expect(await seriousViolations(page)).toEqual([]);
    const newPassword = page.getByLabel('Neues Passwort');
    await newPassword.fill('kurz');
    await page.getByRole('button', { name: 'Neues Passwort speichern' }).click();
    // The rule once: the error replaces the hint.
    await expect.poll(() => page.getByText('Verwenden Sie mindestens 10 Zeichen.').count()).toBe(1);
    expect(await page.getByText('Mindestens 10 Zeichen.', { exact: true }).count()).toBe(0);
    await newPassword.fill('new password 456');
    await page.getByRole('button', { name: 'Neues Passwort speichern' }).click();
    await page.waitForURL(`${app.url}/de/sign-in?reset=1`);
    await expect
      .poll(() => page.getByTestId('password-reset-done').textContent())
      .toBe('Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen an.');

    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('old password 123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByTestId('auth-form-error').isVisible()).toBe(true);
    await page.getByLabel('Passwort', { exact: true }).fill('new password 456');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${app.url}/de/dashboard`);

    // The link worked once: opened again, saving is refused with a way to ask for a new one.
    await page.context().clearCookies();
    await page.goto(link, { waitUntil: 'networkidle' });
    await page.getByLabel('Neues Passwort').fill('third password 789');
    await page.getByRole('button', { name: 'Neues Passwort speichern' }).click();
    await expect
      .poll(() => page.getByTestId('auth-form-error').textContent())
      .toBe('Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.');
    await expect.poll(() => page.getByRole('link', { name: 'Neuen Link anfordern' }).isVisible()).toBe(true);
    expect(problems.filter((problem) => !problem.includes('status of 40'))).toEqual([]);
    await page.context().close();
  });
});
