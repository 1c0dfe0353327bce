import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type DbHandle, openPostgres } from '@/db/client';

/** A PostgreSQL connection whose statements are recorded (BEGIN and COMMIT included), for tests that count them. */
export interface CountingDb {
  handle: DbHandle;
  /** Runs `fn` and returns what it returned with the SQL texts of the statements it sent, in order. */
  record<T>(fn: () => Promise<T>): Promise<{ value: T; statements: string[] }>;
  close(): Promise<void>;
}

/**
 * Opens a pool of one connection on `url` with the driver's statement trace (COMPTOIR_SQL_TRACE, the
 * hook the benchmark counts with) pointed at a file of its own. PostgreSQL only: the count is what
 * the targets are about; PGlite runs the same code for the behaviour.
 */
export async function openCountingDb(url: string): Promise<CountingDb> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-sql-')), 'trace.jsonl');
  const previous = process.env.COMPTOIR_SQL_TRACE;
  process.env.COMPTOIR_SQL_TRACE = file;
  let handle: DbHandle;
  try {
    handle = await openPostgres(url, 1);
  } finally {
    if (previous === undefined) delete process.env.COMPTOIR_SQL_TRACE;
    else process.env.COMPTOIR_SQL_TRACE = previous;
  }
  // postgres.js reads the server's array types on a connection's first query: not a request's cost.
  await handle.db.execute(sql`select 1`);
  const read = (): string[] =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { sql: string }).sql)
      : [];
  return {
    handle,
    async record(fn) {
      const before = read().length;
      const value = await fn();
      return { value, statements: read().slice(before) };
    },
    async close() {
      await handle.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
