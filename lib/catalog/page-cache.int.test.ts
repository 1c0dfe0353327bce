import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { categories, products } from '@/db/schema';
import { backends, unique, useTestDb } from '@/test/db';

vi.mock('server-only', () => ({}));
const { catalogVersion } = await import('./page-cache');

/**
 * The shop's page cache is only as right as the catalogue version: every change a shop page shows
 * must bump it (in any app instance's transaction), and the sales that merely move stock must not.
 */
describe.each(backends())('catalogue version on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function addProduct(stock: number) {
    const sku = unique('V').toUpperCase().slice(0, 32);
    const [row] = await db()
      .insert(products)
      .values({ sku, slug: sku.toLowerCase(), name: 'Agrafeuse', description: '', vatRateBp: 2000, b2cPriceTtcCents: 1000, b2bListPriceHtCents: 700, stockOnHand: stock, isActive: true })
      .returning({ id: products.id });
    if (!row) throw new Error('insert');
    return row.id;
  }
  const bumps = async (change: () => Promise<unknown>) => {
    const before = await catalogVersion(db());
    await change();
    return (await catalogVersion(db())) - before;
  };
  const setStock = (id: string, n: number) => db().update(products).set({ stockOnHand: n, updatedAt: sql`now()` }).where(eq(products.id, id));

  it('bumps when a product is added, renamed, repriced, deactivated or removed', async () => {
    let id = '';
    expect(await bumps(async () => (id = await addProduct(100)))).toBeGreaterThan(0);
    expect(await bumps(() => db().update(products).set({ name: 'Agrafeuse pince' }).where(eq(products.id, id)))).toBeGreaterThan(0);
    expect(await bumps(() => db().update(products).set({ b2cPriceTtcCents: 1090 }).where(eq(products.id, id)))).toBeGreaterThan(0);
    expect(await bumps(() => db().update(products).set({ isActive: false }).where(eq(products.id, id)))).toBeGreaterThan(0);
    expect(await bumps(() => db().delete(products).where(eq(products.id, id)))).toBeGreaterThan(0);
  });

  it.each([
    [100, 99, false],
    [12, 11, false],
    [11, 10, true],
    [8, 7, true],
    [1, 0, true],
    [0, 40, true],
  ])('stock %i → %i changes the pages: %s', async (from, to, changes) => {
    const id = await addProduct(from);
    expect((await bumps(() => setStock(id, to))) > 0).toBe(changes);
  });

  it('does not bump when an update changes nothing shown', async () => {
    const id = await addProduct(50);
    expect(await bumps(() => db().update(products).set({ updatedAt: sql`now()` }).where(eq(products.id, id)))).toBe(0);
  });

  it('bumps when a category changes', async () => {
    const slug = unique('cat').toLowerCase();
    expect(await bumps(() => db().insert(categories).values({ slug, name: 'Rayon test' }))).toBeGreaterThan(0);
    expect(await bumps(() => db().update(categories).set({ name: 'Rayon testé' }).where(eq(categories.slug, slug)))).toBeGreaterThan(0);
  });

  it('bumps only when the change commits: a rolled-back edit leaves the version alone', async () => {
    const id = await addProduct(100);
    const before = await catalogVersion(db());
    await expect(
      db().transaction(async (tx) => {
        await tx.update(products).set({ name: 'Jamais vu' }).where(eq(products.id, id));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await catalogVersion(db())).toBe(before);
  });
});
