import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { auditLog, cartLines, carts, orderAdjustments, orderLines, orderPayments, orders, orderStatusHistory, outbox, products, stockMovements } from '@/db/schema';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { priceShopBasket } from '@/lib/shop/pricing';
import { checkoutSchema } from '@/lib/shop/schemas';
import { unique } from '@/test/db';
import { openCountingDb } from '@/test/statements';
import { placeShopOrder } from './place-shop-order';

const verb = (statement: string) => statement.trim().split(/\s+/)[0]!.toLowerCase();

describe.runIf(inject('postgresUrl'))('statements of a B2C checkout', () => {
  it('places a three-line card order in one transaction of 5 statements, everything written, numbers taken once', async () => {
    const counting = await openCountingDb(inject('postgresUrl')!);
    try {
      const db = counting.handle.db;
      const tag = unique('C').toUpperCase().replace(/[^A-Z0-9]/g, '');
      const made = await db
        .insert(products)
        .values([0, 1, 2].map((i) => ({ sku: `${tag}-${i}`.slice(-32), slug: `${tag}-${i}`.toLowerCase(), name: `Article ${i} ${tag}`, vatRateBp: i === 2 ? 550 : 2000, b2cPriceTtcCents: 1000 + i, b2bListPriceHtCents: 500, stockOnHand: 5 })))
        .returning({ id: products.id });
      const place = async (quantities: number[]) => {
        const [cart] = await db.insert(carts).values({}).returning({ id: carts.id });
        await db.insert(cartLines).values(quantities.map((quantity, i) => ({ cartId: cart!.id, productId: made[i]!.id, quantity })));
        const totals = priceShopBasket(quantities.map((quantity, i) => ({ productId: made[i]!.id, quantity, unitPriceTtcCents: 1000 + i, vatRateBp: i === 2 ? 550 : 2000 })), 'express');
        const input = checkoutSchema.parse({
          idempotencyKey: randomUUID(),
          expectedTotalCents: String(totals.tax.totalGrossCents),
          email: 'compte@example.test',
          firstName: 'Compte',
          lastName: 'Instructions',
          line1: '1 rue de la Paix',
          postalCode: '75002',
          city: 'Paris',
          shippingMethod: 'express',
          paymentMethod: 'card',
          cardNumber: '4242 4242 4242 4242',
          cardExpiry: '12/30',
          cardCvc: '123',
          acceptTerms: 'on',
        });
        return { cartId: cart!.id, ...(await counting.record(() => placeShopOrder(db, null, cart!.id, input, testPaymentProvider))) };
      };

      const first = await place([1, 2, 3]);
      expect(first.value).toMatchObject({ ok: true, value: { status: 'placed' } });
      if (!first.value.ok) return;
      // BEGIN, cart and products locked (with the number), every write, the card payment, COMMIT.
      expect(first.statements.map(verb)).toEqual(['begin', 'select', 'with', 'insert', 'commit']);
      const orderId = first.value.value.orderId;
      expect(await db.select().from(orderLines).where(eq(orderLines.orderId, orderId))).toHaveLength(3);
      // The shipping charge, split over the two VAT rates.
      expect(await db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, orderId))).toHaveLength(2);
      expect(await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId))).toHaveLength(1);
      expect(await db.select().from(orderPayments).where(eq(orderPayments.orderId, orderId))).toHaveLength(1);
      expect((await db.select({ q: stockMovements.quantityDelta }).from(stockMovements).where(eq(stockMovements.orderId, orderId))).map((m) => m.q).sort()).toEqual([-1, -2, -3]);
      expect((await db.select({ s: products.stockOnHand }).from(products).where(eq(products.id, made[2]!.id)))[0]!.s).toBe(2);
      expect(await db.select().from(cartLines).where(eq(cartLines.cartId, first.cartId))).toHaveLength(0);
      expect(await db.select().from(auditLog).where(eq(auditLog.entityId, orderId))).toHaveLength(1);
      expect(await db.select().from(outbox).where(eq(outbox.subject, `Votre commande ${first.value.value.number}`))).toHaveLength(1);

      // One order number per checkout, however many lines.
      const second = await place([1, 1]);
      if (!second.value.ok) throw new Error(second.value.error);
      const seq = (n: string) => Number(n.split('-')[2]);
      const [o1] = await db.select({ n: orders.number }).from(orders).where(eq(orders.id, orderId));
      expect(seq(second.value.value.number)).toBe(seq(o1!.n) + 1);
    } finally {
      await counting.close();
    }
  });
});
