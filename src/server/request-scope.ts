import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseHandle } from '../db/factory.js';
import { forwardingContext, type AppContext } from '../modules/repositories.js';
import { AppError } from '../shared/errors.js';
import type { Account } from '../shared/schemas/accounts.js';

/** Who is asking, and the workspace their request may touch: theirs, and only theirs. */
export interface RequestScope {
  user: Account;
  ctx: AppContext;
  handle: DatabaseHandle;
  /** Records this user's calendar-feed token in the accounts database, where anonymous feed requests are checked first. */
  recordFeedToken?: (token: string) => Promise<void>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs the rest of a request inside the signed-in user's scope. */
export const runInScope = <T>(scope: RequestScope, work: () => T): T => storage.run(scope, work);

export const currentScope = (): RequestScope | undefined => storage.getStore();

/** The current request's scope; a 401 where there is none. */
export function requireScope(): RequestScope {
  const found = storage.getStore();
  // The access layer admits no workspace route without a scope; reaching here is a bug, never a leak.
  if (!found) throw new AppError('auth.required', 401, 'Sign in to use Inroads.');
  return found;
}

/**
 * The context routes are given in multi-user mode: every use reads the current
 * request's workspace, so one set of routes serves every user, each in isolation.
 */
export const scopedContext: AppContext = forwardingContext(() => requireScope().ctx);
