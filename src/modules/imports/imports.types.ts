import type { Relationship } from '../../shared/schemas/contacts.js';
import { AppError } from '../../shared/errors.js';
import { NUL_MESSAGE } from '../../shared/input.js';

/**
 * What one import may hold (documented in the README). LinkedIn exports at most 30,000
 * connections; a phone's address book with photos stays well under the size.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file, and of the Connections.csv unpacked from a ZIP. */
  bytes: 32 * 1024 * 1024,
  /** People (rows or cards) in one file. */
  rows: 50_000,
  /** How many times larger than its packed size a file in a ZIP may unpack. */
  zipRatio: 100,
} as const;

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The refusal when a file is over one of the limits: 413, naming the limit. */
export const tooLarge = (message: string, limit: Record<string, number>) => new AppError('imports.too_large', 413, message, { ...limit });

/** The refusal of a file with more people than one import takes; `count` when it is known. */
export function tooManyPeople(count?: number): AppError {
  const most = IMPORT_LIMITS.rows.toLocaleString('en');
  const held = count === undefined ? `more than ${most}` : count.toLocaleString('en');
  return tooLarge(`This file holds ${held} people; one import takes at most ${most}. Split it into smaller files. Nothing was imported.`, { maxRows: IMPORT_LIMITS.rows });
}

/** Rows a CSV may have before reading stops (people, plus room for a preamble and blank lines). */
export const MAX_CSV_ROWS = IMPORT_LIMITS.rows + 10_000;

/** One person read from an import file, before matching; `line` is where it starts in the file. */
export interface ImportRecord {
  line: number;
  name: string;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  organization: string | null;
  department: string | null;
  emails: Array<{ value: string; label?: string }>;
  phones: Array<{ value: string; label?: string }>;
  linkedinUrl: string | null;
  connectedOn: string | null;
  notes: string | null;
  tags: string[];
  relationship: Relationship;
  /**
   * What the file says about this person that Inroads leaves out or changes, in plain
   * words for the preview ("the birthday (2 May 1984) is not kept"). Never field names.
   */
  remarks?: string[];
  /** The file gave no name; `name` was made up (from the email address) for the user to correct. */
  unnamed?: boolean;
}

/** Adds a plain-words remark about what the import leaves out or changes in this record. */
export function remark(record: ImportRecord, text: string): void {
  (record.remarks ??= []).push(text.charAt(0).toUpperCase() + text.slice(1));
}

/** A value quoted in a remark, shortened so one remark stays one line. */
export const quote = (value: string, max = 60): string => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
};

/**
 * A name for someone the file gives only an email address: the part before the @
 * ("jo.smith@example.com" → "jo.smith"), flagged so the preview asks for a real one.
 */
export function nameFromEmail(record: ImportRecord): boolean {
  const email = record.emails[0]?.value;
  if (record.name || !email) return false;
  record.name = email.slice(0, email.lastIndexOf('@')) || email;
  record.unnamed = true;
  remark(record, `The file gives no name, only an email address, so this person is called “${record.name}” for now. Give them their real name after the import.`);
  return true;
}

/** Multi-line text (notes): line ends made \n, outer blank space trimmed, line breaks kept; blank → null. */
export const cleanText = (value: string | undefined | null): string | null => {
  const text = (value ?? '').replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim();
  return text === '' ? null : text;
};

/**
 * A phone number as Inroads keeps it: digits with + ( ) . - / and spaces, and an
 * extension written "x102". Reads "ext. 102", "extension 102", "#102" and tel: URIs
 * with ;ext= (RFC 3966). Null when it is not a phone number.
 */
export function phoneNumber(raw: string): string | null {
  let value = raw.trim();
  let extension: string | undefined;
  if (/^tel:/i.test(value)) {
    const [number = '', ...params] = value.slice(4).split(';');
    value = decodeOrKeep(number);
    for (const param of params) {
      const [key = '', v = ''] = param.split('=');
      if (key.toLowerCase() === 'ext' && v) extension = decodeOrKeep(v);
    }
  }
  const ext = /^(.*?)[\s,]*(?:;\s*ext=|\b(?:ext|extn|extension)\.?\s*|#|x\s*)(\d{1,8})$/i.exec(value);
  if (ext?.[1] && ext[2] && !extension) {
    value = ext[1];
    extension = ext[2];
  }
  value = value.trim();
  const full = extension ? `${value} x${extension}` : value;
  return /^[+0-9 ().\-/]{3,40}$/.test(value) && /\d/.test(value) && full.length <= 40 ? full : null;
}

/** A problem with the file: `fatal` stops the import; `row` skips that record unless fixed. `field` names the column or property when one is to blame. */
export interface ImportProblem {
  line: number;
  severity: 'fatal' | 'row';
  message: string;
  field?: string;
}

/**
 * Why a file holding a NUL character (U+0000), even one that only appears once a value
 * is decoded, is refused whole: PostgreSQL cannot store it, and both databases must agree.
 */
export const nulInFile = (subject: string) => `${subject} ${NUL_MESSAGE}. Remove it (a file saved as UTF-16 must be saved again as UTF-8) and try again.`;

export interface ParseResult {
  records: ImportRecord[];
  problems: ImportProblem[];
}

export const emptyRecord = (line: number, relationship: Relationship): ImportRecord => ({
  line,
  name: '',
  givenName: null,
  familyName: null,
  title: null,
  organization: null,
  department: null,
  emails: [],
  phones: [],
  linkedinUrl: null,
  connectedOn: null,
  notes: null,
  tags: [],
  relationship,
});

/** Trims and turns blanks into null. */
export const clean = (value: string | undefined | null): string | null => {
  const trimmed = (value ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
};

export function displayName(given: string | null, family: string | null, fallback: string | null): string {
  return [given, family].filter(Boolean).join(' ').trim() || (fallback ?? '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string) => EMAIL.test(value) && value.length <= 320;

/** http(s) links only; a bare "www.linkedin.com/in/…" gains https://. */
export function webLink(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^https?:\/\/\S+$/i.test(v)) return v;
  if (/^(www\.)?linkedin\.com\/\S+$/i.test(v)) return `https://${v}`;
  return null;
}

/** One form of a LinkedIn profile address, for matching. */
export function normaliseLinkedIn(url: string | null): string | null {
  if (!url) return null;
  const match = /linkedin\.com\/in\/([^/?#\s]+)/i.exec(url);
  return match?.[1] ? `linkedin.com/in/${decodeOrKeep(match[1]).toLowerCase()}` : url.toLowerCase();
}

/** Percent-decoding that keeps a malformed sequence (such as a lone "%") as it is. */
function decodeOrKeep(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
