/**
 * The mail client: IMAP with imapflow, SMTP with nodemailer, behind the MailClient port.
 * It reads only headers of most messages, a few kilobytes of the ones Inroads wants, and
 * never sets \Seen (folders are opened read-only and bodies fetched with BODY.PEEK).
 * Credentials are never logged: imapflow and nodemailer get no logger.
 */
import { randomUUID } from 'node:crypto';
import { ImapFlow, type FetchMessageObject, type ImapFlowOptions, type ListResponse, type MessageStructureObject } from 'imapflow';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { isCertificateError, nestedError, readServerCertificate, tlsOptions, type MailProtocol } from './mail.certificates.js';
import {
  MailConnectionError,
  type FolderCursor,
  type MailClient,
  type MailCredentials,
  type MailEnvelope,
  type MailMessageFacts,
  type MailWatcher,
  type OutgoingMessage,
  type WatchOptions,
} from './mail.ports.js';
import {
  ENVELOPE_HEADER_FIELDS,
  decodeHeader,
  decodePartStart,
  envelopeContentType,
  firstMessageId,
  htmlToText,
  isDeliveryStatusReport,
  isoDate,
  lowerHeader,
  makeSnippet,
  messageIds,
  originalMessageIdFrom,
  parseAddressHeader,
  parseDeliveryStatus,
  parseHeaderBlock,
} from './mail.text.js';

export interface MailClientOptions {
  /** Longest wait to connect, to get the greeting, and for the TLS handshake (default 10 s). */
  connectionTimeoutMs?: number;
  /** Longest silence on an open connection before giving up (default 60 s). */
  socketTimeoutMs?: number;
  /** How many messages one FETCH asks for (default 1000). */
  batchSize?: number;
  /** How many bytes of a text part are read to make a snippet (default 2048). */
  snippetBytes?: number;
}

const SENT_NAMES = ['sent', 'sent items', 'sent messages', 'sent mail', '[gmail]/sent mail', 'inbox/sent', 'inbox.sent'];
const DAY_MS = 24 * 60 * 60 * 1000;

type FailureContext = { server: 'imap' | 'smtp'; credentials: MailCredentials; timeoutMs: number };

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

const UNREACHABLE = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EADDRNOTAVAIL|ECONNRESET)\b/;
const TIMEOUT = /\b(CONNECT_TIMEOUT|GREETING_TIMEOUT|UPGRADE_TIMEOUT|ETIMEOUT|ETIMEDOUT)\b/;

/** Turns whatever imapflow, nodemailer or Node threw into a MailConnectionError with a plain message. */
async function toMailError(error: unknown, context: FailureContext): Promise<MailConnectionError> {
  if (error instanceof MailConnectionError) return error;
  const { server, credentials } = context;
  const settings = server === 'imap' ? credentials.imap : credentials.smtp;
  const where = `${server === 'imap' ? 'The IMAP' : 'The SMTP'} server ${settings.host}:${settings.port}`;
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  const nested = nestedError(error);
  const allCodes = `${code} ${errorCode(nested)} ${message}`;
  if ((error as { authenticationFailed?: boolean } | null)?.authenticationFailed || code === 'EAUTH' || (error as { responseCode?: number }).responseCode === 535) {
    return new MailConnectionError('auth', `${where} refused the user name or password. Check them (many providers want an app password here, not your usual one).`, server);
  }
  if (isCertificateError(error) || isCertificateError(nested)) {
    const reported = (error as { fingerprint?: string }).fingerprint;
    const fingerprint =
      reported ?? (await readServerCertificate(settings, server as MailProtocol, context.timeoutMs).then((shown) => shown.fingerprint).catch(() => null));
    const why = credentials.trustedCertificate
      ? 'showed a different certificate from the one you chose to trust'
      : 'showed a certificate that no known authority vouches for';
    return new MailConnectionError(
      'certificate',
      `${where} ${why}.${fingerprint ? ` Its fingerprint is ${fingerprint}; trust it only if it is the one your provider or your own server uses.` : ''}`,
      server,
      fingerprint,
    );
  }
  if (TIMEOUT.test(allCodes) || /timed? ?out/i.test(message)) {
    return new MailConnectionError('timeout', `${where} did not answer in time. Check the host and port, or try again later.`, server);
  }
  if (UNREACHABLE.test(allCodes)) {
    return new MailConnectionError('unreachable', `${where} could not be reached. Check the host name and port, and your connection.`, server);
  }
  if (code === 'EENVELOPE' || code === 'EMESSAGE' || ((error as { responseCode?: number }).responseCode ?? 0) >= 500) {
    return new MailConnectionError('rejected', `${where} refused the message: ${message}`, server);
  }
  return new MailConnectionError('protocol', `${where} answered in a way Inroads did not understand: ${message}`, server);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEOUT' })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A compact IMAP sequence set ("1:5,9,12:13") from sorted UIDs. */
function sequenceSet(uids: number[]): string {
  const parts: string[] = [];
  let start = uids[0];
  let previous = start;
  for (let i = 1; i <= uids.length; i++) {
    const uid = uids[i];
    if (uid !== undefined && previous !== undefined && uid === previous + 1) {
      previous = uid;
      continue;
    }
    if (start !== undefined) parts.push(start === previous ? String(start) : `${start}:${previous}`);
    start = uid;
    previous = uid;
  }
  return parts.join(',');
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** The parts of a message worth reading: its first text part, and for a delivery report its status and returned headers. */
interface PartPlan {
  text: { key: string; encoding: string | null; charset: string | null; html: boolean } | null;
  status: { key: string; encoding: string | null } | null;
  returnedHeaders: { key: string; encoding: string | null } | null;
}

function planParts(structure: MessageStructureObject | undefined, report: boolean): PartPlan {
  const plan: PartPlan = { text: null, status: null, returnedHeaders: null };
  let html: PartPlan['text'] = null;
  const visit = (node: MessageStructureObject, insideMessage: boolean) => {
    const type = (node.type ?? '').toLowerCase();
    const key = node.part ?? '1';
    if (node.childNodes?.length && type.startsWith('multipart/')) {
      for (const child of node.childNodes) visit(child, insideMessage);
      return;
    }
    const attachment = (node.disposition ?? '').toLowerCase() === 'attachment';
    if (report && type === 'message/delivery-status' && !plan.status) plan.status = { key, encoding: node.encoding ?? null };
    if (report && (type === 'text/rfc822-headers' || type === 'message/rfc822-headers') && !plan.returnedHeaders) {
      plan.returnedHeaders = { key, encoding: node.encoding ?? null };
    }
    if (report && type === 'message/rfc822' && !plan.returnedHeaders) plan.returnedHeaders = { key: `${key}.HEADER`, encoding: null };
    if (insideMessage || attachment || type === 'message/rfc822') return;
    const charset = node.parameters?.charset ?? null;
    if (type === 'text/plain' && !plan.text) plan.text = { key, encoding: node.encoding ?? null, charset, html: false };
    if (type === 'text/html' && !html) html = { key, encoding: node.encoding ?? null, charset, html: true };
  };
  if (structure) visit(structure, false);
  plan.text ??= html;
  return plan;
}

function partValue(message: FetchMessageObject, key: string): Buffer | undefined {
  const parts = message.bodyParts;
  if (!parts) return undefined;
  return parts.get(key) ?? parts.get(key.toLowerCase()) ?? parts.get(key.toUpperCase());
}

function findSentFolder(folders: ListResponse[]): string | null {
  const bySpecialUse = folders.find((folder) => folder.specialUse === '\\Sent' && folder.flags.has('\\Sent'));
  if (bySpecialUse) return bySpecialUse.path;
  for (const name of SENT_NAMES) {
    const found = folders.find((folder) => folder.path.toLowerCase() === name && !folder.flags.has('\\Noselect'));
    if (found) return found.path;
  }
  const guessed = folders.find((folder) => folder.specialUse === '\\Sent' && !folder.flags.has('\\Noselect'));
  return guessed?.path ?? null;
}

async function closeImap(client: ImapFlow): Promise<void> {
  try {
    await withTimeout(client.logout(), 2000, 'LOGOUT');
  } catch {
    client.close();
  }
}

async function sentFolder(client: ImapFlow, create: boolean): Promise<string | null> {
  const folders = await client.list();
  const found = findSentFolder(folders);
  if (found || !create) return found;
  await client.mailboxCreate('Sent');
  return 'Sent';
}

function envelopeOf(folder: 'inbox' | 'sent', message: FetchMessageObject): MailEnvelope {
  const headers = parseHeaderBlock(message.headers?.toString('utf8') ?? '');
  return {
    folder,
    uid: message.uid,
    messageId: firstMessageId(headers.get('message-id')),
    inReplyTo: firstMessageId(headers.get('in-reply-to')),
    references: messageIds(headers.get('references')),
    from: parseAddressHeader(headers.get('from')),
    to: parseAddressHeader(headers.get('to')),
    cc: parseAddressHeader(headers.get('cc')),
    subject: decodeHeader(headers.get('subject')),
    date: isoDate(headers.get('date'), message.internalDate),
    autoSubmitted: lowerHeader(headers.get('auto-submitted')),
    xAutoreply: lowerHeader(headers.get('x-autoreply')),
    precedence: lowerHeader(headers.get('precedence')),
    contentType: envelopeContentType(headers.get('content-type')),
  };
}

export function createMailClient(options: MailClientOptions = {}): MailClient {
  const connectionTimeout = options.connectionTimeoutMs ?? 10_000;
  const socketTimeout = options.socketTimeoutMs ?? 60_000;
  const batchSize = options.batchSize ?? 1000;
  const snippetBytes = options.snippetBytes ?? 2048;

  async function openImap(credentials: MailCredentials, extra: Partial<ImapFlowOptions> = {}): Promise<ImapFlow> {
    const context: FailureContext = { server: 'imap', credentials, timeoutMs: connectionTimeout };
    let client: ImapFlow;
    try {
      const server = credentials.imap;
      const tls = await tlsOptions(server, 'imap', credentials.trustedCertificate, connectionTimeout);
      client = new ImapFlow({
        host: server.host,
        port: server.port,
        secure: server.security === 'tls',
        doSTARTTLS: server.security === 'starttls',
        tls,
        auth:
          credentials.auth.kind === 'password'
            ? { user: credentials.username, pass: credentials.auth.password }
            : { user: credentials.username, accessToken: credentials.auth.accessToken },
        logger: false,
        clientInfo: { name: 'Inroads' },
        connectionTimeout,
        greetingTimeout: connectionTimeout,
        socketTimeout,
        disableAutoIdle: true,
        ...extra,
      });
      // Errors surface through the failed command or the 'close' event; an unhandled 'error' would crash the process.
      client.on('error', () => undefined);
      await client.connect();
    } catch (error) {
      throw await toMailError(error, context);
    }
    return client;
  }

  async function smtpTransport(credentials: MailCredentials) {
    const server = credentials.smtp;
    const tls = await tlsOptions(server, 'smtp', credentials.trustedCertificate, connectionTimeout);
    return createTransport({
      host: server.host,
      port: server.port,
      secure: server.security === 'tls',
      requireTLS: server.security === 'starttls',
      ignoreTLS: server.security === 'none',
      tls,
      auth:
        credentials.auth.kind === 'password'
          ? { user: credentials.username, pass: credentials.auth.password }
          : { type: 'OAuth2', user: credentials.username, accessToken: credentials.auth.accessToken },
      logger: false,
      debug: false,
      connectionTimeout,
      greetingTimeout: connectionTimeout,
      socketTimeout,
    });
  }

  async function withSmtp<T>(credentials: MailCredentials, use: (transport: Awaited<ReturnType<typeof smtpTransport>>) => Promise<T>): Promise<T> {
    const context: FailureContext = { server: 'smtp', credentials, timeoutMs: connectionTimeout };
    let transport: Awaited<ReturnType<typeof smtpTransport>> | null = null;
    try {
      transport = await smtpTransport(credentials);
      return await use(transport);
    } catch (error) {
      throw await toMailError(error, context);
    } finally {
      transport?.close();
    }
  }

  /** Reads the small parts of the wanted messages of the open folder and turns them into facts. */
  async function readWanted(client: ImapFlow, wanted: MailEnvelope[]): Promise<MailMessageFacts[]> {
    const byUid = new Map(wanted.map((envelope) => [envelope.uid, envelope]));
    const plans = new Map<number, PartPlan>();
    for (const batch of chunks(
      wanted.map((e) => e.uid),
      batchSize,
    )) {
      for await (const message of client.fetch(sequenceSet(batch), { uid: true, bodyStructure: true }, { uid: true })) {
        const envelope = byUid.get(message.uid);
        if (envelope) plans.set(message.uid, planParts(message.bodyStructure, isDeliveryStatusReport(envelope.contentType)));
      }
    }
    // One FETCH per shape of message (most have their text in part 1), each asking for a few KB per part.
    const groups = new Map<string, number[]>();
    for (const [uid, plan] of plans) {
      const keys = [plan.text?.key, plan.status?.key, plan.returnedHeaders?.key].map((k) => k ?? '-').join('|');
      const group = groups.get(keys);
      if (group) group.push(uid);
      else groups.set(keys, [uid]);
    }
    const facts = new Map<number, MailMessageFacts>();
    for (const uids of groups.values()) {
      const plan = plans.get(uids[0] ?? 0);
      if (!plan) continue;
      const bodyParts = [
        ...(plan.text ? [{ key: plan.text.key, start: 0, maxLength: snippetBytes }] : []),
        ...(plan.status ? [{ key: plan.status.key, start: 0, maxLength: 8192 }] : []),
        ...(plan.returnedHeaders ? [{ key: plan.returnedHeaders.key, start: 0, maxLength: 8192 }] : []),
      ];
      const read = new Map<number, FetchMessageObject>();
      if (bodyParts.length > 0) {
        for (const batch of chunks(uids.sort((a, b) => a - b), batchSize)) {
          for await (const message of client.fetch(sequenceSet(batch), { uid: true, bodyParts }, { uid: true })) read.set(message.uid, message);
        }
      }
      for (const uid of uids) {
        const envelope = byUid.get(uid);
        const own = plans.get(uid);
        if (!envelope || !own) continue;
        const message = read.get(uid);
        let snippet = '';
        if (own.text && message) {
          const raw = partValue(message, own.text.key);
          const text = raw ? decodePartStart(raw, own.text.encoding, own.text.charset) : '';
          snippet = makeSnippet(own.text.html ? htmlToText(text) : text);
        }
        let bounce: MailMessageFacts['bounce'] = null;
        if (isDeliveryStatusReport(envelope.contentType)) {
          const status = own.status && message ? partValue(message, own.status.key) : undefined;
          const returned = own.returnedHeaders && message ? partValue(message, own.returnedHeaders.key) : undefined;
          bounce = {
            failedRecipients: status ? parseDeliveryStatus(decodePartStart(status, own.status?.encoding, 'utf-8')) : [],
            originalMessageId: returned ? originalMessageIdFrom(decodePartStart(returned, own.returnedHeaders?.encoding, 'utf-8')) : null,
          };
        }
        facts.set(uid, { ...envelope, snippet, bounce });
      }
    }
    return wanted.map((envelope) => facts.get(envelope.uid) ?? { ...envelope, snippet: '', bounce: null });
  }

  async function readFolder(
    client: ImapFlow,
    path: string,
    folder: 'inbox' | 'sent',
    cursor: FolderCursor | null,
    isWanted: (envelope: MailEnvelope) => boolean,
    firstPassDays: number,
  ): Promise<{ messages: MailMessageFacts[]; scanned: number; cursor: FolderCursor }> {
    // EXAMINE: the folder is read-only for this session, so nothing can mark a message \Seen.
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`Could not open ${path}`);
      const uidValidity = String(mailbox.uidValidity);
      // UIDNEXT is optional in old servers: without it, every pass asks the server what is new.
      const uidNext = Number(mailbox.uidNext);
      const nextKnown = Number.isFinite(uidNext) && uidNext > 0;
      const sameFolder = cursor !== null && cursor.uidValidity === uidValidity;
      const after = sameFolder ? cursor.lastUid : 0;
      let highest = Math.max(after, nextKnown ? uidNext - 1 : 0);
      if (mailbox.exists === 0) return { messages: [], scanned: 0, cursor: { uidValidity, lastUid: highest } };

      let ranges: string[];
      if (!sameFolder) {
        const since = new Date(Date.now() - firstPassDays * DAY_MS);
        const found = (await client.search({ since }, { uid: true })) || [];
        ranges = chunks(
          found.sort((a, b) => a - b),
          batchSize,
        ).map(sequenceSet);
      } else if (nextKnown && after >= uidNext - 1) {
        ranges = [];
      } else {
        ranges = [`${after + 1}:*`];
      }

      let scanned = 0;
      const wanted: MailEnvelope[] = [];
      const query = { uid: true, internalDate: true, headers: [...ENVELOPE_HEADER_FIELDS] };
      for (const range of ranges) {
        for await (const message of client.fetch(range, query, { uid: true })) {
          // "n:*" answers with the last message even when it is older than n.
          if (message.uid <= after) continue;
          highest = Math.max(highest, message.uid);
          scanned++;
          const envelope = envelopeOf(folder, message);
          if (isDeliveryStatusReport(envelope.contentType) || isWanted(envelope)) wanted.push(envelope);
        }
      }
      const messages = wanted.length > 0 ? await readWanted(client, wanted) : [];
      return { messages, scanned, cursor: { uidValidity, lastUid: highest } };
    } finally {
      lock.release();
    }
  }

  return {
    async verify(credentials) {
      const client = await openImap(credentials);
      await closeImap(client);
      await withSmtp(credentials, (transport) => transport.verify());
    },

    async fetchNew(credentials, cursor, isWanted, fetchOptions = {}) {
      const firstPassDays = fetchOptions.firstPassDays ?? 365;
      const client = await openImap(credentials);
      try {
        const inbox = await readFolder(client, 'INBOX', 'inbox', cursor.inbox, isWanted, firstPassDays);
        const sentPath = await sentFolder(client, false);
        const sent = sentPath ? await readFolder(client, sentPath, 'sent', cursor.sent, isWanted, firstPassDays) : { messages: [], scanned: 0, cursor: cursor.sent };
        return {
          messages: [...inbox.messages, ...sent.messages],
          scanned: inbox.scanned + sent.scanned,
          cursor: { inbox: inbox.cursor, sent: sent.cursor },
        };
      } catch (error) {
        throw await toMailError(error, { server: 'imap', credentials, timeoutMs: connectionTimeout });
      } finally {
        await closeImap(client);
      }
    },

    async send(credentials, message: OutgoingMessage) {
      const domain = message.from.address.split('@')[1] || 'inroads.invalid';
      const messageId = `<${randomUUID()}@${domain}>`;
      const references = [...(message.references ?? [])];
      if (message.inReplyTo && !references.includes(message.inReplyTo)) references.push(message.inReplyTo);
      const composer = new MailComposer({
        from: { name: message.from.name ?? '', address: message.from.address },
        to: message.to.map((to) => ({ name: to.name ?? '', address: to.address })),
        subject: message.subject,
        text: message.text,
        messageId,
        date: new Date(),
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
        ...(references.length > 0 ? { references } : {}),
      });
      const raw = await composer.compile().build();
      await withSmtp(credentials, (transport) =>
        transport.sendMail({ envelope: { from: message.from.address, to: message.to.map((to) => to.address) }, raw }),
      );
      return { messageId, raw };
    },

    async appendToSent(credentials, raw) {
      const client = await openImap(credentials);
      try {
        const path = await sentFolder(client, true);
        if (!path) throw new Error('No Sent folder');
        await client.append(path, raw, ['\\Seen']);
      } catch (error) {
        throw await toMailError(error, { server: 'imap', credentials, timeoutMs: connectionTimeout });
      } finally {
        await closeImap(client);
      }
    },

    watch(credentials, watchOptions: WatchOptions): MailWatcher {
      return startWatcher(credentials, watchOptions, openImap, connectionTimeout);
    },
  };
}

/** IDLE on the inbox, with a watchdog and reconnection with backoff. */
function startWatcher(
  credentials: MailCredentials,
  options: WatchOptions,
  openImap: (credentials: MailCredentials, extra?: Partial<ImapFlowOptions>) => Promise<ImapFlow>,
  connectionTimeout: number,
): MailWatcher {
  const watchdogMs = options.watchdogMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
  const state = { stopped: false };
  let watching = false;
  let client: ImapFlow | null = null;
  let wake: (() => void) | null = null;

  // onNewMail never runs twice at once: a request while it runs is remembered and run once after.
  let running: Promise<void> | null = null;
  let again = false;
  const notify = () => {
    if (state.stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await options.onNewMail();
        } catch (error) {
          options.onError?.(error instanceof Error ? error : new Error(String(error)));
        }
      } while (again && !state.stopped);
    })().finally(() => {
      running = null;
    });
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const session = async (onConnected: () => void) => {
    // IDLE as soon as the inbox is open; the socket may stay quiet between watchdog ticks.
    const open = await openImap(credentials, { disableAutoIdle: false, autoIdleDelay: 50, socketTimeout: Math.max(5 * 60_000, 2 * watchdogMs) });
    client = open;
    const closed = new Promise<void>((resolve) => open.once('close', () => resolve()));
    let watchdog: NodeJS.Timeout | undefined;
    try {
      await open.mailboxOpen('INBOX', { readOnly: true });
      if (state.stopped) return;
      watching = true;
      onConnected();
      open.on('exists', () => notify());
      notify();
      watchdog = setInterval(() => {
        notify();
        // IDLE can die without the socket closing: a NOOP that fails or does not come back ends the session.
        withTimeout(open.noop(), Math.min(Math.max(watchdogMs, 1000), connectionTimeout), 'NOOP').catch(() => open.close());
      }, watchdogMs);
      await closed;
    } finally {
      watching = false;
      clearInterval(watchdog);
      client = null;
      open.close();
    }
  };

  const initialBackoff = Math.min(1000, maxBackoffMs);
  const loop = (async () => {
    let backoff = initialBackoff;
    while (!state.stopped) {
      try {
        await session(() => {
          backoff = initialBackoff;
        });
        if (!state.stopped) options.onError?.(new MailConnectionError('unreachable', 'The connection to the IMAP server closed; reconnecting.', 'imap'));
      } catch (error) {
        if (!state.stopped) options.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
      if (state.stopped) break;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, maxBackoffMs);
    }
  })();

  return {
    get watching() {
      return watching;
    },
    async stop() {
      state.stopped = true;
      wake?.();
      const open = client;
      if (open) await closeImap(open);
      await loop;
      await running;
    },
  };
}
