import 'server-only';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { agreementLines, agreementPriceTiers, frameworkAgreements, orderLines, orders } from '@/db/schema';
import { rowsOf } from '@/lib/sql-helpers';
import type { AgreementOffer } from './price-resolution';
import { parisDate } from './periods';

/** Order states that no longer consume an agreement. */
export const NON_CONSUMING = ['cancelled', 'rejected', 'expired'] as const;

/** The condition "the agreement `fa` is one of the company's that apply today" (active, within its dates). */
export function agreementAppliesToday(accountId: string, today: string): SQL {
  return sql`fa.account_id = ${accountId} and fa.status = 'active' and fa.starts_on <= ${today} and fa.ends_on >= ${today}`;
}

/**
 * The company's agreement lines that apply today (its active agreements within their dates), as a
 * FROM item aliased `al` (with `fa`, the agreement): callers add their own product condition. The
 * unique index (agreement_id, product_id) serves both "this product" and "every line" lookups.
 */
export function activeAgreementLines(accountId: string, today: string): SQL {
  return sql`${frameworkAgreements} fa join ${agreementLines} al on al.agreement_id = fa.id
    and ${agreementAppliesToday(accountId, today)}`;
}

/**
 * The offer of a line `al` as one JSON value (see `offerFromJson`): its price, tiers and maximum,
 * and — only when it has a maximum, the one thing it is needed for — what was already ordered on it.
 */
export function offerJsonOf(): SQL {
  return sql`json_build_object(
    'agreementId', al.agreement_id,
    'unitPriceHtCents', al.unit_price_ht_cents,
    'maxQuantity', al.max_quantity,
    'orderedQuantity', case when al.max_quantity is null then 0 else (
      select coalesce(sum(ol.quantity), 0) from ${orderLines} ol join ${orders} o on o.id = ol.order_id
      where ol.agreement_id = al.agreement_id and ol.product_id = al.product_id
        and o.status not in (${sql.join(NON_CONSUMING.map((s) => sql`${s}`), sql`, `)})) end,
    'tiers', coalesce((
      select json_agg(json_build_object('minQuantity', t.min_quantity, 'unitPriceHtCents', t.unit_price_ht_cents) order by t.min_quantity)
      from ${agreementPriceTiers} t where t.agreement_line_id = al.id), '[]'::json))`;
}

/**
 * A correlated subquery: the JSON offer of the company's agreement for the product `productId`
 * (an outer column), or null when no agreement applies today. Several applicable agreements on one
 * product are not expected; the first by agreement id wins, so the answer is at least stable.
 */
export function offerForProduct(accountId: string, today: string, productId: SQL): SQL {
  return sql`(select ${offerJsonOf()} from ${activeAgreementLines(accountId, today)}
    where al.product_id = ${productId} order by al.agreement_id limit 1)`;
}

interface OfferJson {
  agreementId: string;
  unitPriceHtCents: number | string;
  maxQuantity: number | null;
  orderedQuantity: number | string;
  tiers: { minQuantity: number; unitPriceHtCents: number | string }[];
}

/** The offer read from `offerJsonOf` (the driver parses JSON; a string is parsed here). */
export function offerFromJson(value: unknown): AgreementOffer | null {
  if (value === null || value === undefined) return null;
  const o = (typeof value === 'string' ? JSON.parse(value) : value) as OfferJson;
  return {
    agreementId: o.agreementId,
    unitPriceHtCents: Number(o.unitPriceHtCents),
    maxQuantity: o.maxQuantity === null ? null : Number(o.maxQuantity),
    orderedQuantity: Number(o.orderedQuantity),
    tiers: o.tiers.map((t) => ({ minQuantity: Number(t.minQuantity), unitPriceHtCents: Number(t.unitPriceHtCents) })),
  };
}

/**
 * The company's negotiated offers for these products: lines of its agreements active today, with
 * their tiers and what was already ordered on each line (for lines with a maximum). One statement,
 * whatever the number of products.
 */
export async function loadAgreementOffers(db: Executor, accountId: string, productIds: string[]): Promise<Map<string, AgreementOffer>> {
  const offers = new Map<string, AgreementOffer>();
  if (productIds.length === 0) return offers;
  const rows = rowsOf<{ product_id: string; offer: unknown }>(
    await db.execute(sql`
      select distinct on (al.product_id) al.product_id, ${offerJsonOf()} as offer
      from ${activeAgreementLines(accountId, parisDate())}
      where ${inArray(sql`al.product_id`, [...new Set(productIds)])}
      order by al.product_id, al.agreement_id`),
  );
  for (const r of rows) offers.set(r.product_id, offerFromJson(r.offer)!);
  return offers;
}
