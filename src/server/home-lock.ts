import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors.js';
import { openCommandFor } from './secret.js';

/** What the lock file says about the server holding a home. */
export interface ServerLock {
  pid: number;
  /** The server's own address (without the launch secret). */
  url: string;
  mode: 'local' | 'multi-user';
  startedAt: string;
}

export const lockPath = (home: string) => join(home, 'server.lock');

/** Homes this process holds (a lock naming this pid but not listed here was left by an earlier process that had the same pid). */
const heldHere = new Set<string>();

function alive(pid: number, home: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return heldHere.has(home);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(home: string): ServerLock | null {
  let text: string;
  try {
    text = readFileSync(lockPath(home), 'utf8');
  } catch {
    return null;
  }
  try {
    const lock = JSON.parse(text) as Partial<ServerLock>;
    if (typeof lock.pid === 'number' && typeof lock.url === 'string') {
      return { pid: lock.pid, url: lock.url, mode: lock.mode === 'multi-user' ? 'multi-user' : 'local', startedAt: String(lock.startedAt ?? '') };
    }
  } catch {
    // A lock cut short (a crash while it was written) holds nothing.
  }
  return null;
}

/** The server running on this home now, if any: a lock whose process is gone is stale and ignored. */
export function runningServer(home: string): ServerLock | null {
  const lock = readLock(home);
  return lock && alive(lock.pid, home) ? lock : null;
}

/**
 * Takes the home for this process, so a second server on the same files is refused and told
 * where the first one runs. The lock file holds the pid and the address; a lock left by a
 * process that has ended is taken over. Returns the release function.
 */
export function lockHome(home: string, lock: Omit<ServerLock, 'pid' | 'startedAt'>): () => void {
  const path = lockPath(home);
  const content = `${JSON.stringify({ pid: process.pid, url: lock.url, mode: lock.mode, startedAt: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = runningServer(home);
      if (holder) {
        throw new AppError(
          'server.already_running',
          409,
          `Inroads is already running on this home (${home}) at ${holder.url} (process ${holder.pid}). ${holder.mode === 'local' ? `Open it with \`${openCommandFor(home)}\`, or stop` : 'Stop'} that one first to start another.`,
          { url: holder.url, pid: holder.pid },
        );
      }
      rmSync(path, { force: true });
      continue;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    heldHere.add(home);
    return () => {
      if (!heldHere.delete(home)) return;
      if (readLock(home)?.pid === process.pid) rmSync(path, { force: true });
    };
  }
  throw new AppError('server.lock', 500, `Could not take the lock ${path}; another Inroads may be starting at the same moment. Try again.`);
}
