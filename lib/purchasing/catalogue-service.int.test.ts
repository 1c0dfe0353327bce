import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import type { Database, Executor } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { agreementLines, agreementPriceTiers, frameworkAgreements, products } from '@/db/schema';
import { openPostgres } from '@/db/client';
import { backends, unique, useTestDb } from '@/test/db';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { rowsOf } from '@/lib/sql-helpers';
import { openCountingDb } from '@/test/statements';
import { addToB2bCart, getB2bCart } from './b2b-cart-service';
import { listNegotiatedCatalogue, quoteB2bPrices } from './catalogue-service';
import { parisDate } from './periods';
import { placeB2bOrder } from './place-b2b-order';

/** `count` more products on the company's agreement, named "Contrat 00…" (prices 1 000 + i). */
async function addContractProducts(db: Database, agreementId: string, count: number, prefix = 'Contrat') {
  const tag = unique('K').toUpperCase().replace(/[^A-Z0-9]/g, '');
  const made = await db
    .insert(products)
    .values(
      Array.from({ length: count }, (_, i) => ({
        sku: `${tag}-${i}`.slice(-32),
        slug: `${tag}-${i}`.toLowerCase(),
        name: `${prefix} ${String(i).padStart(2, '0')} ${tag}`,
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
  // The contract list is read from agreement_lines' copy of each product's folded name and active
  // flag (migration 0015): these prove the triggers keep that copy true to the product.
  describe('the contract list follows its products', () => {
    const names = async (actor: Actor, page = 1) => {
      const r = await listNegotiatedCatalogue(db(), actor, { page });
      if (!r.ok) throw new Error(r.error);
      return { total: r.value.total, ids: r.value.rows.map((row) => row.productId), names: r.value.rows.map((row) => row.name) };
    };

    it('re-sorts a renamed product by its folded name', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const requester = await co.person('requester');
      const [c0, c1, c2] = await addContractProducts(db(), co.agreementId, 3);
      expect((await names(requester)).ids).toEqual([c0!.id, c1!.id, c2!.id, co.product.id]);

      await db().update(products).set({ name: 'Zèbre en peluche' }).where(eq(products.id, c0!.id));
      // Folded, "Éponge" sorts as "eponge": between "contrat" and "produit" (unfolded, É would come after Z).
      await db().update(products).set({ name: 'Éponge grattante' }).where(eq(products.id, c2!.id));
      expect(await names(requester)).toEqual({
        total: 4,
        ids: [c1!.id, c2!.id, co.product.id, c0!.id],
        names: [c1!.name, 'Éponge grattante', expect.stringMatching(/^Produit /), 'Zèbre en peluche'],
      });
    });

    it('drops a deactivated product from the total and the page, and brings it back when reactivated', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const requester = await co.person('requester');
      const made = await addContractProducts(db(), co.agreementId, 25);
      const all = [...made.map((p) => p.id), co.product.id];
      expect(await names(requester)).toMatchObject({ total: 26, ids: all.slice(0, 24) });

      await db().update(products).set({ isActive: false }).where(eq(products.id, made[1]!.id));
      const without = all.filter((id) => id !== made[1]!.id);
      expect(await names(requester)).toMatchObject({ total: 25, ids: without.slice(0, 24) });
      expect(await names(requester, 2)).toMatchObject({ total: 25, ids: without.slice(24) });

      await db().update(products).set({ isActive: true }).where(eq(products.id, made[1]!.id));
      expect(await names(requester)).toMatchObject({ total: 26, ids: all.slice(0, 24) });
      expect(await names(requester, 2)).toMatchObject({ total: 26, ids: all.slice(24) });
    });

    it('counts and lists once a product on two active agreements of the company, across pages', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const requester = await co.person('requester');
      const made = await addContractProducts(db(), co.agreementId, 30);
      const year = Number(parisDate().slice(0, 4));
      const [second] = await db()
        .insert(frameworkAgreements)
        .values({ accountId: co.accountId, reference: `CC-${unique('second')}`, title: 'Second', status: 'active', startsOn: `${year - 1}-06-01`, endsOn: `${year + 1}-06-30` })
        .returning({ id: frameworkAgreements.id });
      // The second agreement repeats 20 of the first's products (the fixture's among them) and adds two.
      await db()
        .insert(agreementLines)
        .values([co.product.id, ...made.slice(5, 24).map((p) => p.id)].map((productId) => ({ agreementId: second!.id, productId, unitPriceHtCents: 1 })));
      const added = await addContractProducts(db(), second!.id, 2, 'Zz');

      const expected = [...made.map((p) => p.id), co.product.id, ...added.map((p) => p.id)];
      const one = await names(requester);
      const two = await names(requester, 2);
      expect(one).toMatchObject({ total: 33, ids: expected.slice(0, 24) });
      expect(two).toMatchObject({ total: 33, ids: expected.slice(24) });
      expect(await names(requester, 9)).toEqual(two);
    });

    it('takes the sort key from the product, whatever an insert or an update of the line says', async () => {
      const co = await makeCompany(db(), { budgetHtCents: null });
      const requester = await co.person('requester');
      const [mine] = await addContractProducts(db(), co.agreementId, 1);
      const [late] = await db()
        .insert(products)
        .values({ sku: `L${mine!.id.slice(0, 8).toUpperCase()}`, slug: `late-${mine!.id}`, name: 'Ûltime article', vatRateBp: 2000, b2cPriceTtcCents: 100, b2bListPriceHtCents: 80 })
        .returning({ id: products.id });
      const lineOf = async (productId: string) =>
        rowsOf<{ product_sort_name: string; product_active: boolean }>(
          await db().execute(sql`select product_sort_name, product_active from agreement_lines where agreement_id = ${co.agreementId} and product_id = ${productId}`),
        )[0];

      await db().execute(sql`insert into agreement_lines (agreement_id, product_id, unit_price_ht_cents, product_sort_name, product_active)
        values (${co.agreementId}, ${late!.id}, 50, 'aaa first', false)`);
      expect(await lineOf(late!.id)).toEqual({ product_sort_name: 'ultime article', product_active: true });
      expect((await names(requester)).ids).toEqual([mine!.id, co.product.id, late!.id]);

      await db().execute(sql`update agreement_lines set product_sort_name = 'aaa', product_active = false where product_id = ${late!.id}`);
      expect(await lineOf(late!.id)).toEqual({ product_sort_name: 'ultime article', product_active: true });
      expect(await names(requester)).toMatchObject({ total: 3, ids: [mine!.id, co.product.id, late!.id] });
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

describe.runIf(inject('postgresUrl'))('the sort key of a line added while its product is renamed', () => {
  // The line trigger locks its product FOR SHARE: a rename either waits for the new line and then
  // updates it too, or, already under way, makes the new line wait and read the new name.
  it.each(['line first', 'rename first'] as const)('ends with the new name (%s)', async (order) => {
    const [a, b] = [await openPostgres(inject('postgresUrl')!, 1), await openPostgres(inject('postgresUrl')!, 1)];
    try {
      const co = await makeCompany(a.db, { budgetHtCents: null });
      const [product] = await addContractProducts(a.db, co.agreementId, 1);
      await a.db.delete(agreementLines).where(eq(agreementLines.productId, product!.id));
      const insertLine = (db: Executor) => db.insert(agreementLines).values({ agreementId: co.agreementId, productId: product!.id, unitPriceHtCents: 10 });
      const rename = (db: Executor) => db.update(products).set({ name: 'Ñouveau nom' }).where(eq(products.id, product!.id));
      const [first, second] = order === 'line first' ? [insertLine, rename] : [rename, insertLine];

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const inFirst = new Promise<void>((resolve) => (started = resolve));
      const one = a.db.transaction(async (tx) => {
        await first(tx);
        started();
        await gate;
      });
      await inFirst;
      let secondDone = false;
      const two = second(b.db).then(() => (secondDone = true));
      await new Promise((r) => setTimeout(r, 300));
      const waited = !secondDone;
      release();
      await Promise.all([one, two]);
      expect(waited).toBe(true); // the second one waited for the first one's lock on the product

      const [line] = await a.db.select({ sortName: agreementLines.productSortName }).from(agreementLines).where(eq(agreementLines.productId, product!.id));
      expect(line).toEqual({ sortName: 'nouveau nom' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
