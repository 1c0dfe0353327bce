import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { type DbHandle, openPglite, openPostgres, setDbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';

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

/**
 * Like useTestDb, but on PostgreSQL a database of the describe block's own (created, migrated and
 * seeded here, dropped afterwards), for tests whose rows would disturb the other files sharing the
 * run's database (the data generator writes thousands of products that searches would find).
 */
export function useIsolatedTestDb(backend: Backend): { handle: DbHandle } {
  if (backend === 'pglite') return useTestDb(backend); // already one database per file
  const ctx = {} as { handle: DbHandle };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const shared = inject('postgresUrl');
    if (!shared) throw new Error('TEST_DATABASE_URL is not set');
    const name = `comptoir_iso_${Date.now()}_${process.pid}`;
    const admin = await openPostgres(shared, 1);
    await admin.db.execute(sql.raw(`create database ${name}`));
    const url = new URL(shared);
    url.pathname = `/${name}`;
    ctx.handle = await openPostgres(url.toString(), 4);
    await migrateDatabase(ctx.handle, url.toString());
    await seedDemoData(ctx.handle.db);
    setDbHandle(ctx.handle);
    drop = async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    };
  }, 120_000);
  afterAll(async () => {
    setDbHandle(undefined);
    await ctx.handle?.close();
    await drop?.();
  });
  return ctx;
}

let counter = 0;
/** A unique suffix so tests sharing one PostgreSQL database never collide. */
export function unique(prefix = 't'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}
