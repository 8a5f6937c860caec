import { homedir } from 'node:os';
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
  return { home, databaseUrl, port, host: sources.host ?? DEFAULT_HOST };
}
