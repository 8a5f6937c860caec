import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { AppError } from '../../shared/errors.js';
import { cell, column, readCsvSteps } from './csv.js';
import { runAtOnce, type Steps } from './slices.js';
import { clean, displayName, emptyRecord, IMPORT_LIMITS, isEmail, megabytes, tooLarge, webLink, type ImportProblem, type ImportRecord, type ParseResult } from './imports.types.js';

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** "12 Mar 2024" (LinkedIn's format), "2024-03-12", or "03/12/24" → YYYY-MM-DD; null when unreadable. */
export function linkedInDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*[\s-](\d{4})$/.exec(v);
  if (m?.[1] && m[2] && m[3]) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return v;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(v);
  if (m?.[1] && m[2] && m[3]) {
    const year = m[3].length === 2 ? `20${m[3]}` : m[3];
    return `${year}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  }
  return null;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const CONNECTIONS = /(^|\/)connections\.csv$/i;
/** The ZIP is fed to the inflater in small pieces, so one step never unpacks more than about 1 MB. */
const STEP = 1024;

/**
 * The Connections.csv inside LinkedIn's data-export ZIP, or the bytes as text when they are
 * the CSV itself. Only the first Connections.csv is unpacked, and only while it stays under
 * IMPORT_LIMITS.bytes and IMPORT_LIMITS.zipRatio times its packed size (checked against the
 * sizes the ZIP declares and again while unpacking, since a ZIP can declare anything).
 * Throws a 413 AppError naming the limit.
 */
export function linkedInText(bytes: Uint8Array, limits: { bytes: number; zipRatio: number } = IMPORT_LIMITS): { text: string } | { problem: string } {
  return runAtOnce(linkedInTextSteps(bytes, limits));
}

export function* linkedInTextSteps(bytes: Uint8Array, limits: { bytes: number; zipRatio: number } = IMPORT_LIMITS): Steps<{ text: string } | { problem: string }> {
  if (!isZip(bytes)) return { text: new TextDecoder('utf-8').decode(bytes) };
  const { bytes: maxBytes, zipRatio } = limits;
  const overSize = () => tooLarge(`The Connections.csv in this ZIP unpacks to more than ${megabytes(maxBytes)}, the most Inroads reads from one import. Nothing was imported.`, { maxBytes });
  const overRatio = () =>
    tooLarge(`The Connections.csv in this ZIP unpacks to more than ${zipRatio} times its packed size, which a real LinkedIn export never does; Inroads refuses it. Nothing was imported.`, { zipRatio });
  let chosen: UnzipFile | null = null;
  const state: { failure: Error | null; done: boolean } = { failure: null, done: false };
  const chunks: Uint8Array[] = [];
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (chosen || !CONNECTIONS.test(file.name)) return;
    chosen = file;
    const packed = file.size && file.size > 0 ? file.size : bytes.length;
    if ((file.originalSize ?? 0) > maxBytes) state.failure = overSize();
    else if ((file.originalSize ?? 0) > packed * zipRatio) state.failure = overRatio();
    if (state.failure) return;
    let total = 0;
    file.ondata = (error, data, final) => {
      if (state.failure) return;
      if (error) {
        state.failure = error;
        return;
      }
      total += data.length;
      if (total > maxBytes) state.failure = overSize();
      else if (total > Math.max(packed, STEP) * zipRatio) state.failure = overRatio();
      if (state.failure) {
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) state.done = true;
    };
    file.start();
  };
  for (let at = 0; at < bytes.length && !state.failure && !state.done; at += STEP) {
    yield;
    try {
      unzip.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    } catch {
      return { problem: 'This ZIP file could not be read; is it complete?' };
    }
  }
  if (state.failure) {
    if (state.failure instanceof AppError) throw state.failure;
    return { problem: 'This ZIP file could not be read; is it complete?' };
  }
  if (!chosen) return { problem: 'This ZIP has no Connections.csv. In LinkedIn, request a data export that includes Connections.' };
  if (!state.done) return { problem: 'The Connections.csv in this ZIP is cut short; is the ZIP complete?' };
  return { text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
}

/**
 * LinkedIn's Connections.csv: a "Notes:" preamble, then
 * First Name,Last Name,URL,Email Address,Company,Position,Connected On (older files have no URL).
 */
export function parseLinkedIn(text: string): ParseResult {
  return runAtOnce(parseLinkedInSteps(text));
}

export function* parseLinkedInSteps(text: string): Steps<ParseResult> {
  const table = yield* readCsvSteps(text, (cells) => {
    const lower = cells.map((c) => c.trim().toLowerCase());
    return lower.includes('first name') && lower.includes('last name');
  });
  const problems: ImportProblem[] = [];
  if (table.header.length === 0) {
    return { records: [], problems: [{ line: 1, severity: 'fatal', message: 'This does not look like LinkedIn’s Connections.csv: no “First Name, Last Name” header was found.' }] };
  }
  const h = table.header;
  const idx = {
    first: column(h, 'First Name'),
    last: column(h, 'Last Name'),
    url: column(h, 'URL', 'Profile URL'),
    email: column(h, 'Email Address', 'E-mail Address', 'Email'),
    company: column(h, 'Company'),
    position: column(h, 'Position'),
    connected: column(h, 'Connected On'),
  };
  const records: ImportRecord[] = [];
  for (const { line, cells } of table.rows) {
    yield;
    const record = emptyRecord(line, 'linkedin-connection');
    record.givenName = clean(cell(cells, idx.first));
    record.familyName = clean(cell(cells, idx.last));
    record.name = displayName(record.givenName, record.familyName, null);
    record.organization = clean(cell(cells, idx.company));
    record.title = clean(cell(cells, idx.position));
    record.linkedinUrl = webLink(clean(cell(cells, idx.url)));
    const email = clean(cell(cells, idx.email));
    if (email) {
      if (isEmail(email)) record.emails = [{ value: email }];
      else problems.push({ line, severity: 'row', message: `“${email}” is not an email address; the person is imported without it.` });
    }
    const connected = clean(cell(cells, idx.connected));
    if (connected) {
      record.connectedOn = linkedInDate(connected);
      if (!record.connectedOn) problems.push({ line, severity: 'row', message: `“${connected}” is not a date Inroads can read; the connection date is left empty.` });
    }
    if (!record.name) {
      problems.push({ line, severity: 'row', message: 'No first or last name: this row is skipped.' });
      continue;
    }
    records.push(record);
  }
  return { records, problems };
}
