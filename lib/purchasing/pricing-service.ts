import 'server-only';
import { and, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { agreementLines, agreementPriceTiers, frameworkAgreements, orderLines, orders } from '@/db/schema';
import type { AgreementOffer } from './price-resolution';
import { parisDate } from './periods';

/** Order states that no longer consume an agreement. */
export const NON_CONSUMING = ['cancelled', 'rejected', 'expired'] as const;

/**
 * The company's negotiated offers for these products: lines of its agreements active today, with
 * their tiers and what was already ordered on each line. One query for lines, one for tiers and
 * one for consumption, whatever the number of products.
 */
export async function loadAgreementOffers(db: Executor, accountId: string, productIds: string[]): Promise<Map<string, AgreementOffer>> {
  const offers = new Map<string, AgreementOffer>();
  if (productIds.length === 0) return offers;
  const today = parisDate();
  const lines = await db
    .select({
      lineId: agreementLines.id,
      agreementId: agreementLines.agreementId,
      productId: agreementLines.productId,
      unitPriceHtCents: agreementLines.unitPriceHtCents,
      maxQuantity: agreementLines.maxQuantity,
    })
    .from(agreementLines)
    .innerJoin(frameworkAgreements, eq(frameworkAgreements.id, agreementLines.agreementId))
    .where(
      and(
        eq(frameworkAgreements.accountId, accountId),
        eq(frameworkAgreements.status, 'active'),
        lte(frameworkAgreements.startsOn, today),
        gte(frameworkAgreements.endsOn, today),
        inArray(agreementLines.productId, productIds),
      ),
    );
  if (lines.length === 0) return offers;
  const lineIds = lines.map((l) => l.lineId);
  const [tiers, consumed] = await Promise.all([
    db.select().from(agreementPriceTiers).where(inArray(agreementPriceTiers.agreementLineId, lineIds)),
    db
      .select({
        agreementId: orderLines.agreementId,
        productId: orderLines.productId,
        quantity: sql<number>`coalesce(sum(${orderLines.quantity}), 0)`.mapWith(Number),
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(
        and(
          inArray(orderLines.agreementId, [...new Set(lines.map((l) => l.agreementId))]),
          inArray(orderLines.productId, productIds),
          notInArray(orders.status, [...NON_CONSUMING]),
        ),
      )
      .groupBy(orderLines.agreementId, orderLines.productId),
  ]);
  for (const l of lines) {
    const done = consumed.find((c) => c.agreementId === l.agreementId && c.productId === l.productId)?.quantity ?? 0;
    offers.set(l.productId, {
      agreementId: l.agreementId,
      unitPriceHtCents: l.unitPriceHtCents,
      maxQuantity: l.maxQuantity,
      orderedQuantity: done,
      tiers: tiers.filter((t) => t.agreementLineId === l.lineId).map((t) => ({ minQuantity: t.minQuantity, unitPriceHtCents: t.unitPriceHtCents })),
    });
  }
  return offers;
}
