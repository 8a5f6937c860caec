/**
 * Pure text helpers shared by the IMAP client and the .eml reader: header parsing,
 * transfer decoding of a message's first bytes, the short snippet Inroads keeps, and
 * reading delivery-status reports. No I/O here.
 */
import { TextDecoder } from 'node:util';
import { addressParser, decodeWords, type Address } from 'postal-mime';
import type { MailAddress } from './mail.ports.js';

export const SNIPPET_LENGTH = 300;

/** Header fields read for every message (cheaper to fetch and parse than the IMAP ENVELOPE as well). */
export const ENVELOPE_HEADER_FIELDS = ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References', 'Auto-Submitted', 'X-Autoreply', 'Precedence', 'Content-Type'] as const;

/** Parses a header block into lower-cased names and unfolded values (a name seen twice keeps its first value). */
export function parseHeaderBlock(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!name || /\s/.test(name)) continue;
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Every `<…>` message id in a header value (References, In-Reply-To), in order, without duplicates. */
export function messageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const found = value.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(found)];
}

/** The first message id of a header value, with its angle brackets; a bare id gets them added. */
export function firstMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const [first] = messageIds(value);
  if (first) return first;
  const bare = value.trim().split(/\s+/)[0] ?? '';
  return /^[^<>\s]+@[^<>\s]+$/.test(bare) ? `<${bare}>` : null;
}

/** A lower-cased header value, with comments after ';' kept only for Content-Type. */
export function lowerHeader(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

/** Parameters of a structured header such as Content-Type ("text/plain; charset=utf-8"). */
export function headerParameters(value: string): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    params.set(
      part.slice(0, eq).trim().toLowerCase(),
      part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

/** The content type as MailEnvelope keeps it: lower-cased type, with report-type when present. */
export function envelopeContentType(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  const { type, params } = headerParameters(value);
  if (!type) return null;
  const reportType = params.get('report-type');
  return reportType ? `${type}; report-type=${reportType.toLowerCase()}` : type;
}

export function isDeliveryStatusReport(contentType: string | null): boolean {
  return contentType !== null && contentType.startsWith('multipart/report') && contentType.includes('report-type=delivery-status');
}

/** Lower-cases and de-duplicates addresses, dropping empty ones. */
export function normalizeAddresses(list: Array<{ name?: string | null; address?: string | null }> | undefined | null): MailAddress[] {
  const seen = new Set<string>();
  const result: MailAddress[] = [];
  for (const entry of list ?? []) {
    const address = (entry.address ?? '').trim().toLowerCase();
    if (!address || seen.has(address)) continue;
    seen.add(address);
    const name = entry.name?.trim();
    result.push({ name: name ? name : null, address });
  }
  return result;
}

/** Decodes RFC 2047 encoded words ("=?utf-8?q?…?=") in a header value. */
export function decodeHeader(value: string | null | undefined): string {
  if (!value) return '';
  try {
    return decodeWords(value).trim();
  } catch {
    return value.trim();
  }
}

/** An address header ("Ada <ada@x>, Team: b@y;") as lower-cased addresses with decoded names; groups are flattened. */
export function parseAddressHeader(value: string | null | undefined): MailAddress[] {
  if (!value) return [];
  let parsed: Address[];
  try {
    parsed = addressParser(value);
  } catch {
    return [];
  }
  const flat = parsed.flatMap((entry) => (entry.group ? entry.group : [entry]));
  return normalizeAddresses(flat.map((entry) => ({ name: decodeHeader(entry.name), address: entry.address ?? '' })));
}

/** Decodes quoted-printable text to bytes; a cut-off escape at the end is dropped. */
export function decodeQuotedPrintable(input: string): Uint8Array {
  const text = input.replace(/=\r?\n/g, '').replace(/=[0-9A-Fa-f]?$/, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(char & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** Decodes base64 that may have been cut off anywhere (only whole 4-character groups are read). */
export function decodePartialBase64(input: string): Uint8Array {
  const clean = input.replace(/[^A-Za-z0-9+/=]/g, '');
  const whole = clean.slice(0, clean.length - (clean.length % 4));
  return Uint8Array.from(Buffer.from(whole, 'base64'));
}

/** Turns bytes of a text part into a string with the part's charset (UTF-8 when unknown). A character cut in two at the end is dropped. */
export function decodeCharset(bytes: Uint8Array, charset: string | null | undefined): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase() || 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label === 'us-ascii' ? 'utf-8' : label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes).replace(/\uFFFD$/, '');
}

/** Decodes the first bytes of a body part, given its Content-Transfer-Encoding and charset. */
export function decodePartStart(raw: Uint8Array, encoding: string | null | undefined, charset: string | null | undefined): string {
  const kind = (encoding ?? '7bit').trim().toLowerCase();
  const latin = Buffer.from(raw).toString('latin1');
  if (kind === 'base64') return decodeCharset(decodePartialBase64(latin), charset);
  if (kind === 'quoted-printable') return decodeCharset(decodeQuotedPrintable(latin), charset);
  return decodeCharset(raw, charset);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A rough plain-text rendering of HTML, for messages without a text part. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?(<\/\1>|$)/gi, ' ')
    .replace(/<blockquote\b[\s\S]*?(<\/blockquote>|$)/gi, '\n')
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16) || 32);
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)) || 32);
      return ENTITIES[entity.toLowerCase()] ?? whole;
    });
}

/** Lines from which on everything is the quoted earlier message (or a signature). */
const TAIL_STARTS = [
  /^On\b.{0,300}\bwrote:?\s*$/i,
  /^Le\b.{0,300}\ba écrit\s*:?\s*$/i,
  /^Am\b.{0,300}\bschrieb.{0,100}:?\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^-{2,}\s*Forwarded message\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^From:\s.+$/i,
  /^-- ?$/,
  /^Sent from my \w+/i,
];

/**
 * At most SNIPPET_LENGTH characters from the start of a plain-text body: quoted lines ("> …"),
 * the "On … wrote:" line and everything after it, and the signature are left out, and
 * white space is collapsed. A body that is only a forward keeps the forwarded text.
 */
export function makeSnippet(body: string, maxLength = SNIPPET_LENGTH): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  // "On Mon, 1 Dec 2026 at 10:00, Someone <a@b>" may wrap onto the next line before "wrote:".
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`;
    const isTail = TAIL_STARTS.some((pattern) => pattern.test(line)) || (/^On\b/i.test(line) && /\bwrote:?\s*$/i.test(joined));
    if (isTail) {
      if (kept.some((k) => k !== '')) break;
      // Nothing written above it (a bare forward): keep reading what was forwarded.
      continue;
    }
    if (line.startsWith('>')) continue;
    // The header lines of a forwarded message, before anything else was written.
    if (!kept.some((k) => k !== '') && /^(From|Date|Sent|Subject|To|Cc):\s/i.test(line)) continue;
    kept.push(line);
  }
  const text = kept.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Reads a message/delivery-status part (RFC 3464): the recipients whose delivery failed,
 * lower-cased. A recipient counts as failed when its Action is "failed" or its Status is 5.x.x;
 * when no recipient says either, every Final-Recipient is taken (a report is sent for failures).
 */
export function parseDeliveryStatus(text: string): string[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const all: string[] = [];
  const failed: string[] = [];
  let anyVerdict = false;
  for (const block of blocks) {
    const fields = parseHeaderBlock(block);
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (!recipient) continue;
    const address = recipientAddress(recipient);
    if (!address) continue;
    all.push(address);
    const action = fields.get('action')?.toLowerCase() ?? null;
    const status = fields.get('status') ?? null;
    if (action !== null || status !== null) anyVerdict = true;
    if (action === 'failed' || (status !== null && status.trim().startsWith('5.'))) failed.push(address);
  }
  return [...new Set(anyVerdict ? failed : all)];
}

function recipientAddress(value: string): string | null {
  const semicolon = value.indexOf(';');
  const address = (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim().replace(/^<|>$/g, '').toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

/** The Message-ID quoted in a text/rfc822-headers part (or the start of a returned message/rfc822). */
export function originalMessageIdFrom(headerText: string): string | null {
  const end = headerText.search(/\r?\n\r?\n/);
  return firstMessageId(parseHeaderBlock(end >= 0 ? headerText.slice(0, end) : headerText).get('message-id'));
}

/** The date as ISO 8601 UTC, from the Date header, else the arrival time, else now. */
export function isoDate(...candidates: Array<Date | string | null | undefined>): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const date = candidate instanceof Date ? candidate : new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return new Date().toISOString();
}
