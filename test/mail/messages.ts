/** Raw messages as real mail programs and servers write them, for the mail tests and bench. */

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

export interface Sample {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  date?: string;
}

const date = (sample: Sample) => sample.date ?? 'Mon, 1 Dec 2026 10:00:00 +0000';

/** A request the user sent (lives in Sent). */
export function request(sample: Sample): string {
  return crlf([
    `From: Ben User <${sample.from}>`,
    `To: <${sample.to}>`,
    `Subject: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Would you have 20 minutes for a chat about your work?',
  ]);
}

/** A reply from Gmail: In-Reply-To and References, multipart/alternative, quoted text. */
export function gmailReply(sample: Sample & { inReplyTo: string }): string {
  return crlf([
    `From: Carol Known <${sample.from}>`,
    `To: ${sample.to}`,
    `Subject: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    `In-Reply-To: ${sample.inReplyTo}`,
    `References: <older@x.test>`,
    ` ${sample.inReplyTo}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Happy to chat! Thursday at 3 works for me =E2=80=94 see you then.',
    '',
    'On Mon, 1 Dec 2026 at 10:00, Ben User <ben@inroads.test> wrote:',
    '> Would you have 20 minutes for a chat about your work?',
    '',
    '--b1',
    'Content-Type: text/html; charset="UTF-8"',
    '',
    '<div>Happy to chat! Thursday at 3 works for me</div>',
    '--b1--',
  ]);
}

/** A reply from Outlook: In-Reply-To but no References, base64 text, the original below a rule. */
export function outlookReply(sample: Sample & { inReplyTo: string }): string {
  const text = 'Yes, glad to help. Next week is best.\r\n\r\n________________________________\r\nFrom: Ben User <ben@inroads.test>\r\nSent: Monday\r\nSubject: Chat?\r\n\r\nWould you have 20 minutes?\r\n';
  return crlf([
    `From: "Erin Known" <${sample.from}>`,
    `To: "Ben User" <${sample.to}>`,
    `Subject: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    `In-Reply-To: ${sample.inReplyTo}`,
    'Thread-Index: AQHaQ2x5c2VudGluZWw=',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(text).toString('base64').match(/.{1,76}/g) ?? []),
  ]);
}

/** An out-of-office answer. */
export function autoReply(sample: Sample & { inReplyTo: string }): string {
  return crlf([
    `From: Dave Known <${sample.from}>`,
    `To: ${sample.to}`,
    `Subject: Automatic reply: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    `In-Reply-To: ${sample.inReplyTo}`,
    'Auto-Submitted: auto-replied',
    'X-Autoreply: yes',
    'Precedence: auto_reply',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'I am out of the office until Monday.',
  ]);
}

/** A delivery-status report as Postfix writes it. */
export function bounce(sample: Sample & { failed: string; original: string }): string {
  return crlf([
    `From: MAILER-DAEMON@mx.inroads.test (Mail Delivery System)`,
    `To: ${sample.to}`,
    `Subject: Undelivered Mail Returned to Sender`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="BOUNDARY-1"',
    '',
    'This is a MIME-encapsulated message.',
    '',
    '--BOUNDARY-1',
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.inroads.test.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${sample.failed}>: host mx.known.test said: 550 5.1.1 User unknown`,
    '',
    '--BOUNDARY-1',
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.inroads.test',
    'X-Postfix-Queue-ID: 4ABC',
    'Arrival-Date: Mon,  1 Dec 2026 09:59:00 +0000 (UTC)',
    '',
    `Final-Recipient: rfc822; ${sample.failed}`,
    `Original-Recipient: rfc822;${sample.failed}`,
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mx.known.test',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--BOUNDARY-1',
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    `From: Ben User <${sample.to}>`,
    `To: ${sample.failed}`,
    'Subject: Would you have 20 minutes?',
    `Message-ID: ${sample.original}`,
    '',
    '--BOUNDARY-1--',
  ]);
}

/** A forward from a known person. */
export function forward(sample: Sample): string {
  return crlf([
    `From: Carol Known <${sample.from}>`,
    `To: ${sample.to}`,
    `Subject: Fwd: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Thought you two should meet.',
    '',
    '---------- Forwarded message ---------',
    'From: Frank Other <frank@elsewhere.test>',
    'Date: Sun, 30 Nov 2026',
    `Subject: ${sample.subject}`,
    '',
    'Hello Carol, I am looking for people in climate work.',
  ]);
}

/** A message from someone Inroads knows nothing about, with a body that must never be read. */
export function stranger(sample: Sample, secret: string): string {
  return crlf([
    `From: Someone <${sample.from}>`,
    `To: ${sample.to}`,
    `Subject: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Private: ${secret}`,
  ]);
}

/** A plain message (bench): short text body. */
export function plain(sample: Sample, body: string): string {
  return crlf([
    `From: <${sample.from}>`,
    `To: <${sample.to}>`,
    `Subject: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
  ]);
}

/** A delivery-status report that returns the whole original message (message/rfc822), as Exchange and Gmail do. */
export function bounceWithMessage(sample: Sample & { failed: string; original: string }): string {
  return crlf([
    'From: Mail Delivery Subsystem <mailer-daemon@googlemail.test>',
    `To: ${sample.to}`,
    `Subject: ${sample.subject}`,
    `Date: ${date(sample)}`,
    `Message-ID: ${sample.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; boundary="000000000000abc"; report-type=delivery-status',
    '',
    '--000000000000abc',
    'Content-Type: multipart/related; boundary="000000000000def"',
    '',
    '--000000000000def',
    'Content-Type: multipart/alternative; boundary="000000000000ghi"',
    '',
    '--000000000000ghi',
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    "Address not found. Your message wasn't delivered to " + sample.failed + ' because the address could not be found.',
    '',
    '--000000000000ghi',
    'Content-Type: text/html; charset="UTF-8"',
    '',
    '<p>Address not found</p>',
    '--000000000000ghi--',
    '--000000000000def--',
    '--000000000000abc',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; googlemail.test',
    '',
    `Final-Recipient: rfc822; ${sample.failed}`,
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--000000000000abc',
    'Content-Type: message/rfc822',
    '',
    `From: Ben User <${sample.to}>`,
    `To: ${sample.failed}`,
    `Message-ID: ${sample.original}`,
    'Subject: Hello',
    '',
    'The body of the original request, which was sent to the wrong address.',
    '',
    '--000000000000abc--',
  ]);
}
