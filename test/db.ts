import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { type DbHandle, openPglite, openPostgres, setDbHandle } from '@/db/client';

export type Backend = 'pglite' | 'postgres';

/** The backends this run tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDb(backend: Backend): Promise<DbHandle> {
  if (backend === 'postgres') {
    const url = inject('postgresUrl');
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    return openPostgres(url, 10);
  }
  const tar = fs.readFileSync(inject('pgliteTemplate'));
  return openPglite('memory://', { loadDataDir: new Blob([tar]) });
}

/**
 * Opens the backend's database for the enclosing describe block and makes it the process's
 * database (services that call getDb() use it too). Read `.handle` inside tests.
 */
export function useTestDb(backend: Backend): { handle: DbHandle } {
  const ctx = {} as { handle: DbHandle };
  beforeAll(async () => {
    ctx.handle = await openTestDb(backend);
    setDbHandle(ctx.handle);
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await ctx.handle?.close();
  });
  return ctx;
}

let counter = 0;
/** A unique suffix so tests sharing one PostgreSQL database never collide. */
export function unique(prefix = 't'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}
