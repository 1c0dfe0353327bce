import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { categories, products, stockMovements, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { backends, unique, useTestDb } from '@/test/db';
import { createProductSchema } from './admin-schemas';
import { adjustStock, createProduct, listCategoriesForStaff, listProductsForStaff, listStockMovements } from './admin-service';

describe.each(backends())('catalogue admin service on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function newProduct(actor: Actor, initialStock: number, overrides: Record<string, string> = {}) {
    const input = createProductSchema.parse({
      sku: unique('SVC').toUpperCase(),
      name: `Produit de test ${unique()}`,
      vatRateBp: '2000',
      b2cPriceTtc: '10,00',
      b2bListPriceHt: '7,00',
      isActive: 'on',
      initialStock: String(initialStock),
      ...overrides,
    });
    const r = await createProduct(db(), actor, input);
    if (!r.ok) throw new Error(r.error);
    return r.value.productId;
  }

  it('serializes parallel adjustments: 10 × −1 on a stock of 5 leaves exactly 5 successes, stock 0 and 5 movements', async () => {
    const admin = await actorOf('admin@comptoir.test');
    const productId = await newProduct(admin, 5);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => adjustStock(db(), admin, { productId, delta: -1, kind: 'adjustment', reason: `Sortie ${i}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refusals = results.filter((r) => !r.ok);
    expect(refusals).toHaveLength(5);
    for (const r of refusals) expect(r).toMatchObject({ error: 'Refusé : le stock ne peut pas devenir négatif (stock actuel 0).' });
    const [row] = await db().select({ stock: products.stockOnHand }).from(products).where(eq(products.id, productId));
    expect(row!.stock).toBe(0);
    const moves = await db().select().from(stockMovements).where(eq(stockMovements.productId, productId));
    const adjustments = moves.filter((mv) => mv.kind === 'adjustment');
    expect(adjustments).toHaveLength(5);
    // Every movement left a distinct stock: the running sum is exact, with no lost update.
    expect(adjustments.map((mv) => mv.stockAfter).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('parallel creations with the same SKU create one product and refuse the other on the SKU field', async () => {
    const admin = await actorOf('admin@comptoir.test');
    const code = unique('DUP').toUpperCase();
    const input = (name: string) =>
      createProductSchema.parse({ sku: code, name, vatRateBp: '550', b2cPriceTtc: '3,20', b2bListPriceHt: '2,50', initialStock: '2' });
    const results = await Promise.all([createProduct(db(), admin, input(`Thé ${unique()}`)), createProduct(db(), admin, input(`Thé ${unique()}`))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ fieldErrors: { sku: [`La référence ${code} est déjà utilisée par un autre produit.`] } });
    const [n] = await db().select({ n: count() }).from(products).where(eq(products.sku, code));
    expect(n!.n).toBe(1);
  });

  it('lists products for staff with an accent-insensitive search, filters and 25 per page', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const cafe = await listProductsForStaff(db(), sales, { q: 'CAFE moulu', page: 1 });
    expect(cafe.ok && cafe.value.rows.map((r) => r.sku)).toContain('CAF-MOU-250');
    const bySku = await listProductsForStaff(db(), sales, { q: 'caf-mou', page: 1 });
    expect(bySku.ok && bySku.value.rows.map((r) => r.sku)).toEqual(['CAF-MOU-250']);
    const noMatch = await listProductsForStaff(db(), sales, { q: '100%_\\', page: 1 });
    expect(noMatch.ok && noMatch.value.total).toBe(0);

    const all = await listProductsForStaff(db(), sales, { page: 1 });
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.value.rows).toHaveLength(25);
    expect(all.value.pageCount).toBe(Math.ceil(all.value.total / 25));
    const last = await listProductsForStaff(db(), sales, { page: 9999 });
    expect(last.ok && last.value.page).toBe(all.value.pageCount);

    const [traiteur] = await db().select({ id: categories.id }).from(categories).where(eq(categories.slug, 'traiteur'));
    const inCat = await listProductsForStaff(db(), sales, { category: traiteur!.id, page: 1 });
    expect(inCat.ok && inCat.value.rows.every((r) => r.categoryName === 'Traiteur' && r.vatRateBp === 1000)).toBe(true);

    const inactiveId = await newProduct(sales, 0, { isActive: '' });
    const inactive = await listProductsForStaff(db(), sales, { status: 'inactive', category: 'none', page: 1 });
    expect(inactive.ok && inactive.value.rows.map((r) => r.id)).toContain(inactiveId);
    expect(inactive.ok && inactive.value.rows.every((r) => !r.isActive && r.categoryName === null)).toBe(true);
  });

  it('shows the movement history newest first with who made each movement', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const productId = await newProduct(sales, 3);
    await adjustStock(db(), sales, { productId, delta: 2, kind: 'receipt', reason: 'Réassort' });
    const history = await listStockMovements(db(), sales, productId);
    expect(history).toMatchObject({
      ok: true,
      value: [
        { kind: 'receipt', quantityDelta: 2, stockAfter: 5, reason: 'Réassort', actorName: 'Antoine Girard', orderId: null, orderNumber: null },
        { kind: 'receipt', quantityDelta: 3, stockAfter: 3, actorName: 'Antoine Girard' },
      ],
    });
  });

  it('counts the products of each category', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const result = await listCategoriesForStaff(db(), sales);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const c of result.value) {
      const [n] = await db().select({ n: count() }).from(products).where(eq(products.categoryId, c.id));
      expect(c.productCount, c.slug).toBe(n!.n);
    }
    expect(result.value.find((c) => c.slug === 'traiteur')!.productCount).toBeGreaterThan(0);
  });

  it('refuses every read to people without catalog.manage', async () => {
    for (const actor of [null, await actorOf('client@particulier.test'), await actorOf('demandeur@atelier-lumiere.test')]) {
      expect(await listProductsForStaff(db(), actor, { page: 1 })).toMatchObject({ ok: false });
      expect(await listCategoriesForStaff(db(), actor)).toMatchObject({ ok: false });
      expect(await listStockMovements(db(), actor, '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false });
    }
  });
});
