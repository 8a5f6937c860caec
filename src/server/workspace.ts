import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase } from '../db/backup.js';
import { openDatabase, type DatabaseHandle } from '../db/factory.js';
import { seedDemoWorkspace } from '../modules/demo/demo.seed.js';
import { createAppContext, forwardingContext, type AppContext } from '../modules/repositories.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { workspaceInfoSchema, workspaceSwitchInput } from '../shared/schemas/workspace.js';
import { errorResponses, type App } from './types.js';

/**
 * The workspace the server is showing: the user's own, or the separate demo one.
 * Routes hold `live`, which always forwards to the current workspace, so switching
 * needs no re-registration.
 */
export interface Workspaces {
  live: AppContext;
  current(): { handle: DatabaseHandle; demo: boolean };
  /** The demo database path, or null where switching is not offered. */
  demoUrl: string | null;
  switchTo(target: 'own' | 'demo'): Promise<void>;
  close(): Promise<void>;
}

/**
 * `opened` is the workspace the server started in: the user's own (the default), or the demo
 * (`inroads demo`), in which case `ownUrl` says where the user's own workspace is for the way back.
 */
export function createWorkspaces(opened: DatabaseHandle, clock: Clock, demoUrl: string | null, start: { in: 'own' } | { in: 'demo'; ownUrl: string; readers?: number } = { in: 'own' }): Workspaces {
  const first = start.in;
  const contexts = new Map<'own' | 'demo', { handle: DatabaseHandle; ctx: AppContext }>([[first, { handle: opened, ctx: createAppContext(opened, clock) }]]);
  let active: 'own' | 'demo' = first;
  const currentCtx = () => contexts.get(active)?.ctx ?? createAppContext(opened, clock);
  const live = forwardingContext(currentCtx);
  return {
    live,
    demoUrl,
    current: () => ({ handle: contexts.get(active)?.handle ?? opened, demo: active === 'demo' }),
    async switchTo(target) {
      if (target === 'demo' && !contexts.has('demo')) {
        if (!demoUrl) throw new AppError('workspace.no_demo', 409, 'The demo workspace is not available here.');
        const handle = await openDatabase({ url: demoUrl });
        const ctx = createAppContext(handle, clock);
        await seedDemoWorkspace({ ctx });
        contexts.set('demo', { handle, ctx });
      }
      if (target === 'own' && !contexts.has('own') && start.in === 'demo') {
        const handle = await openDatabase({ url: start.ownUrl, readers: start.readers ?? 0 });
        contexts.set('own', { handle, ctx: createAppContext(handle, clock) });
      }
      active = target;
    },
    async close() {
      // The workspace the server started in is closed by whoever opened it.
      for (const [name, { handle }] of contexts) if (name !== first) await handle.close();
    },
  };
}

/** Where the data lives, whether it is the demo, a switch between the two, and a backup download. */
export function registerWorkspaceRoutes(app: App, workspaces: Workspaces): void {
  const tags = ['workspace'];
  const info = async () => {
    const { handle, demo } = workspaces.current();
    const { repos } = workspaces.live;
    const [counts, profile] = await Promise.all([repos.workspace.counts(), repos.profile.get()]);
    return {
      location: handle.location,
      dialect: handle.dialect,
      demo,
      canSwitch: workspaces.demoUrl !== null,
      counts,
      profileSaved: profile.updatedAt !== null,
    };
  };
  app.get('/api/v1/workspace', {
    schema: { tags, summary: 'Which workspace is open, where its data lives, and how much it holds', response: { 200: workspaceInfoSchema, ...errorResponses } },
    handler: info,
  });
  app.post('/api/v1/workspace/switch', {
    schema: {
      tags,
      summary: 'Open the demo workspace, or go back to your own',
      body: workspaceSwitchInput,
      response: { 200: workspaceInfoSchema, ...errorResponses },
    },
    handler: async (request) => {
      await workspaces.switchTo(request.body.to);
      return info();
    },
  });
  app.get('/api/v1/backup', {
    schema: { tags, summary: 'Download a consistent snapshot of the open workspace (a SQLite file)' },
    handler: async (_request, reply) => {
      const dir = mkdtempSync(join(tmpdir(), 'inroads-download-'));
      try {
        // The snapshot is written to a temporary file here: the CLI's message naming the path means nothing to the browser.
        const { file } = await backupDatabase(workspaces.current().handle, join(dir, 'inroads.db')).catch((error: unknown) => {
          const integrity = error instanceof AppError && error.code === 'backup.integrity';
          throw new AppError(
            integrity ? 'backup.integrity' : 'backup.failed',
            500,
            integrity
              ? 'The snapshot failed its integrity check, so it was not sent: the database may be damaged.'
              : 'The snapshot could not be made (the server may be out of disk space). Nothing was changed; please try again.',
          );
        });
        const name = `inroads-backup-${new Date().toISOString().slice(0, 10)}.db`;
        return reply
          .type('application/vnd.sqlite3')
          .header('Content-Disposition', `attachment; filename="${name}"`)
          .send(readFileSync(file));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
}
