import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { accounts, budgetEntries, orderLines, orders, outbox, products, spendingBudgets, stockMovements } from '@/db/schema';
import { makeCompany } from '@/test/fixtures/b2b-company';
import { openCountingDb } from '@/test/statements';
import { addToB2bCart } from './b2b-cart-service';
import { placeB2bOrder } from './place-b2b-order';

const verb = (statement: string) => statement.trim().split(/\s+/)[0]!.toLowerCase();

describe.runIf(inject('postgresUrl'))('statements of a B2B checkout', () => {
  it('places an order with a budget and a credit limit in one transaction of at most 10 statements, with everything written', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const co = await makeCompany(db, { budgetHtCents: 1_000_000 });
      await db.update(accounts).set({ creditLimitCents: 10_000_000 }).where(eq(accounts.id, co.accountId));
      const requester = await co.person('requester');
      await co.person('purchaser');
      await addToB2bCart(db, requester, { productId: co.product.id, quantity: 3 });
      const { value: placed, statements } = await counting.record(() =>
        placeB2bOrder(db, requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 90_000 }),
      );
      expect(placed).toMatchObject({ ok: true, value: { status: 'placed' } });
      if (!placed.ok) return;
      // BEGIN, products locked, budget locked with the rest, company locked, what it owes, the writes, COMMIT.
      expect(statements.map(verb)).toEqual(['begin', 'select', 'with', 'select', 'select', 'with', 'commit']);
      expect(statements.length).toBeLessThanOrEqual(10);

      const [o] = await db.select().from(orders).where(eq(orders.id, placed.value.orderId));
      expect(o).toMatchObject({ number: placed.value.number, status: 'placed', totalNetCents: 90_000, totalGrossCents: 108_000 });
      expect(placed.value.number).toMatch(/^CMD-\d{4}-\d{6}$/);
      expect(await db.select().from(orderLines).where(eq(orderLines.orderId, o!.id))).toHaveLength(1);
      expect((await db.select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(997);
      expect(await db.select({ after: stockMovements.stockAfter }).from(stockMovements).where(eq(stockMovements.orderId, o!.id))).toEqual([{ after: 997 }]);
      expect((await db.select().from(spendingBudgets).where(eq(spendingBudgets.id, co.budgetId!)))[0]).toMatchObject({ committedHtCents: 90_000 });
      expect(await db.select({ kind: budgetEntries.kind, amount: budgetEntries.amountHtCents }).from(budgetEntries).where(eq(budgetEntries.orderId, o!.id))).toEqual([
        { kind: 'commit', amount: 90_000 },
      ]);
      expect(await db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.subject, `Commande ${placed.value.number} enregistrée`))).toEqual([{ to: requester.email }]);
    } finally {
      await counting.close();
    }
  });

  it('sends an order over the limit to approval, holding the budget and mailing the purchasers, in 5 statements', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const co = await makeCompany(db, { budgetHtCents: 1_000_000 });
      const requester = await co.person('requester', { order: 50_000 });
      const purchasers = [await co.person('purchaser'), await co.person('company_admin')];
      await addToB2bCart(db, requester, { productId: co.product.id, quantity: 3 });
      const { value: placed, statements } = await counting.record(() =>
        placeB2bOrder(db, requester, { idempotencyKey: randomUUID(), deliveryAddressId: co.deliveryAddressId, expectedNetCents: 90_000 }),
      );
      expect(placed).toMatchObject({ ok: true, value: { status: 'pending_approval' } });
      if (!placed.ok) return;
      expect(statements.map(verb)).toEqual(['begin', 'select', 'with', 'with', 'commit']);
      expect((await db.select().from(products).where(eq(products.id, co.product.id)))[0]!.stockOnHand).toBe(1000);
      expect((await db.select().from(spendingBudgets).where(eq(spendingBudgets.id, co.budgetId!)))[0]).toMatchObject({ heldHtCents: 90_000, committedHtCents: 0 });
      const mails = await db.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.subject, `Commande ${placed.value.number} à approuver`));
      expect(mails.map((m) => m.to).sort()).toEqual(purchasers.map((p) => p.email).sort());
    } finally {
      await counting.close();
    }
  });
});
