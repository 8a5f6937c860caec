import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/factory.js';
import { systemClock } from '../shared/clock.js';
import { buildApp } from './app.js';
import { allowedHostsFor } from './security.js';
import { createWorkspaces } from './workspace.js';
import { loadOrCreateSecret, startUrl } from './secret.js';
import type { App } from './types.js';

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface RunningServer {
  app: App;
  handle: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the app and listens. */
export async function startServer(requested: Config, options: { logger?: boolean } = {}): Promise<RunningServer> {
  // Port 0 means "any free port": pick it now, because the Host check must know the real one.
  const config = requested.port === 0 ? { ...requested, port: await freePort(requested.host) } : requested;
  const handle = await openDatabase({ url: config.databaseUrl });
  const secret = loadOrCreateSecret(config.home);
  const demoUrl = join(config.home, 'demo', 'inroads.db');
  const workspaces = createWorkspaces(handle, systemClock, config.databaseUrl === demoUrl ? null : demoUrl);
  const app = await buildApp({
    ctx: workspaces.live,
    workspaces,
    secret,
    allowedHosts: allowedHostsFor(config.host, config.port),
    handle,
    logger: options.logger ?? false,
    validateResponses: false,
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    await handle.close();
    throw error;
  }
  return {
    app,
    handle,
    url: startUrl(config.host, config.port, secret),
    close: async () => {
      await app.close();
      await workspaces.close();
      await handle.close();
    },
  };
}
