import 'server-only';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, agreementLines, frameworkAgreements, products } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { toPrefixTsQuery } from '@/lib/catalog/search-query';
import { fail, ok, type Result } from '@/lib/result';
import { isPortalActor, NOT_FOUND, portalRefusal } from './access';
import { type ResolvedPrice, resolveB2bPrice } from './price-resolution';
import { activeAgreementLines, agreementAppliesToday, loadAgreementOffers, offerForProduct, offerFromJson } from './pricing-service';
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
 * second statement, for the last page. Both ways of choosing the page (`contractPage`,
 * `searchedPage`) sort by folded name then id, the contract first.
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
  const company = sql`(select a.allow_off_contract from ${accounts} a where a.id = ${actor.accountId})`;
  const offer = offerForProduct(actor.accountId, today, sql`p.id`);

  const read = async (page: number) => {
    const offset = (page - 1) * PAGE;
    // `shown`: the page's product ids with their sort key (sort_name, id, on_contract), in order.
    const { prelude, total, shown } =
      opts.scope !== 'all' && !tsquery
        ? contractPage(actor.accountId, today, offset)
        : searchedPage({ accountId: actor.accountId, today, company, showAll: opts.scope === 'all', tsquery, offset });
    const [row] = rowsOf<{ allow: boolean | null; total: number | string; rows: CatalogueRow[] | string | null }>(
      await db.execute(sql`
        ${prelude}select ${company} as allow, ${total} as total,
          (select json_agg(json_build_object(
              'productId', p.id, 'sku', p.sku, 'name', p.name, 'unit', p.unit, 'vatRateBp', p.vat_rate_bp,
              'stockOnHand', p.stock_on_hand, 'listPriceHtCents', p.b2b_list_price_ht_cents,
              'offer', ${offer}) order by shown.on_contract desc, shown.sort_name, shown.id)
            from ${shown} shown
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

/** The parts of the page statement that differ between the contract list and the other cases. */
interface PageSql {
  /** A WITH clause (with its trailing space), or nothing. */
  prelude: SQL;
  /** The number of products listed, as a scalar subquery. */
  total: SQL;
  /** The page's products, as a subquery of (id, sort_name, on_contract), ordered like the list. */
  shown: SQL;
}

/**
 * The contract without search (the portal's default page), read from agreement_lines only: each
 * line carries its product's folded name and active flag (kept by triggers, migration 0015), so
 * `agreement_lines_catalogue_idx (agreement_id, product_sort_name, product_id) where product_active`
 * holds each agreement's active products in display order. The page takes the first offset + 24 of
 * each agreement that applies today (one, usually), merges them without duplicates and keeps its 24
 * (a product is never further down its own agreement's list than down the merged one, so the
 * first offset + 24 of each agreement hold the whole page). A product on two
 * agreements has the same key on both lines, so `distinct` lists it once, and the total counts it
 * once; with a single agreement (nothing to deduplicate) the total is a plain count of the index
 * range, the distinct count being evaluated only when several agreements apply.
 */
function contractPage(accountId: string, today: string, offset: number): PageSql {
  const applies = agreementAppliesToday(accountId, today);
  const lines = activeAgreementLines(accountId, today);
  return {
    prelude: sql``,
    total: sql`(case when (select count(*) from ${frameworkAgreements} fa where ${applies}) <= 1
        then (select count(*) from ${lines} where al.product_active)
        else (select count(distinct al.product_id) from ${lines} where al.product_active) end)`,
    shown: sql`(select distinct x.product_sort_name as sort_name, x.product_id as id, true as on_contract
        from ${frameworkAgreements} fa cross join lateral (
          select al.product_sort_name, al.product_id from ${agreementLines} al
          where al.agreement_id = fa.id and al.product_active
          order by al.product_sort_name, al.product_id limit ${offset + PAGE}) x
        where ${applies}
        order by sort_name, id limit ${PAGE} offset ${offset})`,
  };
}

/**
 * A search, or the whole B2B list with the contract first: `listed` holds every product of the list
 * with its sort key only, read from the covering index (id, name_folded) without visiting the table;
 * the total and the page are both read from it, and only the 24 products shown are then read in
 * full. Off-contract products only when asked for and allowed (the setting is read in this statement).
 */
function searchedPage(o: { accountId: string; today: string; company: SQL; showAll: boolean; tsquery: string; offset: number }): PageSql {
  const { showAll, tsquery } = o;
  const contractIds = sql`(select al.product_id from ${activeAgreementLines(o.accountId, o.today)})`;
  const inScope = showAll ? sql`(p.id in ${contractIds} or ${o.company})` : sql`p.id in ${contractIds}`;
  const search = tsquery ? sql` and p.search_document @@ to_tsquery('simple', ${tsquery})` : sql``;
  return {
    prelude: sql`with listed as materialized (
          select p.id, p.name_folded as sort_name, ${showAll ? sql`p.id in ${contractIds}` : sql`true`} as on_contract
          from ${products} p where p.is_active and ${inScope}${search})
        `,
    total: sql`(select count(*) from listed)`,
    shown: sql`(select * from listed order by on_contract desc, sort_name, id limit ${PAGE} offset ${o.offset})`,
  };
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
