import 'server-only';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, agreementLines, frameworkAgreements, products } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { toPrefixTsQuery } from '@/lib/catalog/search-query';
import { fail, ok, type Result } from '@/lib/result';
import { isPortalActor, NOT_FOUND, portalRefusal } from './access';
import { type ResolvedPrice, resolveB2bPrice } from './price-resolution';
import { loadAgreementOffers } from './pricing-service';
import { parisDate } from './periods';
import { paginate } from '@/lib/sql-helpers';

export interface NegotiatedProduct {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  vatRateBp: number;
  stockOnHand: number;
  /** The unit price HT for one unit, exactly as the cart and the order will compute it. */
  price: ResolvedPrice;
  listPriceHtCents: number;
  tiers: { minQuantity: number; unitPriceHtCents: number }[];
  onContract: boolean;
}

export interface NegotiatedCatalogue {
  rows: NegotiatedProduct[];
  total: number;
  page: number;
  pageCount: number;
  offContractAllowed: boolean;
}

const PAGE = 24;

/**
 * The signed-in company's catalogue: its agreement's products at their negotiated prices HT, plus
 * the general B2B list (clearly marked off contract) when the company allows it. Prices of other
 * companies never leave the database: every query is filtered by the actor's company.
 */
export async function listNegotiatedCatalogue(
  db: Database,
  actor: Actor | null,
  opts: { q?: string; page: number; scope?: 'contract' | 'all' },
): Promise<Result<NegotiatedCatalogue>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const [company] = await db.select({ allow: accounts.allowOffContract }).from(accounts).where(eq(accounts.id, actor.accountId));
  const today = parisDate();
  // Qualified by hand: inside a select list drizzle prints a bare "id", which the subquery would
  // resolve to its own tables.
  const onContract = sql<boolean>`exists (
    select 1 from ${agreementLines} al join ${frameworkAgreements} fa on fa.id = al.agreement_id
    where al.product_id = ${sql.identifier('products')}.${sql.identifier('id')} and fa.account_id = ${actor.accountId} and fa.status = 'active'
      and fa.starts_on <= ${today} and fa.ends_on >= ${today})`;
  const filters: SQL[] = [eq(products.isActive, true)];
  const showAll = company?.allow && opts.scope === 'all';
  if (!showAll) filters.push(onContract);
  const tsquery = opts.q ? toPrefixTsQuery(opts.q) : '';
  if (opts.q && !tsquery) return ok({ rows: [], total: 0, page: 1, pageCount: 1, offContractAllowed: Boolean(company?.allow) });
  if (tsquery) filters.push(sql`${products.searchDocument} @@ to_tsquery('simple', ${tsquery})`);
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(products).where(where);
  const { page, pageCount, offset } = paginate(total, PAGE, opts.page);
  const rows = await db
    .select({
      productId: products.id,
      sku: products.sku,
      name: products.name,
      unit: products.unit,
      vatRateBp: products.vatRateBp,
      stockOnHand: products.stockOnHand,
      listPriceHtCents: products.b2bListPriceHtCents,
      onContract,
    })
    .from(products)
    .where(where)
    .orderBy(sql`${onContract} desc`, asc(sql`comptoir_fold(${products.name})`))
    .limit(PAGE)
    .offset(offset);
  const offers = await loadAgreementOffers(db, actor.accountId, rows.map((r) => r.productId));
  return ok({
    rows: rows.map((r) => {
      const offer = offers.get(r.productId) ?? null;
      return {
        ...r,
        onContract: Boolean(offer),
        price: resolveB2bPrice({ quantity: 1, listPriceHtCents: r.listPriceHtCents, offer }),
        tiers: offer ? [...offer.tiers].sort((a, b) => a.minQuantity - b.minQuantity) : [],
      };
    }),
    total,
    page,
    pageCount,
    offContractAllowed: Boolean(company?.allow),
  });
}

/** Negotiated unit prices for given products and quantities (for quick price checks and tests). */
export async function quoteB2bPrices(
  db: Database,
  actor: Actor | null,
  items: { productId: string; quantity: number }[],
): Promise<Result<ResolvedPrice[]>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const ids = items.map((i) => i.productId);
  const list = ids.length ? await db.select({ id: products.id, list: products.b2bListPriceHtCents }).from(products).where(inArray(products.id, ids)) : [];
  const offers = await loadAgreementOffers(db, actor.accountId, ids);
  return ok(
    items.map((i) =>
      resolveB2bPrice({ quantity: i.quantity, listPriceHtCents: list.find((l) => l.id === i.productId)?.list ?? 0, offer: offers.get(i.productId) ?? null }),
    ),
  );
}
