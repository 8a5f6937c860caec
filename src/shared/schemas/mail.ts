import { z } from 'zod';
import { idSchema, isoDateTime, ref, requiredText, text } from './common.js';
import { sendableKinds } from '../vocabulary/mail.js';
export { sendableKinds };

/**
 * The user's own mailbox, connected with IMAP (reading) and SMTP (sending).
 * Credentials go in and never come back out: the status below has no secret in it.
 */
export const mailSecurities = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof mailSecurities)[number];

export const mailAuthKinds = ['password', 'xoauth2'] as const;
export type MailAuthKind = (typeof mailAuthKinds)[number];

const hostName = requiredText(255).regex(/^[A-Za-z0-9.\-:[\]]+$/, { message: 'must be a host name or an IP address' });
const port = z.coerce.number().int().min(1, { message: 'must be a port between 1 and 65535' }).max(65535, { message: 'must be a port between 1 and 65535' });
const fingerprint = z
  .string()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, { message: 'must be a SHA-256 certificate fingerprint (32 hex pairs joined by colons)' });

export const mailServerSchema = z.object({ host: hostName, port, security: z.enum(mailSecurities) });
export type MailServer = z.infer<typeof mailServerSchema>;

export const connectMailboxInput = z
  .object({
    /** The address mail is sent from and that people reply to. */
    address: z.email({ message: 'must be an email address' }),
    /** The sign-in name; most providers take the address itself. */
    username: requiredText(320).optional(),
    imap: mailServerSchema,
    smtp: mailServerSchema,
    authKind: z.enum(mailAuthKinds).default('password'),
    /** The app password (authKind password) or an OAuth access token (authKind xoauth2). */
    secret: requiredText(4096),
    /**
     * A certificate the user looked at and chose to trust (a self-signed one on a home server):
     * its SHA-256 fingerprint, as the failed attempt reported it in `details.fingerprint`.
     */
    trustCertificate: fingerprint.nullable().optional(),
    /** Save a copy of sent mail in the Sent folder (off for providers that file it themselves). */
    saveSentCopy: z.boolean().optional(),
  })
  .strict();
export type ConnectMailboxInput = z.infer<typeof connectMailboxInput>;

export const mailboxStates = ['ok', 'error'] as const;

export const mailboxStatusSchema = z.object({
  connected: z.boolean(),
  address: z.string().nullable(),
  username: z.string().nullable(),
  imap: mailServerSchema.nullable(),
  smtp: mailServerSchema.nullable(),
  authKind: z.enum(mailAuthKinds).nullable(),
  trustedCertificate: z.string().nullable(),
  saveSentCopy: z.boolean(),
  state: z.enum(mailboxStates).nullable(),
  /** The last problem reaching the mailbox, in plain words; null when the last pass worked. */
  lastError: z.string().nullable(),
  lastSyncAt: isoDateTime.nullable(),
  connectedAt: isoDateTime.nullable(),
  /** Whether a watcher is holding the mailbox open for new mail right now. */
  watching: z.boolean(),
});
export type MailboxStatus = z.infer<typeof mailboxStatusSchema>;

/** What one pass over the mailbox (or a batch of dropped .eml files) found. */
export const mailOutcomes = ['reply', 'auto-reply', 'bounce', 'sent', 'forward', 'other', 'duplicate', 'ignored'] as const;
export type MailOutcome = (typeof mailOutcomes)[number];

export const syncResultSchema = z.object({
  /** Messages whose headers were looked at. */
  scanned: z.number().int(),
  /** Of those, messages to or from people in Inroads (the only ones kept). */
  kept: z.number().int(),
  replies: z.number().int(),
  autoReplies: z.number().int(),
  bounces: z.number().int(),
  sent: z.number().int(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

export type SendableKind = (typeof sendableKinds)[number];

export const sendMailInput = z
  .object({
    kind: z.enum(sendableKinds),
    contactId: idSchema,
    /** The conversation the message is about (required for a thank-you; a request finds or makes one). */
    interviewId: idSchema.nullable().optional(),
    explorationId: idSchema.nullable().optional(),
    /** Which of the person's addresses; defaults to their first working one. */
    to: z.email({ message: 'must be an email address' }).optional(),
    subject: requiredText(300),
    body: requiredText(20000),
    /** The agenda item this message settles (its key), if it came from one. */
    settlesAgendaItem: z.string().min(1).max(200).optional(),
  })
  .strict();
export type SendMailInput = z.infer<typeof sendMailInput>;

export const mailMessageSchema = z.object({
  id: idSchema,
  direction: z.enum(['in', 'out']),
  outcome: z.enum(mailOutcomes),
  messageId: z.string().nullable(),
  subject: z.string(),
  fromAddress: z.string().nullable(),
  toAddresses: z.array(z.string()),
  date: isoDateTime,
  /** A few lines from the start of the message; never the whole body. */
  snippet: z.string(),
  contact: ref.nullable(),
  interviewId: idSchema.nullable(),
  createdAt: isoDateTime,
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const sendMailResponse = z.object({
  message: mailMessageSchema,
  /** The conversation, when sending moved it (idea → requested, held → thanked). */
  interviewId: idSchema.nullable(),
  /** Where the conversation stands after sending. */
  interviewStatus: z.string().nullable(),
});
export type SendMailResult = z.infer<typeof sendMailResponse>;

export const mailMessagesQuery = z.object({
  contactId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const mailMessagesResponse = z.object({ items: z.array(mailMessageSchema) });

/** `.eml` files dropped on a person or on Today, read as text. */
export const importMailInput = z
  .object({
    files: z
      .array(z.object({ name: text(255), content: z.string().min(1, { message: 'is empty' }).max(5_000_000, { message: 'is larger than 5 MB' }) }).strict())
      .min(1, { message: 'must hold at least one .eml file' })
      .max(50, { message: 'must hold at most 50 files at a time' }),
    /** Dropped on this person: a message from an address not on file is still theirs. */
    contactId: idSchema.optional(),
  })
  .strict();
export type ImportMailInput = z.infer<typeof importMailInput>;

export const importMailResponse = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      outcome: z.enum(mailOutcomes),
      contact: ref.nullable(),
      interviewId: idSchema.nullable(),
      /** One plain sentence on what happened. */
      note: z.string(),
    }),
  ),
});
export type ImportMailResult = z.infer<typeof importMailResponse>;

/** `POST /mail/messages/:id/mark-requested`: a request sent from the user's own mail app. */
export const markRequestedResponse = z.object({ interviewId: idSchema, interviewStatus: z.string() });
