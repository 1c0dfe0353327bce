import 'server-only';
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accounts, products, quotes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { refuseUnless } from '@/lib/auth/guard';
import { loadAgreementOffers } from '@/lib/purchasing/pricing-service';
import { resolveB2bPrice } from '@/lib/purchasing/price-resolution';
import { ok, type Result } from '@/lib/result';
import { escapeLike, paginate } from '@/lib/sql-helpers';
import { expireDueQuotes } from './expiry';
import { QUOTE_STATES, type QuoteState } from './rules';
import { QUOTES_PAGE_SIZE } from './schemas';
import type { Paged, QuoteListRow } from './views';

/** A catalogue product the quote builder can add as a line. */
export interface QuoteProductOption {
  id: string;
  sku: string;
  name: string;
  vatRateBp: number;
  stockOnHand: number;
  listPriceHtCents: number;
  /** The company's negotiated price for one unit when its active agreement covers the product, else the list price. */
  unitPriceHtCents: number;
  onContract: boolean;
}

export const QUOTE_PRODUCT_SEARCH_LIMIT = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Active catalogue products whose SKU or name contains what staff typed (accent- and
 * case-insensitive, served by the trigram index on comptoir_fold(name)), SKU prefix matches first,
 * priced for the quote's company as createQuote prices a request's lines (agreement for one unit,
 * else B2B list price HT). Fewer than 2 characters return nothing.
 */
export async function searchQuoteProducts(
  db: Database,
  actor: Actor | null,
  opts: { q: string; accountId?: string | null },
): Promise<Result<QuoteProductOption[]>> {
  const refused = refuseUnless<QuoteProductOption[]>(actor, 'orders.manage');
  if (refused) return refused;
  const text = opts.q.trim().slice(0, 100);
  if (text.length < 2) return ok([]);
  const pattern = escapeLike(text);
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      vatRateBp: products.vatRateBp,
      stockOnHand: products.stockOnHand,
      listPriceHtCents: products.b2bListPriceHtCents,
    })
    .from(products)
    .where(
      and(
        eq(products.isActive, true),
        or(sql`comptoir_fold(${products.name}) like '%' || comptoir_fold(${pattern}) || '%'`, sql`${products.sku} ilike ${`%${pattern}%`}`),
      ),
    )
    .orderBy(sql`(${products.sku} ilike ${`${pattern}%`}) desc`, sql`comptoir_fold(${products.name})`, asc(products.sku))
    .limit(QUOTE_PRODUCT_SEARCH_LIMIT);
  const accountId = opts.accountId && UUID.test(opts.accountId) ? opts.accountId : null;
  const offers = accountId ? await loadAgreementOffers(db, accountId, rows.map((r) => r.id)) : new Map();
  return ok(
    rows.map((r) => {
      const price = resolveB2bPrice({ quantity: 1, listPriceHtCents: r.listPriceHtCents, offer: offers.get(r.id) ?? null });
      return { ...r, unitPriceHtCents: price.unitPriceHtCents, onContract: price.source === 'agreement' };
    }),
  );
}
