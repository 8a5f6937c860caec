import type { Contact } from '../../shared/schemas/contacts.js';
import type { Interview } from '../../shared/schemas/interviews.js';

/** Characters a spreadsheet skips or shows as nothing before a cell's first visible character. */
const INVISIBLE_LEAD = /^[\s\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]+/u;
const FORMULA_START = /^[=+\-@\u2212]/u;

/**
 * Whether a spreadsheet could take this text as a formula: it starts with = + - @
 * (or a tab or carriage return), also once leading spaces and invisible characters are
 * dropped and full-width or small forms (＝, ﹢) are read as the plain ones.
 */
export function looksLikeFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const head = text.slice(0, 64).replace(INVISIBLE_LEAD, '').normalize('NFKC').replace(INVISIBLE_LEAD, '');
  return FORMULA_START.test(head);
}

/**
 * One CSV cell, always quoted (so a `;` or tab inside a cell never starts a new cell in a
 * spreadsheet that splits on it). Text a spreadsheet could run as a formula gets a leading
 * apostrophe, so opening the file runs nothing.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
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
