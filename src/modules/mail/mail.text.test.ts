import { describe, expect, test } from 'vitest';
import {
  decodePartStart,
  envelopeContentType,
  firstMessageId,
  htmlToText,
  isDeliveryStatusReport,
  makeSnippet,
  messageIds,
  normalizeAddresses,
  parseAddressHeader,
  decodeHeader,
  originalMessageIdFrom,
  parseDeliveryStatus,
  parseHeaderBlock,
} from './mail.text.js';

describe('headers', () => {
  test('unfolds and lower-cases names, keeping the first of a repeated field', () => {
    const headers = parseHeaderBlock('Message-ID: <a@b>\r\nReferences: <1@x>\r\n <2@x>\r\nmessage-id: <c@d>\r\n\r\n');
    expect(headers.get('message-id')).toBe('<a@b>');
    expect(headers.get('references')).toBe('<1@x> <2@x>');
  });
  test('message ids keep their brackets, in order, once each', () => {
    expect(messageIds('<1@x> <2@x>\t<1@x>')).toEqual(['<1@x>', '<2@x>']);
    expect(messageIds(null)).toEqual([]);
    expect(firstMessageId('bare@host')).toBe('<bare@host>');
    expect(firstMessageId('no id here')).toBeNull();
  });
  test('the content type keeps only the report type', () => {
    expect(envelopeContentType('Multipart/Report; report-type="delivery-status"; boundary="x"')).toBe('multipart/report; report-type=delivery-status');
    expect(envelopeContentType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(envelopeContentType('')).toBeNull();
    expect(isDeliveryStatusReport('multipart/report; report-type=delivery-status')).toBe(true);
    expect(isDeliveryStatusReport('multipart/report; report-type=disposition-notification')).toBe(false);
  });
  test('address headers: encoded names, groups, lower-cased addresses', () => {
    expect(parseAddressHeader('=?utf-8?q?Ren=C3=A9e?= <Renee@X.test>, "Bo, Jr." <bo@x.test>, Team: c@x.test, d@x.test;')).toEqual([
      { name: 'Renée', address: 'renee@x.test' },
      { name: 'Bo, Jr.', address: 'bo@x.test' },
      { name: null, address: 'c@x.test' },
      { name: null, address: 'd@x.test' },
    ]);
    expect(parseAddressHeader(null)).toEqual([]);
    expect(decodeHeader('=?iso-8859-1?q?caf=E9?= ouvert')).toBe('café ouvert');
  });
  test('addresses are lower-cased and de-duplicated', () => {
    expect(normalizeAddresses([{ name: ' Ada ', address: 'Ada@Example.COM' }, { address: 'ada@example.com' }, { name: 'x', address: '' }])).toEqual([
      { name: 'Ada', address: 'ada@example.com' },
    ]);
  });
});

describe('decoding the start of a part', () => {
  test('quoted-printable cut in the middle of an escape', () => {
    expect(decodePartStart(Buffer.from('Caf=C3=A9 au lait=\r\n soon =C3'), 'quoted-printable', 'utf-8')).toBe('Café au lait soon ');
  });
  test('base64 cut anywhere', () => {
    const encoded = Buffer.from('Grüße aus Berlin').toString('base64');
    expect(decodePartStart(Buffer.from(encoded.slice(0, 14)), 'base64', 'utf-8')).toBe('Grüße a');
    // A character cut in two is left out rather than shown as garbage.
    expect(decodePartStart(Buffer.from(encoded.slice(0, 4)), 'base64', 'utf-8')).toBe('Gr');
  });
  test('a legacy charset', () => {
    expect(decodePartStart(Buffer.from([0x63, 0x61, 0x66, 0xe9]), '8bit', 'iso-8859-1')).toBe('café');
    expect(decodePartStart(Buffer.from('plain'), null, 'x-unknown-charset')).toBe('plain');
  });
  test('html becomes text without quoted blocks', () => {
    expect(htmlToText('<p>Happy to&nbsp;chat &amp; help</p><blockquote>old</blockquote><style>p{}</style>').replace(/\s+/g, ' ').trim()).toBe('Happy to chat & help');
  });
});

describe('snippets', () => {
  test('leave out quoted lines and the "On … wrote:" tail', () => {
    const body = 'Happy to talk!\nThursday works.\n\nOn Mon, 1 Dec 2026 at 10:00, Ada <ada@x.test> wrote:\n> Would you have 20 minutes?\n> Thanks';
    expect(makeSnippet(body)).toBe('Happy to talk! Thursday works.');
  });
  test('a wrapped "On … wrote:" line and an Outlook original message', () => {
    expect(makeSnippet('Yes please.\n\nOn Mon, 1 Dec 2026 at 10:00, Ada Lovelace\n<ada@x.test> wrote:\n\nquoted')).toBe('Yes please.');
    expect(makeSnippet('Sure.\r\n\r\n-----Original Message-----\r\nFrom: Ada\r\nSent: Monday')).toBe('Sure.');
    expect(makeSnippet('Sure.\r\n________________________________\r\nFrom: Ada\r\nSent: Monday')).toBe('Sure.');
  });
  test('signatures are dropped', () => {
    expect(makeSnippet('Talk soon\n-- \nBen\nCEO')).toBe('Talk soon');
  });
  test('a bare forward keeps the forwarded text without its header lines', () => {
    const body = '---------- Forwarded message ---------\nFrom: Cleo <cleo@x.test>\nDate: Mon, 1 Dec 2026\nSubject: Intro\nTo: Ben <ben@x.test>\n\nYou two should meet.';
    expect(makeSnippet(body)).toBe('You two should meet.');
    expect(makeSnippet('FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Cleo')).toBe('FYI, see below.');
  });
  test('at most 300 characters, cut at a word', () => {
    const snippet = makeSnippet('word '.repeat(200));
    expect(snippet.length).toBeLessThanOrEqual(300);
    expect(snippet.endsWith('word…')).toBe(true);
  });
});

describe('delivery-status reports', () => {
  const report = [
    'Reporting-MTA: dns; mx.example.test',
    'Arrival-Date: Mon, 1 Dec 2026 10:00:00 +0000',
    '',
    'Final-Recipient: rfc822; Gone@Example.test',
    'Action: failed',
    'Status: 5.1.1',
    '',
    'Final-Recipient: rfc822; late@example.test',
    'Action: delayed',
    'Status: 4.4.7',
    '',
    'Final-Recipient: rfc822;also-gone@example.test',
    'Status: 5.2.1',
    '',
  ].join('\r\n');
  test('only failed recipients count', () => {
    expect(parseDeliveryStatus(report)).toEqual(['gone@example.test', 'also-gone@example.test']);
  });
  test('recipients without a verdict all count', () => {
    expect(parseDeliveryStatus('Reporting-MTA: dns; x\n\nFinal-Recipient: rfc822; <a@b.test>\n')).toEqual(['a@b.test']);
  });
  test('the original Message-ID from the returned headers', () => {
    expect(originalMessageIdFrom('From: ada@x.test\r\nMessage-ID:\r\n <orig-1@x.test>\r\nSubject: hi\r\n\r\nbody Message-ID: <not@this>')).toBe('<orig-1@x.test>');
    expect(originalMessageIdFrom('Subject: none')).toBeNull();
  });
});
