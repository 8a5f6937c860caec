import type { MailServer } from '../../../shared/schemas/mail.js';

export interface MailProvider {
  id: string;
  label: string;
  imap: MailServer;
  smtp: MailServer;
  /** Whether Inroads should file a copy of sent mail itself (false where the provider's SMTP already does). */
  saveSentCopy: boolean;
  /** Where the provider explains app passwords, in a few words. */
  hint: string;
}

/**
 * The servers each provider documents for mail apps. Gmail and Outlook.com file mail sent through
 * their SMTP servers in Sent by themselves; the others do not, so Inroads appends a copy.
 */
export const mailProviders: MailProvider[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    saveSentCopy: false,
    hint: 'Turn on 2-Step Verification, then create an app password in your Google Account under Security → App passwords.',
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.mail.me.com', port: 587, security: 'starttls' },
    saveSentCopy: true,
    hint: 'Create an app-specific password at account.apple.com under Sign-In and Security.',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    imap: { host: 'imap.fastmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.fastmail.com', port: 465, security: 'tls' },
    saveSentCopy: true,
    hint: 'Create an app password in Fastmail under Settings → Privacy & Security → Manage app passwords, with IMAP and SMTP access.',
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    imap: { host: 'imap.mail.yahoo.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' },
    saveSentCopy: true,
    hint: 'Generate an app password in Yahoo Account Security.',
  },
  {
    id: 'outlook',
    label: 'Outlook.com',
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
    saveSentCopy: false,
    hint: 'Turn on IMAP in Outlook.com settings (Mail → Forwarding and IMAP). Microsoft is moving to sign-in tokens: if an app password is refused, choose “Access token (OAuth)”.',
  },
  {
    id: 'other',
    label: 'Other',
    imap: { host: '', port: 993, security: 'tls' },
    smtp: { host: '', port: 587, security: 'starttls' },
    saveSentCopy: true,
    hint: 'Your provider’s help pages list its IMAP and SMTP servers. Use an app password if it offers them.',
  },
];

export const securityLabels: Record<MailServer['security'], string> = {
  tls: 'TLS (SSL)',
  starttls: 'STARTTLS',
  none: 'None (unencrypted)',
};

/** Which preset an address most likely belongs to, from its domain. */
export function providerForAddress(address: string): string | null {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  if (['gmail.com', 'googlemail.com'].includes(domain)) return 'gmail';
  if (['icloud.com', 'me.com', 'mac.com'].includes(domain)) return 'icloud';
  if (['fastmail.com', 'fastmail.fm'].includes(domain)) return 'fastmail';
  if (/^yahoo\.|^ymail\.com$/.test(domain)) return 'yahoo';
  if (/^(outlook|hotmail|live|msn)\./.test(domain)) return 'outlook';
  return null;
}

export const describeServer = (server: MailServer | null | undefined): string =>
  server ? `${server.host}:${server.port}, ${securityLabels[server.security]}` : '—';
