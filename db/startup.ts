import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { getDbHandle, pgliteDataDir } from './client';
import { migrateDatabase } from './migrate';
import { isSeeded, seedDemoData } from './seed';

function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), '.data');
}

/**
 * NEXTAUTH_SECRET is mandatory in production on a configured PostgreSQL (several instances must
 * share it). On the embedded database a secret is generated once and kept in .data/ so a fresh
 * clone starts with one command.
 */
export function ensureAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET must be set in production with DATABASE_URL (shared by every instance).');
  }
  const file = path.join(dataDir(), 'nextauth-secret');
  fs.mkdirSync(dataDir(), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

/** Where the running app announces it holds the PGlite directory (db:seed refuses meanwhile). */
export function pglitePidFile(): string {
  return path.join(pgliteDataDir(), '..', 'app.pid');
}

/** Called once per server process from instrumentation.ts: secret, migrations, first-start seed. */
export async function startApp(): Promise<void> {
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  const handle = await getDbHandle();
  await migrateDatabase(handle);
  if (handle.kind === 'pglite') {
    fs.writeFileSync(pglitePidFile(), String(process.pid));
    if (!(await isSeeded(handle.db))) {
      await seedDemoData(handle.db);
      console.log('[comptoir] demo data seeded in the embedded database');
    }
  }
  console.log(`[comptoir] database ready (${handle.kind}: ${handle.location})`);
}
