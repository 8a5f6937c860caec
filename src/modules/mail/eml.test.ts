import { describe, expect, test } from 'vitest';
import * as mail from '../../../test/mail/messages.js';
import { parseEml } from './eml.js';

describe('parseEml', () => {
  test('a reply: envelope, threading headers and a trimmed snippet', async () => {
    const facts = await parseEml(mail.gmailReply({ from: 'carol@known.test', to: 'ben@inroads.test', subject: 'Re: Chat?', messageId: '<r1@known.test>', inReplyTo: '<req-1@inroads.test>' }));
    expect(facts).toEqual({
      folder: 'inbox',
      uid: 0,
      messageId: '<r1@known.test>',
      inReplyTo: '<req-1@inroads.test>',
      references: ['<older@x.test>', '<req-1@inroads.test>'],
      from: [{ name: 'Carol Known', address: 'carol@known.test' }],
      to: [{ name: null, address: 'ben@inroads.test' }],
      cc: [],
      subject: 'Re: Chat?',
      date: '2026-12-01T10:00:00.000Z',
      autoSubmitted: null,
      xAutoreply: null,
      precedence: null,
      contentType: 'multipart/alternative',
      snippet: 'Happy to chat! Thursday at 3 works for me — see you then.',
      bounce: null,
    });
  });

  test('an Outlook reply as bytes: no References, base64 body', async () => {
    const facts = await parseEml(Buffer.from(mail.outlookReply({ from: 'erin@known.test', to: 'ben@inroads.test', subject: 'RE: x', messageId: '<r2@k>', inReplyTo: '<q@i>' })));
    expect(facts).toMatchObject({ inReplyTo: '<q@i>', references: [], snippet: 'Yes, glad to help. Next week is best.' });
  });

  test('an auto-reply keeps its markers', async () => {
    const facts = await parseEml(mail.autoReply({ from: 'dave@known.test', to: 'ben@inroads.test', subject: 'Coffee?', messageId: '<a1@k>', inReplyTo: '<q@i>' }));
    expect(facts).toMatchObject({ autoSubmitted: 'auto-replied', xAutoreply: 'yes', precedence: 'auto_reply' });
  });

  test('a bounce gives the failed recipient and the original Message-ID', async () => {
    const facts = await parseEml(mail.bounce({ from: 'm@x', to: 'ben@inroads.test', subject: '', messageId: '<b1@x>', failed: 'Gone@Known.test', original: '<req-2@inroads.test>' }));
    expect(facts.contentType).toBe('multipart/report; report-type=delivery-status');
    expect(facts.bounce).toEqual({ failedRecipients: ['gone@known.test'], originalMessageId: '<req-2@inroads.test>' });
    expect(facts.from).toEqual([{ name: 'Mail Delivery System', address: 'mailer-daemon@mx.inroads.test' }]);
  });

  test('a bounce that returns the whole message (message/rfc822)', async () => {
    const raw = [
      'From: postmaster@mx.test',
      'To: ben@inroads.test',
      'Subject: Delivery Status Notification (Failure)',
      'Content-Type: multipart/report; report-type=delivery-status; boundary=zz',
      '',
      '--zz',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--zz',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.test',
      '',
      'Final-Recipient: rfc822; nobody@known.test',
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--zz',
      'Content-Type: message/rfc822',
      '',
      'From: ben@inroads.test',
      'Message-ID: <orig-9@inroads.test>',
      'Subject: Hello',
      '',
      'The body of the original.',
      '--zz--',
      '',
    ].join('\r\n');
    const facts = await parseEml(raw);
    expect(facts.bounce).toEqual({ failedRecipients: ['nobody@known.test'], originalMessageId: '<orig-9@inroads.test>' });
    expect(facts.snippet).toBe('Delivery failed.');
  });

  test('an HTML-only message gets a text snippet; a group address is flattened', async () => {
    const raw = 'From: Team: Ada <ada@x.test>, Bo <bo@x.test>;\r\nTo: ben@inroads.test\r\nSubject: Hi\r\nContent-Type: text/html\r\n\r\n<p>Hello <b>there</b></p><blockquote>old</blockquote>\r\n';
    const facts = await parseEml(raw);
    expect(facts.snippet).toBe('Hello there');
    expect(facts.from.map((a) => a.address)).toEqual(['ada@x.test', 'bo@x.test']);
    expect(facts.messageId).toBeNull();
  });
});
