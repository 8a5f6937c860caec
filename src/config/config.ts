import { availableParallelism, homedir } from 'node:os';
import { AppError } from '../shared/errors.js';
import { join, resolve } from 'node:path';

export const DEFAULT_PORT = 4580;
export const DEFAULT_HOST = '127.0.0.1';

export interface Config {
  /** Where Inroads keeps its files: the SQLite database, the launch secret, backups. */
  home: string;
  /** A PostgreSQL URL, or the SQLite file path. */
  databaseUrl: string;
  port: number;
  host: string;
  /** SQLite: how many worker threads answer plain reads for the server (0: every query on the main thread). */
  readers: number;
}

export interface ConfigSources {
  home?: string | undefined;
  database?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/** The user's data directory: $INROADS_HOME, else $XDG_DATA_HOME/inroads, else ~/.local/share/inroads. */
export function resolveHome(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.INROADS_HOME) return resolve(env.INROADS_HOME);
  const xdg = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(xdg, 'inroads');
}

/** Flags win over environment variables, which win over defaults. */
export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const home = resolveHome(sources.home, env);
  const databaseUrl = sources.database || env.INROADS_DATABASE_URL || join(home, 'inroads.db');
  const port = sources.port ?? (env.INROADS_PORT ? Number(env.INROADS_PORT) : DEFAULT_PORT);
  return { home, databaseUrl, port, host: sources.host ?? DEFAULT_HOST, readers: readersFrom(env.INROADS_READERS) };
}

/** One reader thread per core, at most four, unless INROADS_READERS says otherwise (0 turns them off). */
function readersFrom(value: string | undefined): number {
  if (value === undefined || value === '') return Math.max(1, Math.min(4, availableParallelism()));
  if (!/^\d+$/.test(value) || Number(value) > 64) throw new AppError('config.readers', 1, `INROADS_READERS must be a whole number from 0 to 64, not "${value}".`);
  return Number(value);
}
