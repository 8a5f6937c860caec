import type { Kysely } from 'kysely';
import * as m0001 from './0001-initial.js';

export interface DialectMigration {
  up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void>;
  down(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void>;
}

/** Every migration, in order. Names are stored in the database; never rename one. */
export const migrations: Record<string, DialectMigration> = {
  '0001-initial': m0001,
};
