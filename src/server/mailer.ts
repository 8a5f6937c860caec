import type { OutgoingMail, SendMail } from '../modules/reminders/reminders.usecases.js';

export interface MailSettings {
  /** smtp://user:pass@host:587 or smtps://…, as nodemailer takes it. */
  url: string;
  from: string;
}

/** Mail settings from the environment, or null when no SMTP server is configured. */
export function mailSettingsFrom(env: NodeJS.ProcessEnv): MailSettings | null {
  const url = env.INROADS_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.INROADS_MAIL_FROM?.trim() || 'Inroads <inroads@localhost>' };
}

/** Sends through the configured SMTP server with nodemailer (loaded only when mail is configured). */
export async function createMailer(settings: MailSettings): Promise<{ send: SendMail; close(): void }> {
  const nodemailer = (await import('nodemailer')).default;
  const transport = nodemailer.createTransport(settings.url);
  return {
    send: async (mail: OutgoingMail) => {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
