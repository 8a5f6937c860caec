import { describeFields } from '../../shared/schemas/imports.js';
import { sortKey } from '../../shared/text.js';
import { runAtOnce, type Steps } from './slices.js';
import { normaliseLinkedIn, type ImportProblem, type ImportRecord } from './imports.types.js';

/** A person already in Inroads, in the same shape as an imported record. */
export type ExistingPerson = Omit<ImportRecord, 'line' | 'relationship'> & { id: string; relationship: string };

export type MergeChoice = 'fill' | 'overwrite' | 'skip';
export type MatchKind = 'email' | 'linkedin' | 'name-and-organization';

export interface PlannedRecord {
  record: ImportRecord;
  action: 'create' | 'update' | 'unchanged' | 'skip';
  match: { id: string; by: MatchKind } | null;
  /** Fields that differ where both sides have a value. */
  conflicts: string[];
  /** What the import would write on a matched person. */
  patch: Partial<ExistingPerson>;
}

const SCALARS = ['givenName', 'familyName', 'title', 'organization', 'department', 'linkedinUrl', 'connectedOn', 'notes'] as const;

const nameOrgKey = (name: string, organization: string | null) => `${sortKey(name)}|${sortKey(organization ?? '')}`;
const emailKey = (email: string) => email.trim().toLowerCase();

interface MatchKeys {
  emails: string[];
  linkedin: string | null;
  nameOrg: string;
}

const matchKeys = (p: Pick<ImportRecord, 'emails' | 'linkedinUrl' | 'name' | 'organization'>): MatchKeys => ({
  emails: p.emails.map((e) => emailKey(e.value)),
  linkedin: normaliseLinkedIn(p.linkedinUrl),
  nameOrg: nameOrgKey(p.name, p.organization),
});

/** Indexes people by email, LinkedIn address and name plus organisation; keys are computed once per person. */
function* indexPeople(people: readonly ExistingPerson[]) {
  const byEmail = new Map<string, ExistingPerson>();
  const byLinkedIn = new Map<string, ExistingPerson>();
  const byNameOrg = new Map<string, ExistingPerson>();
  const add = (p: ExistingPerson, keys = matchKeys(p)) => {
    for (const e of keys.emails) if (!byEmail.has(e)) byEmail.set(e, p);
    if (keys.linkedin && !byLinkedIn.has(keys.linkedin)) byLinkedIn.set(keys.linkedin, p);
    if (!byNameOrg.has(keys.nameOrg)) byNameOrg.set(keys.nameOrg, p);
  };
  for (let i = 0; i < people.length; i++) {
    if (i % 64 === 0) yield;
    add(people[i] as ExistingPerson);
  }
  return {
    add,
    find(keys: MatchKeys): { person: ExistingPerson; by: MatchKind } | null {
      for (const e of keys.emails) {
        const person = byEmail.get(e);
        if (person) return { person, by: 'email' };
      }
      const viaLinkedIn = keys.linkedin ? byLinkedIn.get(keys.linkedin) : undefined;
      if (viaLinkedIn) return { person: viaLinkedIn, by: 'linkedin' };
      const viaName = byNameOrg.get(keys.nameOrg);
      return viaName ? { person: viaName, by: 'name-and-organization' } : null;
    },
  };
}

function mergeList<T extends { value: string }>(existing: T[], incoming: T[], key: (v: string) => string): T[] | null {
  const seen = new Set(existing.map((e) => key(e.value)));
  const added = incoming.filter((i) => !seen.has(key(i.value)));
  return added.length ? [...existing, ...added] : null;
}

/** What importing `record` onto `person` changes, and where the two disagree. */
export function mergeInto(person: ExistingPerson, record: ImportRecord, choice: MergeChoice): { patch: Partial<ExistingPerson>; conflicts: string[] } {
  const patch: Partial<ExistingPerson> = {};
  const conflicts: string[] = [];
  for (const field of SCALARS) {
    const incoming = record[field];
    const current = person[field];
    if (!incoming) continue;
    const same = field === 'linkedinUrl' ? normaliseLinkedIn(current) === normaliseLinkedIn(incoming) : current === incoming;
    if (same) continue;
    if (!current) patch[field] = incoming;
    else {
      conflicts.push(field);
      if (choice === 'overwrite') patch[field] = incoming;
    }
  }
  const emails = mergeList(person.emails, record.emails, emailKey);
  if (emails) patch.emails = emails.slice(0, 20);
  const phones = mergeList(person.phones, record.phones, (v) => v.replace(/[^0-9+]/g, ''));
  if (phones) patch.phones = phones.slice(0, 20);
  const tags = record.tags.filter((t) => !person.tags.includes(t));
  if (tags.length) patch.tags = [...person.tags, ...tags].slice(0, 50);
  if (person.relationship === 'cold' && record.relationship !== 'cold') patch.relationship = record.relationship;
  return { patch, conflicts };
}

/**
 * Matches every record against the people already there (email first, then the
 * LinkedIn address, then name with organisation) and against earlier rows of the
 * same file, so a person listed twice is created once. Pure.
 */
export function planImport(records: readonly ImportRecord[], existing: readonly ExistingPerson[], choice: MergeChoice): { planned: PlannedRecord[]; problems: ImportProblem[] } {
  return runAtOnce(planImportSteps(records, existing, choice));
}

export function* planImportSteps(records: readonly ImportRecord[], existing: readonly ExistingPerson[], choice: MergeChoice): Steps<{ planned: PlannedRecord[]; problems: ImportProblem[] }> {
  const known = yield* indexPeople(existing);
  const problems: ImportProblem[] = [];
  const planned: PlannedRecord[] = [];
  const firstLine = new Map<ExistingPerson, PlannedRecord>();
  const fileIndex = runAtOnce(indexPeople([]));
  for (const record of records) {
    yield;
    const keys = matchKeys(record);
    const earlier = fileIndex.find(keys);
    if (earlier) {
      const first = firstLine.get(earlier.person);
      if (first) {
        const { patch, conflicts } = mergeInto(earlier.person, record, 'fill');
        Object.assign(first.record, Object.fromEntries(Object.entries(patch).filter(([k]) => k in first.record)));
        Object.assign(earlier.person, patch);
        const differs = conflicts.length ? ` Where they differ (${describeFields(conflicts)}), line ${first.record.line} wins and this row’s is not kept.` : '';
        problems.push({ line: record.line, severity: 'row', message: `The same person as line ${first.record.line} (by ${earlier.by}); the two rows are merged.${differs}` });
        continue;
      }
    }
    const match = known.find(keys);
    if (!match) {
      const item: PlannedRecord = { record, action: 'create', match: null, conflicts: [], patch: {} };
      planned.push(item);
      const asPerson: ExistingPerson = { id: `line-${record.line}`, ...record, relationship: record.relationship };
      fileIndex.add(asPerson, keys);
      firstLine.set(asPerson, item);
      continue;
    }
    const { patch, conflicts } = mergeInto(match.person, record, choice);
    const action = choice === 'skip' ? 'skip' : Object.keys(patch).length === 0 ? 'unchanged' : 'update';
    planned.push({ record, action, match: { id: match.person.id, by: match.by }, conflicts, patch: choice === 'skip' ? {} : patch });
  }
  return { planned, problems };
}
