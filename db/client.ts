import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** The drizzle database, whichever driver is behind it (PGlite or postgres.js). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a service receives inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or a transaction: helpers that may run inside one take this. */
export type Executor = Database | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Database;
  kind: DbKind;
  /** Where PGlite keeps its files, or the PostgreSQL URL (without password) — for logs only. */
  location: string;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests copy a migrated template this way). */
  dump?: () => Promise<Blob>;
}

// One instance per process (STACK-NOTES trap 2): module copies and hot reloads share it.
const holder = globalThis as typeof globalThis & { __comptoirDb?: Promise<DbHandle> };

export function pgliteDataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.PGLITE_DIR ?? '.data/pglite');
}

/** Opens PGlite on a directory (or in memory with `memory://`) with the extensions search needs. */
export async function openPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<DbHandle> {
  const [{ PGlite }, { drizzle }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  if (!dataDir.startsWith('memory://')) {
    const fs = await import('node:fs');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite(dataDir, { extensions: { pg_trgm, unaccent }, loadDataDir: opts.loadDataDir });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    close: () => client.close(),
    dump: async () => client.dumpDataDir('none'),
  };
}

/** Opens a postgres.js pool on a PostgreSQL URL. */
export async function openPostgres(url: string, max = 10): Promise<DbHandle> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
  ]);
  const client = postgres(url, { max, onnotice: () => {}, debug: await sqlTraceHook() });
  // A pooler in transaction mode (PgBouncer < 1.21) cannot keep prepared statements: off there.
  const prepare = process.env.COMPTOIR_PG_PREPARE !== 'off';
  const db = drizzle(prepare ? preparing(client) : client, { schema }) as unknown as Database;
  return { db, kind: 'postgres', location: redact(url), close: () => client.end({ timeout: 5 }) };
}

/**
 * The benchmark counts the SQL statements of each request (`COMPTOIR_SQL_TRACE=<file>`): every
 * statement sent, BEGIN and COMMIT included, is appended to the file as one JSON line. Written
 * synchronously so that a request's statements are on disk when its response ends. Off by default.
 */
async function sqlTraceHook(): Promise<((conn: number, query: string, params: unknown[]) => void) | undefined> {
  const file = process.env.COMPTOIR_SQL_TRACE;
  if (!file) return undefined;
  const fs = await import('node:fs');
  return (conn, query, params) => {
    const line = JSON.stringify({ pid: process.pid, conn, sql: query, params }, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
    fs.appendFileSync(/* turbopackIgnore: true */ file, `${line}\n`);
  };
}

/**
 * drizzle sends every query through postgres.js's `unsafe` as an unnamed statement: the driver then
 * asks PostgreSQL for the parameter types in a round trip of its own before executing, and
 * PostgreSQL parses and plans the text again each time. As named prepared statements (cached per
 * connection by the driver, keyed by text and parameter types) a query takes one round trip and
 * PostgreSQL may keep its plan. Transactions and savepoints hand drizzle a new handle: wrapped too.
 */
function preparing<S extends object>(sql: S): S {
  return new Proxy(sql, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'unsafe') {
        return (query: string, args: unknown[] = [], options: object = {}) =>
          (value as (...a: unknown[]) => unknown).call(target, query, args, { ...options, prepare: true });
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const body = args[last] as (tx: object) => unknown;
          return (value as (...a: unknown[]) => unknown).apply(target, [...args.slice(0, last), (tx: object) => body(preparing(tx))]);
        };
      }
      return value;
    },
  });
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** The process's database handle: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export function getDbHandle(): Promise<DbHandle> {
  holder.__comptoirDb ??= process.env.DATABASE_URL
    ? openPostgres(process.env.DATABASE_URL)
    : openPglite(pgliteDataDir());
  return holder.__comptoirDb;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/** Tests point the process at another database (one per backend under test). */
export function setDbHandle(handle: DbHandle | undefined): void {
  holder.__comptoirDb = handle ? Promise.resolve(handle) : undefined;
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}
