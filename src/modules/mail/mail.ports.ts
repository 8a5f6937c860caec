import type { MailServer } from '../../shared/schemas/mail.js';

/**
 * The boundary between Inroads and a mail server. The use cases speak only these
 * types; `mail.client.ts` implements them with imapflow (IMAP) and nodemailer (SMTP),
 * and tests may hand in a fake.
 */
export interface MailCredentials {
  address: string;
  username: string;
  imap: MailServer;
  smtp: MailServer;
  auth: { kind: 'password'; password: string } | { kind: 'xoauth2'; accessToken: string };
  /** SHA-256 fingerprint ("AB:CD:…") of a certificate the user chose to trust although no authority vouches for it. */
  trustedCertificate: string | null;
}

/** Why a mail server could not be used, in a form the use cases turn into a coded error. */
export type MailFailureReason = 'auth' | 'unreachable' | 'certificate' | 'timeout' | 'protocol' | 'rejected';

export class MailConnectionError extends Error {
  constructor(
    readonly reason: MailFailureReason,
    message: string,
    /** Which server failed. */
    readonly server: 'imap' | 'smtp',
    /** For `certificate`: the fingerprint of the certificate the server showed, so the user may choose to trust it. */
    readonly fingerprint: string | null = null,
  ) {
    super(message);
    this.name = 'MailConnectionError';
  }
}

export interface MailAddress {
  name: string | null;
  /** Lower-cased. */
  address: string;
}

/** The headers Inroads looks at, read before deciding whether a message is any of its business. */
export interface MailEnvelope {
  /** Which folder it was found in. */
  folder: 'inbox' | 'sent';
  uid: number;
  /** With the angle brackets, as in the header ("<abc@host>"); null when absent. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** ISO 8601, UTC: the Date header, else the server's arrival time. */
  date: string;
  /** Lower-cased header values that mark automatic mail; null when the header is absent. */
  autoSubmitted: string | null;
  xAutoreply: string | null;
  precedence: string | null;
  /** The top-level content type, lower-cased, with its report-type parameter when present ("multipart/report; report-type=delivery-status"). */
  contentType: string | null;
}

/** What is kept of a message that is Inroads' business: its envelope and a few lines of text. */
export interface MailMessageFacts extends MailEnvelope {
  /** At most ~300 characters of the plain-text body (quoted replies and signatures trimmed where obvious). */
  snippet: string;
  /** Delivery-status reports only: the recipients that failed (lower-cased) and the original message's Message-ID when the report quotes it. */
  bounce: { failedRecipients: string[]; originalMessageId: string | null } | null;
}

/** Where a folder's reading left off, so the next pass fetches only what is new. */
export interface FolderCursor {
  uidValidity: string;
  /** The highest UID already looked at. */
  lastUid: number;
}

export interface SyncCursor {
  inbox: FolderCursor | null;
  sent: FolderCursor | null;
}

export interface OutgoingMessage {
  from: MailAddress;
  to: MailAddress[];
  subject: string;
  text: string;
  inReplyTo?: string | null;
  references?: string[];
}

export interface MailWatcher {
  /** Resolves when the watcher has stopped and closed its connection. */
  stop(): Promise<void>;
  /** Whether an IDLE connection is open right now. */
  readonly watching: boolean;
}

export interface WatchOptions {
  /** Called (not concurrently) when new mail may be there: on IDLE's EXISTS, after each reconnect, and on every watchdog tick. */
  onNewMail: () => Promise<void>;
  /** Called with each connection problem (the watcher keeps trying with backoff). */
  onError?: (error: MailConnectionError | Error) => void;
  /** Re-check on a timer even while IDLE seems alive, because IDLE can die silently (default 60 s). */
  watchdogMs?: number;
  /** Longest wait between reconnect attempts (backoff from 1 s doubling; default 5 minutes). */
  maxBackoffMs?: number;
}

export interface MailClient {
  /** Signs in to both servers (IMAP then SMTP) and signs out; throws MailConnectionError. */
  verify(credentials: MailCredentials): Promise<void>;
  /**
   * Reads the envelopes of messages in the inbox and the Sent folder after the cursor,
   * keeps those `isWanted` accepts (or that are delivery-status reports), fetches a
   * snippet only for those, and returns them with the new cursor. Never downloads whole
   * bodies or attachments. A changed UIDVALIDITY restarts that folder from its start.
   * The first pass over a folder (null cursor) looks at no more than `firstPassDays` days back.
   */
  fetchNew(
    credentials: MailCredentials,
    cursor: SyncCursor,
    isWanted: (envelope: MailEnvelope) => boolean,
    options?: { firstPassDays?: number },
  ): Promise<{ messages: MailMessageFacts[]; scanned: number; cursor: SyncCursor }>;
  /** Sends through SMTP; resolves with the Message-ID it carried and the raw message (for a Sent copy). */
  send(credentials: MailCredentials, message: OutgoingMessage): Promise<{ messageId: string; raw: Buffer }>;
  /** Puts a copy of a sent message in the Sent folder (flagged \Seen). */
  appendToSent(credentials: MailCredentials, raw: Buffer): Promise<void>;
  /** Keeps an IDLE connection on the inbox with a watchdog and reconnects with backoff. */
  watch(credentials: MailCredentials, options: WatchOptions): MailWatcher;
}
