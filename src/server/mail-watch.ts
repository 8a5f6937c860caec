import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { MailWatcher } from '../modules/mail/mail.ports.js';
import { credentialsOf, syncMailbox, type MailServices } from '../modules/mail/mail.usecases.js';
import type { AppContext } from '../modules/repositories.js';

/** One workspace a watcher may serve: the local one, or a user's on a shared server. */
export interface WatchedWorkspace {
  id: string;
  use<T>(work: (ctx: AppContext) => Promise<T>): Promise<T>;
}

export interface MailWatchOptions {
  mail: MailServices;
  /** The workspaces that may have a mailbox, asked again on every sweep. */
  workspaces: () => Promise<WatchedWorkspace[]>;
  /** How long a lease lasts without renewal; another process takes over after it (default 90 s). */
  leaseMs?: number;
  /** How often leases are renewed and workspaces looked at again (default a third of the lease). */
  sweepMs?: number;
  /** Passed to the client's watcher: the re-check timer that also serves as the poll when IDLE is gone. */
  watchdogMs?: number;
  maxBackoffMs?: number;
  log?: (message: string) => void;
}

export interface MailWatch {
  /** Looks at the workspaces now (after a connect or disconnect) instead of at the next sweep. */
  refresh(): Promise<void>;
  /** Whether this process keeps that workspace's mailbox open. */
  watching(workspaceId: string): boolean;
  stop(): Promise<void>;
}

interface Running {
  watcher: MailWatcher;
  /** The mailbox as it was when the watcher started; a reconnect with other settings restarts it. */
  connectedAt: string;
}

/**
 * Keeps each connected mailbox open with IDLE, one process per mailbox however many
 * run: a process watches a mailbox only while it holds that mailbox's lease (a row
 * update that only one process can win), renews it on every sweep, and lets go when
 * it stops. When a process dies its leases run out and another one takes over on its
 * next sweep. Each wake-up (new mail, a reconnect, the watchdog) runs one sync pass.
 */
export function startMailWatch(options: MailWatchOptions): MailWatch {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 90_000;
  const sweepMs = options.sweepMs ?? Math.floor(leaseMs / 3);
  const log = options.log ?? (() => undefined);
  const running = new Map<string, Running>();
  let stopped = false;
  /** Sweeps run one after another, never overlapping. */
  let queue: Promise<void> = Promise.resolve();

  async function release(id: string, workspace?: WatchedWorkspace): Promise<void> {
    const current = running.get(id);
    running.delete(id);
    await current?.watcher.stop().catch(() => undefined);
    await workspace?.use((ctx) => ctx.repos.mail.releaseLease(holder)).catch(() => undefined);
  }

  async function visit(workspace: WatchedWorkspace): Promise<void> {
    const key = options.mail.key;
    const plan = await workspace.use(async (ctx) => {
      const mailbox = await ctx.repos.mail.mailbox();
      if (!mailbox || !key) return { mailbox: undefined, held: false };
      const now = ctx.clock.now();
      const held = await ctx.repos.mail.claimLease(holder, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString());
      return { mailbox, held };
    });
    const current = running.get(workspace.id);
    if (!plan.mailbox || !plan.held || !key) {
      if (current) await release(workspace.id, plan.mailbox ? undefined : workspace);
      return;
    }
    if (current && current.connectedAt === plan.mailbox.connectedAt) return;
    if (current) await release(workspace.id);
    const sync = async () => {
      if (stopped) return;
      try {
        const result = await workspace.use((ctx) => syncMailbox({ ctx, mail: options.mail }));
        if (result.kept > 0) log(`mail: ${result.kept} new message(s) kept (${result.replies} replies)`);
      } catch (error) {
        log(`mail: a pass failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const watcher = options.mail.client.watch(credentialsOf(plan.mailbox, key), {
      onNewMail: sync,
      onError: (error) => log(`mail: ${error.message}; trying again`),
      ...(options.watchdogMs ? { watchdogMs: options.watchdogMs } : {}),
      ...(options.maxBackoffMs ? { maxBackoffMs: options.maxBackoffMs } : {}),
    });
    running.set(workspace.id, { watcher, connectedAt: plan.mailbox.connectedAt });
  }

  async function sweep(): Promise<void> {
    if (stopped) return;
    const workspaces = await options.workspaces().catch(() => [] as WatchedWorkspace[]);
    const seen = new Set<string>();
    for (const workspace of workspaces) {
      seen.add(workspace.id);
      await visit(workspace).catch((error: unknown) => log(`mail: ${error instanceof Error ? error.message : String(error)}`));
    }
    for (const id of running.keys()) if (!seen.has(id)) await release(id);
  }

  const refresh = () => {
    queue = queue.then(sweep, sweep);
    return queue;
  };
  const timer = setInterval(() => void refresh(), sweepMs);
  timer.unref();
  void refresh();

  return {
    refresh,
    watching: (id) => running.has(id),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await queue;
      const workspaces = await options.workspaces().catch(() => [] as WatchedWorkspace[]);
      for (const workspace of workspaces) if (running.has(workspace.id)) await release(workspace.id, workspace);
      for (const id of running.keys()) await release(id);
    },
  };
}
