import { cell, column, readCsvSteps } from './csv.js';
import { runAtOnce, type Steps } from './slices.js';
import { unreadColumns } from './generic.parser.js';
import { clean, cleanText, displayName, emptyRecord, isEmail, nameFromEmail, phoneNumber, quote, remark, webLink, type ImportProblem, type ImportRecord, type ParseResult } from './imports.types.js';

/** Google packs several values into one cell with " ::: ". */
const values = (raw: string) => raw.split(/\s*:::\s*/).map((v) => v.trim()).filter(Boolean);

/**
 * Google Contacts CSV, in both header sets: the current one (First Name, Last Name,
 * E-mail 1 - Value, Organization Name, …) and the legacy one (Given Name, Family
 * Name, E-mail 1 - Value, Organization 1 - Name, …).
 */
export function parseGoogle(text: string): ParseResult {
  return runAtOnce(parseGoogleSteps(text));
}

export function* parseGoogleSteps(text: string): Steps<ParseResult> {
  const table = yield* readCsvSteps(text, (cells) => cells.some((c) => /^(first name|given name|name)$/i.test(c.trim())));
  if (table.header.length === 0) {
    return { records: [], problems: [{ line: 1, severity: 'fatal', message: 'This does not look like a Google Contacts CSV: no name column was found.' }] };
  }
  const h = table.header;
  const idx = {
    name: column(h, 'Name'),
    first: column(h, 'First Name', 'Given Name'),
    last: column(h, 'Last Name', 'Family Name'),
    org: column(h, 'Organization Name', 'Organization 1 - Name'),
    title: column(h, 'Organization Title', 'Organization 1 - Title'),
    department: column(h, 'Organization Department', 'Organization 1 - Department'),
    notes: column(h, 'Notes'),
    labels: column(h, 'Labels', 'Group Membership'),
  };
  const numbered = (prefix: string) =>
    h.flatMap((name, index) => {
      const m = new RegExp(`^${prefix} (\\d+) - (Value|Type|Label)$`, 'i').exec(name);
      return m?.[1] && m[2] ? [{ n: Number(m[1]), part: m[2].toLowerCase(), index }] : [];
    });
  const group = (prefix: string) => {
    const parts = numbered(prefix);
    const ns = [...new Set(parts.map((p) => p.n))].sort((a, b) => a - b);
    return ns.map((n) => ({
      value: parts.find((p) => p.n === n && p.part === 'value')?.index ?? -1,
      label: parts.find((p) => p.n === n && (p.part === 'label' || p.part === 'type'))?.index ?? -1,
    }));
  };
  const emailCols = group('E-mail');
  const phoneCols = group('Phone');
  const websiteCols = group('Website');

  const read = new Set([...Object.values(idx), ...[...emailCols, ...phoneCols].flatMap((c) => [c.value, c.label]), ...websiteCols.map((c) => c.value)]);
  // Columns that only say what kind another column's value is, or that Google fills for every row.
  h.forEach((name, index) => {
    if (/^(website \d+ - (type|label)|file as)$/i.test(name)) read.add(index);
  });
  const middle = column(h, 'Middle Name', 'Additional Name');
  read.add(middle);
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const { line, cells } of table.rows) {
    yield;
    const record = emptyRecord(line, 'cold');
    record.givenName = clean(cell(cells, idx.first));
    record.familyName = clean(cell(cells, idx.last));
    record.organization = clean(values(cell(cells, idx.org))[0]);
    record.name = clean(cell(cells, idx.name)) ?? displayName(record.givenName, record.familyName, record.organization);
    record.title = clean(values(cell(cells, idx.title))[0]);
    record.department = clean(values(cell(cells, idx.department))[0]);
    record.notes = cleanText(cell(cells, idx.notes));
    for (const [index, words] of [[idx.org, 'organisation'], [idx.title, 'job title'], [idx.department, 'department']] as const) {
      for (const other of values(cell(cells, index)).slice(1)) remark(record, `The other ${words} ${quote(other)} is not kept.`);
    }
    record.tags = values(cell(cells, idx.labels))
      .map((t) => t.replace(/^\*\s*/, ''))
      .filter((t) => t && !/^my ?contacts$/i.test(t) && !/^starred$/i.test(t));
    for (const { value, label } of emailCols) {
      const kind = clean(values(cell(cells, label))[0]?.replace(/^\*\s*/, ''));
      for (const email of values(cell(cells, value))) {
        if (isEmail(email)) record.emails.push({ value: email, ...(kind ? { label: kind.toLowerCase() } : {}) });
        else problems.push({ line, severity: 'row', message: `“${email}” is not an email address; it is left out.` });
      }
    }
    for (const { value, label } of phoneCols) {
      const kind = clean(values(cell(cells, label))[0]);
      for (const phone of values(cell(cells, value))) {
        const number = phoneNumber(phone);
        if (number) record.phones.push({ value: number, ...(kind ? { label: kind.toLowerCase() } : {}) });
        else problems.push({ line, severity: 'row', message: `“${phone}” is not a phone number; it is left out.` });
      }
    }
    for (const { value } of websiteCols) {
      for (const site of values(cell(cells, value))) {
        const link = webLink(site);
        if (link && /linkedin\.com/i.test(link) && !record.linkedinUrl) record.linkedinUrl = link;
        else remark(record, `The web address ${quote(site)} is not kept.`);
      }
    }
    for (const [field, words, most] of [['emails', 'email addresses', 20], ['phones', 'phone numbers', 20], ['tags', 'labels', 50]] as const) {
      const list = record[field] as unknown[];
      if (list.length > most) remark(record, `${list.length - most} more ${words} past the first ${most} are not kept.`);
      record[field] = list.slice(0, most) as never;
    }
    const middleName = clean(cell(cells, middle));
    if (middleName && !record.name.includes(middleName)) remark(record, `The middle name ${quote(middleName)} is not kept.`);
    unreadColumns(record, h, cells, read);
    if (!record.name && !nameFromEmail(record)) {
      problems.push({ line, severity: 'row', message: 'No name, organisation or email address: this row is skipped.' });
      continue;
    }
    records.push(record);
  }
  return { records, problems };
}
