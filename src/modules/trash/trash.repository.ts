import type { Kysely } from 'kysely';
import type { Database, TrashTable } from '../../db/database.js';

/** What can be deleted and brought back. */
export type TrashType = 'contact' | 'organization' | 'interview';

/** The tables a snapshot may hold rows of, parents before children. */
const RESTORE_ORDER = [
  'organizations',
  'explorationOrganizations',
  'contacts',
  'contactTags',
  'contactExplorations',
  'interviews',
  'interviewExplorations',
  'interviewNotes',
  'interactions',
  'referrals',
  'leads',
] as const;
type SnapshotTable = (typeof RESTORE_ORDER)[number];

/** Each table's references: a row whose required parent has gone since is left out; an optional one is cleared. */
const REFERENCES: Record<SnapshotTable, Array<{ column: string; table: keyof Database; optional: boolean }>> = {
  organizations: [],
  explorationOrganizations: [
    { column: 'explorationId', table: 'explorations', optional: false },
    { column: 'organizationId', table: 'organizations', optional: false },
  ],
  contacts: [
    { column: 'organizationId', table: 'organizations', optional: true },
    { column: 'referredById', table: 'contacts', optional: true },
  ],
  contactTags: [{ column: 'contactId', table: 'contacts', optional: false }],
  contactExplorations: [
    { column: 'contactId', table: 'contacts', optional: false },
    { column: 'explorationId', table: 'explorations', optional: false },
  ],
  interviews: [{ column: 'contactId', table: 'contacts', optional: false }],
  interviewExplorations: [
    { column: 'interviewId', table: 'interviews', optional: false },
    { column: 'explorationId', table: 'explorations', optional: false },
  ],
  interviewNotes: [
    { column: 'interviewId', table: 'interviews', optional: false },
    { column: 'questionId', table: 'questions', optional: true },
  ],
  interactions: [
    { column: 'contactId', table: 'contacts', optional: false },
    { column: 'interviewId', table: 'interviews', optional: true },
  ],
  referrals: [
    { column: 'fromContactId', table: 'contacts', optional: false },
    { column: 'toContactId', table: 'contacts', optional: false },
    { column: 'interviewId', table: 'interviews', optional: true },
  ],
  // A lead outlives what it came from: a delete only clears its links.
  leads: [
    { column: 'interviewId', table: 'interviews', optional: true },
    { column: 'contactId', table: 'contacts', optional: true },
    { column: 'organizationId', table: 'organizations', optional: true },
  ],
};

type Row = Record<string, unknown>;

/**
 * Everything a delete removes or changes: the deleted rows (the item and what
 * hung off it, in restore order) and the links in surviving rows that the
 * database cleared (`on delete set null`), to be set again on restore.
 */
export interface TrashSnapshot {
  rows: Array<{ table: SnapshotTable; rows: Row[] }>;
  links: Array<{ table: SnapshotTable; id: string; column: string; value: string }>;
}

export interface TrashEntry {
  id: string;
  type: TrashType;
  entityId: string;
  label: string;
  snapshot: TrashSnapshot;
  deletedAt: string;
}

// The snapshot code walks tables by name; Kysely's per-table column types cannot follow that.
type LooseDatabase = Record<string, Row>;

export function createTrashRepository(typed: Kysely<Database>) {
  const db = typed as unknown as Kysely<LooseDatabase>;

  async function rowsWhere(table: SnapshotTable, column: string, values: string[]): Promise<Row[]> {
    if (values.length === 0) return [];
    return db.selectFrom(table).selectAll().where(column, 'in', values).execute();
  }

  async function linksWhere(
    table: SnapshotTable,
    column: string,
    values: string[],
    keep: (row: Row) => boolean = () => true,
  ): Promise<TrashSnapshot['links']> {
    const rows = (await rowsWhere(table, column, values)).filter(keep);
    return rows.map((r) => ({ table, id: String(r.id), column, value: String(r[column]) }));
  }

  async function interviewParts(ids: string[]) {
    return [
      { table: 'interviewExplorations' as const, rows: await rowsWhere('interviewExplorations', 'interviewId', ids) },
      { table: 'interviewNotes' as const, rows: await rowsWhere('interviewNotes', 'interviewId', ids) },
    ];
  }

  const capture: Record<TrashType, (id: string) => Promise<TrashSnapshot>> = {
    async organization(id) {
      return {
        rows: [
          { table: 'organizations', rows: await rowsWhere('organizations', 'id', [id]) },
          { table: 'explorationOrganizations', rows: await rowsWhere('explorationOrganizations', 'organizationId', [id]) },
        ],
        links: [...(await linksWhere('contacts', 'organizationId', [id])), ...(await linksWhere('leads', 'organizationId', [id]))],
      };
    },
    async interview(id) {
      return {
        rows: [{ table: 'interviews', rows: await rowsWhere('interviews', 'id', [id]) }, ...(await interviewParts([id]))],
        links: [
          ...(await linksWhere('interactions', 'interviewId', [id])),
          ...(await linksWhere('referrals', 'interviewId', [id])),
          ...(await linksWhere('leads', 'interviewId', [id])),
        ],
      };
    },
    async contact(id) {
      const interviews = await rowsWhere('interviews', 'contactId', [id]);
      const interviewIds = interviews.map((r) => String(r.id));
      const referrals = [...(await rowsWhere('referrals', 'fromContactId', [id])), ...(await rowsWhere('referrals', 'toContactId', [id]))];
      const uniqueReferrals = [...new Map(referrals.map((r) => [String(r.id), r])).values()];
      const notOwn = (r: Row) => r.contactId !== id && r.fromContactId !== id && r.toContactId !== id;
      return {
        rows: [
          { table: 'contacts', rows: await rowsWhere('contacts', 'id', [id]) },
          { table: 'contactTags', rows: await rowsWhere('contactTags', 'contactId', [id]) },
          { table: 'contactExplorations', rows: await rowsWhere('contactExplorations', 'contactId', [id]) },
          { table: 'interviews', rows: interviews },
          ...(await interviewParts(interviewIds)),
          { table: 'interactions', rows: await rowsWhere('interactions', 'contactId', [id]) },
          { table: 'referrals', rows: uniqueReferrals },
        ],
        links: [
          ...(await linksWhere('contacts', 'referredById', [id], (r) => r.id !== id)),
          ...(await linksWhere('interactions', 'interviewId', interviewIds, notOwn)),
          ...(await linksWhere('referrals', 'interviewId', interviewIds, notOwn)),
          ...(await linksWhere('leads', 'contactId', [id])),
          ...(await linksWhere('leads', 'interviewId', interviewIds)),
        ],
      };
    },
  };

  async function existing(table: keyof Database, ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const rows = await db.selectFrom(table).select('id').where('id', 'in', unique).execute();
    return new Set(rows.map((r) => String(r.id)));
  }

  /** Drops rows whose required parent is gone and clears optional references to anything gone. */
  async function stillValid(table: SnapshotTable, rows: Row[]): Promise<Row[]> {
    let kept = rows.map((r) => ({ ...r }));
    for (const ref of REFERENCES[table]) {
      const ids = kept.map((r) => r[ref.column]).filter((v): v is string => typeof v === 'string');
      const present = await existing(ref.table, ids);
      kept = kept.flatMap((r) => {
        const value = r[ref.column];
        if (typeof value !== 'string' || present.has(value)) return [r];
        return ref.optional ? [{ ...r, [ref.column]: null }] : [];
      });
    }
    return kept;
  }

  return {
    /** The rows a delete of this item would remove or change. */
    async snapshot(type: TrashType, id: string): Promise<TrashSnapshot> {
      return capture[type](id);
    },

    /** Puts the snapshot's rows back (parents first) and sets the cleared links again where still unset. */
    async restore(snapshot: TrashSnapshot): Promise<void> {
      for (const table of RESTORE_ORDER) {
        const rows = snapshot.rows.filter((g) => g.table === table).flatMap((g) => g.rows);
        const valid = await stillValid(table, rows);
        for (let i = 0; i < valid.length; i += 100) await db.insertInto(table).values(valid.slice(i, i + 100)).execute();
      }
      for (const link of snapshot.links) {
        const target = REFERENCES[link.table].find((r) => r.column === link.column);
        if (!target || !(await existing(target.table, [link.value])).has(link.value)) continue;
        await db.updateTable(link.table).set({ [link.column]: link.value }).where('id', '=', link.id).where(link.column, 'is', null).execute();
      }
    },

    async exists(type: TrashType, id: string): Promise<boolean> {
      const table = ({ contact: 'contacts', organization: 'organizations', interview: 'interviews' } as const)[type];
      return (await existing(table, [id])).has(id);
    },

    async insert(entry: TrashEntry): Promise<void> {
      const row: TrashTable = {
        id: entry.id,
        entityType: entry.type,
        entityId: entry.entityId,
        label: entry.label,
        payload: JSON.stringify(entry.snapshot),
        deletedAt: entry.deletedAt,
      };
      await typed.insertInto('trash').values(row).execute();
    },

    async get(id: string): Promise<TrashEntry | undefined> {
      const row = await typed.selectFrom('trash').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        type: row.entityType as TrashType,
        entityId: row.entityId,
        label: row.label,
        snapshot: JSON.parse(row.payload) as TrashSnapshot,
        deletedAt: row.deletedAt,
      };
    },

    async remove(id: string): Promise<void> {
      await typed.deleteFrom('trash').where('id', '=', id).execute();
    },

    /** Forgets everything deleted before `before`; returns how many entries went. */
    async purgeBefore(before: string): Promise<number> {
      const result = await typed.deleteFrom('trash').where('deletedAt', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async count(): Promise<number> {
      const row = await typed.selectFrom('trash').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type TrashRepository = ReturnType<typeof createTrashRepository>;
