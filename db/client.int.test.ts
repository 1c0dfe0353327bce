import { eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { type Database, openPostgres } from './client';
import { products } from './schema';

/** How many prepared statements of the session filter products on `column`. */
async function prepared(db: Database, column: string): Promise<number> {
  const rows = (await db.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%"products"."${column}" = $1%`}`)) as unknown as { n: number }[];
  return rows[0]!.n;
}

describe.runIf(inject('postgresUrl'))('the PostgreSQL driver', () => {
  it('sends drizzle queries as named prepared statements, reused, in and out of transactions', async () => {
    // One connection: what a query prepared is visible to the next query of the session.
    const handle = await openPostgres(inject('postgresUrl')!, 1);
    try {
      const { db } = handle;
      const by = (x: Pick<Database, 'select'>, column: 'sku' | 'slug' | 'name') =>
        x.select({ id: products.id }).from(products).where(eq(products[column], 'nothing-like-this'));
      expect(await by(db, 'sku')).toEqual([]);
      expect(await by(db, 'sku')).toEqual([]);
      expect(await prepared(db, 'sku')).toBe(1);
      await db.transaction(async (tx) => {
        expect(await by(tx, 'slug')).toEqual([]);
        await tx.transaction(async (inner) => {
          expect(await by(inner, 'name')).toEqual([]);
        });
      });
      expect([await prepared(db, 'slug'), await prepared(db, 'name')]).toEqual([1, 1]);
    } finally {
      await handle.close();
    }
  });

  it('sends them unprepared when COMPTOIR_PG_PREPARE is off (a pooler in transaction mode)', async () => {
    process.env.COMPTOIR_PG_PREPARE = 'off';
    const handle = await openPostgres(inject('postgresUrl')!, 1).finally(() => delete process.env.COMPTOIR_PG_PREPARE);
    try {
      const { db } = handle;
      expect(await db.select({ id: products.id }).from(products).where(eq(products.sku, 'nothing-like-this'))).toEqual([]);
      expect(await prepared(db, 'sku')).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
