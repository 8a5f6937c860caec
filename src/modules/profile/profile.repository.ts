import type { Kysely } from 'kysely';
import type { Database, ProfileTable } from '../../db/database.js';
import { fromJson, toJson } from '../../db/values.js';
import type { Profile } from '../../shared/schemas/profile.js';

const PROFILE_ID = 'me';

export const defaultProfile = (): Profile => ({
  name: '',
  background: '',
  pitch: '',
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  country: '',
  region: '',
  updatedAt: null,
});

export function createProfileRepository(db: Kysely<Database>) {
  return {
    /** The single profile of this workspace; defaults until the user saves one. */
    async get(): Promise<Profile> {
      const row = await db.selectFrom('profile').selectAll().where('id', '=', PROFILE_ID).executeTakeFirst();
      if (!row) return defaultProfile();
      return {
        name: row.name,
        background: row.background,
        pitch: row.pitch,
        timeZone: row.timeZone,
        workingDays: fromJson(row.workingDays, [1, 2, 3, 4, 5]),
        holidays: fromJson(row.holidays, []),
        country: row.country,
        region: row.region,
        updatedAt: row.updatedAt,
      };
    },
    async save(profile: Profile): Promise<void> {
      const row: ProfileTable = {
        id: PROFILE_ID,
        name: profile.name,
        background: profile.background,
        pitch: profile.pitch,
        timeZone: profile.timeZone,
        workingDays: toJson(profile.workingDays),
        holidays: toJson(profile.holidays),
        country: profile.country,
        region: profile.region,
        updatedAt: profile.updatedAt,
      };
      const { id: _id, ...changes } = row;
      await db
        .insertInto('profile')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
  };
}

export type ProfileRepository = ReturnType<typeof createProfileRepository>;
