import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, products } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { toPrefixTsQuery } from '@/lib/catalog/search-query';
import { fail, ok, type Result } from '@/lib/result';
import { isPortalActor, NOT_FOUND, portalRefusal } from './access';
import { type ResolvedPrice, resolveB2bPrice } from './price-resolution';
import { activeAgreementLines, loadAgreementOffers, offerForProduct, offerFromJson } from './pricing-service';
import { parisDate } from './periods';
import { rowsOf } from '@/lib/sql-helpers';

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

interface CatalogueRow {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  vatRateBp: number;
  stockOnHand: number;
  listPriceHtCents: number | string;
  offer: unknown;
}

/**
 * The signed-in company's catalogue: its agreement's products at their negotiated prices HT, plus
 * the general B2B list (clearly marked off contract) when the company allows it. Prices of other
 * companies never leave the database: every query is filtered by the actor's company.
 *
 * One statement: the company's setting, the total, and the page's products with their offers (price,
 * tiers, maximum) as JSON; only the 24 products shown get an offer. A page past the end costs a
 * second statement, for the last page.
 */
export async function listNegotiatedCatalogue(
  db: Database,
  actor: Actor | null,
  opts: { q?: string; page: number; scope?: 'contract' | 'all' },
): Promise<Result<NegotiatedCatalogue>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const tsquery = opts.q ? toPrefixTsQuery(opts.q) : '';
  const today = parisDate();
  const contractIds = sql`(select al.product_id from ${activeAgreementLines(actor.accountId, today)})`;
  const company = sql`(select a.allow_off_contract from ${accounts} a where a.id = ${actor.accountId})`;
  // Off-contract products only when asked for and allowed (the setting is read in this statement).
  const showAll = opts.scope === 'all';
  const inScope = showAll ? sql`(p.id in ${contractIds} or ${company})` : sql`p.id in ${contractIds}`;
  const search = tsquery ? sql` and p.search_document @@ to_tsquery('simple', ${tsquery})` : sql``;

  // `listed` holds every product of the list with its sort key only (the company's contract is
  // ~2 000 products at size M), read from the covering index (id, name_folded) without visiting
  // the table: the total and the page are both read from it, and only the 24 products shown are
  // then read in full.
  const read = async (page: number) => {
    const [row] = rowsOf<{ allow: boolean | null; total: number | string; rows: CatalogueRow[] | string | null }>(
      await db.execute(sql`
        with listed as materialized (
          select p.id, p.name_folded as sort_name, ${showAll ? sql`p.id in ${contractIds}` : sql`true`} as on_contract
          from ${products} p where p.is_active and ${inScope}${search})
        select ${company} as allow,
          (select count(*) from listed) as total,
          (select json_agg(json_build_object(
              'productId', p.id, 'sku', p.sku, 'name', p.name, 'unit', p.unit, 'vatRateBp', p.vat_rate_bp,
              'stockOnHand', p.stock_on_hand, 'listPriceHtCents', p.b2b_list_price_ht_cents,
              'offer', ${offerForProduct(actor.accountId, today, sql`p.id`)}) order by shown.on_contract desc, shown.sort_name, shown.id)
            from (select * from listed order by on_contract desc, sort_name, id limit ${PAGE} offset ${(page - 1) * PAGE}) shown
            join ${products} p on p.id = shown.id) as rows`),
    );
    const rows = typeof row?.rows === 'string' ? (JSON.parse(row.rows) as CatalogueRow[]) : (row?.rows ?? []);
    return { allow: Boolean(row?.allow), total: Number(row?.total ?? 0), rows };
  };

  if (opts.q && !tsquery) {
    const [company] = await db.select({ allow: accounts.allowOffContract }).from(accounts).where(eq(accounts.id, actor.accountId));
    return ok({ rows: [], total: 0, page: 1, pageCount: 1, offContractAllowed: Boolean(company?.allow) });
  }
  let page = Math.min(Math.max(1, Math.trunc(opts.page) || 1), MAX_PAGE);
  let found = await read(page);
  const pageCount = Math.max(1, Math.ceil(found.total / PAGE));
  if (page > pageCount) {
    // A page past the end (an old link): read the last one (rare, hence a second statement).
    page = pageCount;
    found = await read(page);
  }
  return ok({
    rows: found.rows.map((r) => {
      const offer = offerFromJson(r.offer);
      const listPriceHtCents = Number(r.listPriceHtCents);
      return {
        productId: r.productId,
        sku: r.sku,
        name: r.name,
        unit: r.unit,
        vatRateBp: Number(r.vatRateBp),
        stockOnHand: Number(r.stockOnHand),
        listPriceHtCents,
        onContract: Boolean(offer),
        price: resolveB2bPrice({ quantity: 1, listPriceHtCents, offer }),
        tiers: offer ? [...offer.tiers].sort((a, b) => a.minQuantity - b.minQuantity) : [],
      };
    }),
    total: found.total,
    page,
    pageCount,
    offContractAllowed: found.allow,
  });
}

/** Highest page read from a URL (deeper pages are brought back to the last one anyway). */
const MAX_PAGE = 10_000;

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
