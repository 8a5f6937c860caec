import type { Contact } from '../../shared/schemas/contacts.js';
import type { Interview } from '../../shared/schemas/interviews.js';

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @,
 * tab or carriage return) gets a leading apostrophe, so opening the file runs nothing.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (header: string[], rows: Array<Array<string | number | null>>) =>
  `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

export function contactsCsv(contacts: readonly Contact[]): string {
  return csv(
    ['Name', 'Given name', 'Family name', 'Title', 'Organisation', 'Department', 'Relationship', 'Seniority', 'Emails', 'Phones', 'LinkedIn', 'Tags', 'Connected on', 'How we met', 'Notes', 'Responsiveness', 'Id'],
    contacts.map((c) => [
      c.name,
      c.givenName,
      c.familyName,
      c.title,
      c.organization?.name ?? null,
      c.department,
      c.relationship,
      c.seniority,
      c.emails.map((e) => e.value).join('; '),
      c.phones.map((p) => p.value).join('; '),
      c.linkedinUrl,
      c.tags.join('; '),
      c.connectedOn,
      c.howWeMet,
      c.notes,
      c.responsiveness,
      c.id,
    ]),
  );
}

export function interviewsCsv(interviews: readonly Interview[]): string {
  return csv(
    ['Person', 'Organisation', 'Status', 'Purpose', 'Format', 'Requested', 'Scheduled', 'Held', 'Thanked', 'Planned minutes', 'Objective', 'Notes', 'Takeaways', 'Check-in every (days)', 'Id', 'Person id'],
    interviews.map((i) => [
      i.contact.name,
      i.organization?.name ?? null,
      i.status,
      i.purpose,
      i.format,
      i.requestedAt,
      i.scheduledAt,
      i.heldAt,
      i.thankedAt,
      i.plannedMinutes,
      i.objective,
      i.notes,
      i.takeaways,
      i.followUpPermission,
      i.id,
      i.contactId,
    ]),
  );
}

const escapeVCard = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2). */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** vCard 4.0 for every person, ready for a phone or mail program. */
export function contactsVCard(contacts: readonly Contact[], revision: string): string {
  return contacts
    .map((c) => {
      const lines = [
        'BEGIN:VCARD',
        'VERSION:4.0',
        `UID:urn:uuid:${c.id}`,
        `FN:${escapeVCard(c.name)}`,
        `N:${escapeVCard(c.familyName ?? '')};${escapeVCard(c.givenName ?? (c.familyName ? '' : c.name))};;;`,
        ...(c.organization ? [`ORG:${escapeVCard(c.organization.name)}${c.department ? `;${escapeVCard(c.department)}` : ''}`] : []),
        ...(c.title ? [`TITLE:${escapeVCard(c.title)}`] : []),
        ...c.emails.map((e) => `EMAIL${e.label ? `;TYPE=${escapeVCard(e.label)}` : ''}:${e.value}`),
        ...c.phones.map((p) => `TEL${p.label ? `;TYPE=${escapeVCard(p.label)}` : ''};VALUE=text:${escapeVCard(p.value)}`),
        ...(c.linkedinUrl ? [`URL:${c.linkedinUrl}`] : []),
        ...(c.tags.length ? [`CATEGORIES:${c.tags.map(escapeVCard).join(',')}`] : []),
        ...(c.notes ? [`NOTE:${escapeVCard(c.notes)}`] : []),
        `REV:${revision.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`,
        'END:VCARD',
      ];
      return lines.map(fold).join('\r\n');
    })
    .join('\r\n')
    .concat('\r\n');
}
