import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemoData } from '../db/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string | null;
  }
}

/**
 * Migrates and seeds once per run: a PGlite template (a tarball each test file loads in ~1 s instead
 * of migrating for ~8 s) and, when TEST_DATABASE_URL is set, a fresh PostgreSQL database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-test-'));
  const template = path.join(dir, 'template.tar');
  const lite = await openPglite('memory://');
  await migrateDatabase(lite);
  await seedDemoData(lite.db);
  const blob = await lite.dump!();
  fs.writeFileSync(template, Buffer.from(await blob.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', template);

  let dropDatabase: (() => Promise<void>) | undefined;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `comptoir_test_${Date.now()}_${process.pid}`;
    const admin = await openPostgres(adminUrl, 1);
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pg = await openPostgres(url.toString(), 2);
    await migrateDatabase(pg, url.toString());
    await seedDemoData(pg.db);
    await pg.close();
    project.provide('postgresUrl', url.toString());
    dropDatabase = async () => {
      const again = await openPostgres(adminUrl, 1);
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    };
  } else {
    project.provide('postgresUrl', null);
  }
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await dropDatabase?.();
  };
}
