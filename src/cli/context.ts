import type { Command } from 'commander';
import type { z } from 'zod';
import { loadConfig, type Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/factory.js';
import { createAppContext, type AppContext } from '../modules/repositories.js';
import { systemClock } from '../shared/clock.js';
import { issuesToProblems, validationError } from '../shared/errors.js';

export interface GlobalOptions {
  home?: string;
  database?: string;
}

export function configFrom(program: Command, extra: { port?: number | undefined; host?: string | undefined } = {}): Config {
  const globals = program.opts<GlobalOptions>();
  return loadConfig({ home: globals.home, database: globals.database, ...extra });
}

/** Parses CLI input with the same zod schema the API uses, so errors name the same fields. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(issuesToProblems(result.error.issues as never));
  return result.data;
}

/** Opens the configured database for one command and closes it afterwards. */
export async function withContext<T>(program: Command, work: (ctx: AppContext, handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url: configFrom(program).databaseUrl });
  try {
    return await work(createAppContext(handle, systemClock), handle);
  } finally {
    await handle.close();
  }
}
