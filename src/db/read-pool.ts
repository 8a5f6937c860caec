import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';

/**
 * Reads that do not queue behind one thread. better-sqlite3 is synchronous: on the one
 * connection every query of every request runs on the main thread, one after another.
 * Under WAL, readers never block the writer or each other, so plain SELECTs outside a
 * transaction go to a few worker threads, each with its own read-only connection to the
 * same file, while the main thread goes on serving requests. Everything else (writes,
 * and every statement of a transaction, reads included) stays on the main connection,
 * with its all-or-nothing guarantees unchanged. A read sees everything committed before
 * it began: a request's own earlier writes, and nothing half-written.
 */

/** The worker: plain JavaScript, evaluated, so it runs the same from the sources (tests) and from dist. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeout);
db.pragma('cache_size = -16000');
db.pragma('mmap_size = 268435456');
const statements = new Map();
parentPort.on('message', (message) => {
  try {
    let statement = statements.get(message.sql);
    if (!statement) {
      statement = db.prepare(message.sql);
      if (statements.size >= 500) statements.delete(statements.keys().next().value);
      statements.set(message.sql, statement);
    }
    parentPort.postMessage({ id: message.id, rows: statement.all(message.parameters) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class ReadPool {
  #readers: Reader[] = [];
  #next = 0;
  #closed = false;
  /** Where better-sqlite3 lives, for the workers' `require` (found once, not per reader). */
  readonly #driver = createRequire(import.meta.url).resolve('better-sqlite3');

  constructor(
    private readonly path: string,
    size: number,
    private readonly busyTimeout: number,
  ) {
    for (let i = 0; i < size; i++) this.#readers.push(this.#spawn());
  }

  #spawn(): Reader {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: this.#driver, path: this.path, busyTimeout: this.busyTimeout } });
    const reader: Reader = { worker, pending: new Map() };
    worker.on('message', (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const waiting = reader.pending.get(message.id);
      if (!waiting) return;
      reader.pending.delete(message.id);
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else waiting.resolve(message.rows ?? []);
    });
    const fail = (error: Error) => {
      for (const waiting of reader.pending.values()) waiting.reject(error);
      reader.pending.clear();
      // A reader that died is replaced, so one bad moment does not shrink the pool for good.
      const index = this.#readers.indexOf(reader);
      if (index >= 0 && !this.#closed) this.#readers[index] = this.#spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.#closed) fail(new Error(`A database reader stopped (exit code ${code}).`));
    });
    worker.unref();
    return reader;
  }

  get size(): number {
    return this.#readers.length;
  }

  /** Runs one SELECT on the least busy reader. */
  read(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.#closed) return Promise.reject(new Error('The database readers are closed.'));
    let reader = this.#readers[0] as Reader;
    for (const candidate of this.#readers) if (candidate.pending.size < reader.pending.size) reader = candidate;
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      // A worker's port, not a window: there is no origin to name.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin
      reader.worker.postMessage({ id, sql, parameters });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#readers.map((r) => r.worker.terminate()));
    this.#readers = [];
  }
}

/** A plain read: one SELECT, which only reads (a `select … returning` does not exist in SQLite). */
const isRead = (sql: string): boolean => /^\s*select\s/i.test(sql);

/**
 * Kysely's SQLite driver with reads sent to a ReadPool once `useReaders` is called (after the
 * migrations, which run on the main connection alone). Transactions and writes take the inner
 * driver's one connection (and its lock) exactly as before.
 */
export class ReadPoolDriver implements Driver {
  #pool: ReadPool | null = null;

  constructor(private readonly inner: Driver) {}

  useReaders(pool: ReadPool): void {
    this.#pool = pool;
  }

  get readers(): number {
    return this.#pool?.size ?? 0;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this.inner, () => this.#pool);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as RoutingConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).end((c) => this.inner.commitTransaction(c));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).end((c) => this.inner.rollbackTransaction(c));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await this.inner.savepoint?.((connection as RoutingConnection).held(), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2]): Promise<void> {
    await this.inner.rollbackToSavepoint?.((connection as RoutingConnection).held(), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2]): Promise<void> {
    await this.inner.releaseSavepoint?.((connection as RoutingConnection).held(), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).release();
  }

  async destroy(): Promise<void> {
    await this.#pool?.close();
    await this.inner.destroy();
  }
}

/** One user of the database: holds the main connection only while in a transaction or writing. */
class RoutingConnection implements DatabaseConnection {
  #held: DatabaseConnection | null = null;

  constructor(
    private readonly inner: Driver,
    private readonly pool: () => ReadPool | null,
  ) {}

  held(): DatabaseConnection {
    if (!this.#held) throw new Error('Not in a transaction.');
    return this.#held;
  }

  async begin(settings: TransactionSettings): Promise<void> {
    this.#held = await this.inner.acquireConnection();
    try {
      await this.inner.beginTransaction(this.#held, settings);
    } catch (error) {
      await this.release();
      throw error;
    }
  }

  async end(finish: (connection: DatabaseConnection) => Promise<void>): Promise<void> {
    try {
      await finish(this.held());
    } finally {
      await this.release();
    }
  }

  async release(): Promise<void> {
    const held = this.#held;
    if (!held) return;
    this.#held = null;
    await this.inner.releaseConnection(held);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#held) return this.#held.executeQuery<R>(query);
    const pool = this.pool();
    if (pool && isRead(query.sql)) return { rows: (await pool.read(query.sql, query.parameters)) as R[] };
    const connection = await this.inner.acquireConnection();
    try {
      return await connection.executeQuery<R>(query);
    } finally {
      await this.inner.releaseConnection(connection);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.#held) {
      yield* this.#held.streamQuery<R>(query, chunkSize);
      return;
    }
    const connection = await this.inner.acquireConnection();
    try {
      yield* connection.streamQuery<R>(query, chunkSize);
    } finally {
      await this.inner.releaseConnection(connection);
    }
  }
}
