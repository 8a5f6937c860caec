import type { Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/factory.js';
import { createAppContext } from '../modules/repositories.js';
import { systemClock } from '../shared/clock.js';
import { buildApp } from './app.js';
import { allowedHostsFor } from './security.js';
import { loadOrCreateSecret, startUrl } from './secret.js';
import type { App } from './types.js';

export interface RunningServer {
  app: App;
  handle: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** Opens the database (migrating it), builds the app and listens. */
export async function startServer(config: Config, options: { logger?: boolean } = {}): Promise<RunningServer> {
  const handle = await openDatabase({ url: config.databaseUrl });
  const secret = loadOrCreateSecret(config.home);
  const ctx = createAppContext(handle, systemClock);
  const app = await buildApp({
    ctx,
    secret,
    allowedHosts: allowedHostsFor(config.host, config.port),
    dataLocation: handle.location,
    logger: options.logger ?? false,
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
      await handle.close();
    },
  };
}
