import path from 'node:path';
import type { DbHandle } from './client';

export function migrationsFolder(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), 'db/migrations');
}

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_311_202_601;

/**
 * Applies the committed migrations. On PostgreSQL it runs on one dedicated connection holding an
 * advisory lock, so several instances starting together migrate once and the others wait.
 */
export async function migrateDatabase(handle: DbHandle, postgresUrl?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // The handle's db was built by drizzle-orm/pglite; the cast only restores its concrete type.
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: migrationsFolder() });
    return;
  }
  const url = postgresUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error('migrateDatabase: a PostgreSQL URL is required');
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import('postgres'),
    import('drizzle-orm/postgres-js'),
    import('drizzle-orm/postgres-js/migrator'),
  ]);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
