/**
 * Reads a dropped .eml file into the same facts the IMAP client returns (folder 'inbox',
 * uid 0), with postal-mime: the envelope headers, a short snippet, and for delivery-status
 * reports the failed recipients and the original Message-ID. Attachments are not kept.
 */
import PostalMime, { type Address } from 'postal-mime';
import type { MailAddress, MailMessageFacts } from './mail.ports.js';
import {
  envelopeContentType,
  firstMessageId,
  htmlToText,
  isDeliveryStatusReport,
  isoDate,
  lowerHeader,
  makeSnippet,
  messageIds,
  normalizeAddresses,
  originalMessageIdFrom,
  parseDeliveryStatus,
} from './mail.text.js';

function flatten(list: Address | Address[] | undefined): MailAddress[] {
  const entries = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return normalizeAddresses(entries.flatMap((entry) => (entry.group ? entry.group : [entry])));
}

function asText(content: ArrayBuffer | Uint8Array | string): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

export async function parseEml(raw: string | Uint8Array): Promise<MailMessageFacts> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'utf8', rfc822Attachments: true });
  const header = (name: string) => email.headers.find((h) => h.key === name)?.value ?? null;
  const contentType = envelopeContentType(header('content-type'));
  let bounce: MailMessageFacts['bounce'] = null;
  if (isDeliveryStatusReport(contentType)) {
    const status = email.attachments.find((a) => a.mimeType.toLowerCase() === 'message/delivery-status');
    const returned = email.attachments.find((a) => ['text/rfc822-headers', 'message/rfc822-headers', 'message/rfc822'].includes(a.mimeType.toLowerCase()));
    bounce = {
      failedRecipients: status ? parseDeliveryStatus(asText(status.content)) : [],
      originalMessageId: returned ? originalMessageIdFrom(asText(returned.content)) : null,
    };
  }
  const body = email.text ?? (email.html ? htmlToText(email.html) : '');
  return {
    folder: 'inbox',
    uid: 0,
    messageId: firstMessageId(email.messageId ?? header('message-id')),
    inReplyTo: firstMessageId(email.inReplyTo ?? header('in-reply-to')),
    references: messageIds(email.references ?? header('references')),
    from: flatten(email.from),
    to: flatten(email.to),
    cc: flatten(email.cc),
    subject: email.subject ?? '',
    date: isoDate(email.date, header('date')),
    autoSubmitted: lowerHeader(header('auto-submitted')),
    xAutoreply: lowerHeader(header('x-autoreply')),
    precedence: lowerHeader(header('precedence')),
    contentType,
    snippet: makeSnippet(body),
    bounce,
  };
}
