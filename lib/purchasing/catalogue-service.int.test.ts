import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import type { Database } from '@/db/client';
import { agreementLines, agreementPriceTiers, products } from '@/db/schema';
import { backends, unique, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { openCountingDb } from '@/test/statements';
import { addToB2bCart, getB2bCart } from './b2b-cart-service';
import { listNegotiatedCatalogue, quoteB2bPrices } from './catalogue-service';
import { placeB2bOrder } from './place-b2b-order';

/** `count` more products on the company's agreement, named "Contrat 00…" (prices 1 000 + i). */
async function addContractProducts(db: Database, agreementId: string, count: number) {
  const tag = unique('K').toUpperCase().replace(/[^A-Z0-9]/g, '');
  const made = await db
    .insert(products)
    .values(
      Array.from({ length: count }, (_, i) => ({
        sku: `${tag}-${i}`.slice(-32),
        slug: `${tag}-${i}`.toLowerCase(),
        name: `Contrat ${String(i).padStart(2, '0')} ${tag}`,
        vatRateBp: 2000,
        b2cPriceTtcCents: 3000,
        b2bListPriceHtCents: 2000,
        stockOnHand: 10,
      })),
    )
    .returning({ id: products.id, name: products.name });
  await db.insert(agreementLines).values(made.map((p, i) => ({ agreementId, productId: p.id, unitPriceHtCents: 1000 + i })));
  return made;
}

describe.each(backends())('negotiated catalogue on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  it('lists the contract in name order with its prices and tiers, the total, and a page past the end as the last', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const requester = await co.person('requester');
    const extra = await addContractProducts(db(), co.agreementId, 30);
    // An inactive product on the contract is not listed (nor counted).
    await db().update(products).set({ isActive: false }).where(eq(products.id, extra[29]!.id));
    const [line] = await db().select({ id: agreementLines.id }).from(agreementLines).where(eq(agreementLines.productId, extra[0]!.id));
    await db().insert(agreementPriceTiers).values([
      { agreementLineId: line!.id, minQuantity: 50, unitPriceHtCents: 800 },
      { agreementLineId: line!.id, minQuantity: 20, unitPriceHtCents: 900 },
    ]);

    const one = await listNegotiatedCatalogue(db(), requester, { page: 1 });
    if (!one.ok) throw new Error(one.error);
    expect(one.value).toMatchObject({ total: 30, page: 1, pageCount: 2, offContractAllowed: false });
    expect(one.value.rows).toHaveLength(24);
    expect(one.value.rows[0]).toMatchObject({
      productId: extra[0]!.id,
      onContract: true,
      listPriceHtCents: 2000,
      vatRateBp: 2000,
      stockOnHand: 10,
      price: { unitPriceHtCents: 1000, source: 'agreement', agreementId: co.agreementId, tierMinQuantity: null, exceedsMaxQuantity: false },
      tiers: [
        { minQuantity: 20, unitPriceHtCents: 900 },
        { minQuantity: 50, unitPriceHtCents: 800 },
      ],
    });
    expect(one.value.rows.map((r) => r.name)).toEqual([...extra.slice(0, 24).map((p) => p.name)]);
    const two = await listNegotiatedCatalogue(db(), requester, { page: 2 });
    if (!two.ok) throw new Error(two.error);
    // The last five "Contrat" names, then the fixture's own product ("Produit …").
    expect(two.value).toMatchObject({ total: 30, page: 2, pageCount: 2 });
    expect(two.value.rows.map((r) => r.productId)).toEqual([...extra.slice(24, 29).map((p) => p.id), co.product.id]);
    expect(await listNegotiatedCatalogue(db(), requester, { page: 40 })).toEqual(two);

    const searched = await listNegotiatedCatalogue(db(), requester, { page: 1, q: extra[3]!.name.split(' ')[1]! });
    expect(searched.ok && searched.value.rows.map((r) => r.productId)).toEqual([extra[3]!.id]);
    expect(await listNegotiatedCatalogue(db(), requester, { page: 1, q: '%%' })).toMatchObject({ ok: true, value: { rows: [], total: 0 } });
  });

  it('puts the contract first and marks the rest off contract when the company allows it, and only then', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null, allowOffContract: true });
    const requester = await co.person('requester');
    const all = await listNegotiatedCatalogue(db(), requester, { page: 1, scope: 'all' });
    if (!all.ok) throw new Error(all.error);
    expect(all.value.offContractAllowed).toBe(true);
    expect(all.value.rows[0]).toMatchObject({ productId: co.product.id, onContract: true });
    expect(all.value.rows.slice(1).every((r) => !r.onContract && r.price.source === 'list')).toBe(true);
    expect(all.value.total).toBeGreaterThan(1);

    const strict = await makeCompany(db(), { budgetHtCents: null, allowOffContract: false });
    const other = await strict.person('requester');
    const refused = await listNegotiatedCatalogue(db(), other, { page: 1, scope: 'all' });
    expect(refused).toMatchObject({ ok: true, value: { total: 1, offContractAllowed: false } });
    // Another company's agreement prices never show.
    expect(refused.ok && refused.value.rows.map((r) => r.productId)).toEqual([strict.product.id]);
  });

  it('applies an agreement maximum with what was already ordered on it', async () => {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const requester = await co.person('requester');
    await db().update(agreementLines).set({ maxQuantity: 4 }).where(eq(agreementLines.agreementId, co.agreementId));
    await addToB2bCart(db(), requester, { productId: co.product.id, quantity: 3 });
    const placed = await placeB2bOrder(db(), requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 90_000 });
    expect(placed).toMatchObject({ ok: true });
    const page = await listNegotiatedCatalogue(db(), requester, { page: 1 });
    expect(page.ok && page.value.rows[0]!.price).toMatchObject({ source: 'agreement', unitPriceHtCents: 30_000 });
    expect(await quoteB2bPrices(db(), requester, [{ productId: co.product.id, quantity: 2 }])).toMatchObject({
      ok: true,
      value: [{ source: 'list', unitPriceHtCents: 40_000, exceedsMaxQuantity: true }],
    });
  });
});

describe.runIf(inject('postgresUrl'))('statements of the negotiated catalogue page', () => {
  it('the page is one statement, and so is the priced portal cart (the portal layout shows its count)', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const co = await makeCompany(db, { budgetHtCents: null });
      const requester = await co.person('requester');
      await addContractProducts(db, co.agreementId, 30);
      await addToB2bCart(db, requester, { productId: co.product.id, quantity: 2 });
      const page = await counting.record(() => listNegotiatedCatalogue(db, requester, { page: 2 }));
      expect(page.value).toMatchObject({ ok: true, value: { total: 31, page: 2 } });
      expect(page.statements).toHaveLength(1);
      const cart = await counting.record(() => getB2bCart(db, requester));
      expect(cart.value).toMatchObject({ ok: true, value: { lines: [{ productId: co.product.id, quantity: 2, price: { source: 'agreement' } }] } });
      expect(cart.statements).toHaveLength(1);
    } finally {
      await counting.close();
    }
  });
});
