import 'server-only';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { accounts, addresses, cartLines, carts, orderLines, orders, products } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { fail, ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import type { Treatment } from '@/lib/tax';
import { isPortalActor, NOT_FOUND, type PortalActor, portalRefusal } from './access';
import { type PricedB2bBasket, priceB2bBasket } from './b2b-pricing';
import type { AgreementOffer, ResolvedPrice } from './price-resolution';
import { activeAgreementLines, offerFromJson, offerJsonOf } from './pricing-service';
import { parisDate } from './periods';
import { decideTreatment } from './treatment';

const MAX_QTY = 99_999;

/** The person's portal cart, if any (putInCart makes it when adding). */
async function cartIdOf(db: Executor, actor: PortalActor): Promise<string | null> {
  const [own] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.userId, actor.userId), eq(carts.channel, 'b2b')))
    .orderBy(asc(carts.createdAt))
    .limit(1);
  return own?.id ?? null;
}

export interface B2bCartLine {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  vatRateBp: number;
  price: ResolvedPrice;
  listPriceHtCents: number;
  lineTotalHtCents: number;
  stockOnHand: number;
}

export interface B2bCartView {
  lines: B2bCartLine[];
  priced: PricedB2bBasket | null;
  treatment: Treatment;
  deliveryAddressId: string | null;
  /** The company's delivery addresses, the default first (the checkout offers them). */
  deliveryAddresses: DeliveryAddress[];
  problems: string[];
}

export interface DeliveryAddress {
  id: string;
  label: string | null;
  line1: string;
  postalCode: string;
  city: string;
  country: string;
  isDefault: boolean;
}

/** A cart line as the statement reads it, before pricing. */
type CartLineJson = Omit<B2bCartLine, 'price' | 'lineTotalHtCents' | 'listPriceHtCents'> & { listPriceHtCents: number | string; active: boolean };

interface CartRead {
  company: { vatNumber: string | null; allowOffContract: boolean } | string | null;
  delivery: DeliveryAddress[] | string | null;
  lines: CartLineJson[] | string | null;
  offers: Record<string, unknown> | string | null;
}

/** A JSON column: postgres.js and PGlite parse it; a string (another driver) is parsed here. */
function json<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/**
 * The portal cart of the actor, priced for its company (negotiated prices, VAT from HT, treatment
 * from the company's VAT number and the delivery country). One statement: the company's VAT number
 * and setting, its delivery addresses, the cart's lines and their agreement offers.
 */
export async function getB2bCart(db: Executor, actor: Actor | null, deliveryAddressId?: string): Promise<Result<B2bCartView>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const cartId = sql`(select c.id from ${carts} c where c.user_id = ${actor.userId} and c.channel = 'b2b' order by c.created_at limit 1)`;
  const [read] = rowsOf<CartRead>(
    await db.execute(sql`
      select
        (select json_build_object('vatNumber', a.vat_number, 'allowOffContract', a.allow_off_contract) from ${accounts} a where a.id = ${actor.accountId}) as company,
        (select json_agg(json_build_object('id', d.id, 'label', d.label, 'line1', d.line1, 'postalCode', d.postal_code, 'city', d.city,
            'country', d.country, 'isDefault', d.is_default) order by d.is_default desc, d.label)
          from ${addresses} d where d.account_id = ${actor.accountId} and d.kind = 'delivery') as delivery,
        (select json_agg(json_build_object(
            'productId', p.id, 'sku', p.sku, 'name', p.name, 'unit', p.unit, 'quantity', l.quantity, 'vatRateBp', p.vat_rate_bp,
            'listPriceHtCents', p.b2b_list_price_ht_cents, 'stockOnHand', p.stock_on_hand, 'active', p.is_active) order by l.added_at, p.name)
          from ${cartLines} l join ${products} p on p.id = l.product_id where l.cart_id = ${cartId}) as lines,
        (select json_object_agg(x.product_id, x.offer) from (
          select distinct on (al.product_id) al.product_id, ${offerJsonOf()} as offer
          from ${activeAgreementLines(actor.accountId, parisDate())}
          where al.product_id in (select l.product_id from ${cartLines} l where l.cart_id = ${cartId})
          order by al.product_id, al.agreement_id) x) as offers`),
  );
  const company = json(read?.company ?? null);
  const delivery = json(read?.delivery ?? null) ?? [];
  const chosen = delivery.find((d) => d.id === deliveryAddressId) ?? delivery[0] ?? null;
  const treatment = decideTreatment({ vatNumber: company?.vatNumber ?? null }, chosen?.country ?? 'FR');
  const rows = (json(read?.lines ?? null) ?? []).map((r) => ({ ...r, listPriceHtCents: Number(r.listPriceHtCents) }));
  const chosenId = chosen?.id ?? null;
  if (rows.length === 0) return ok({ lines: [], priced: null, treatment, deliveryAddressId: chosenId, deliveryAddresses: delivery, problems: [] });
  const offers = new Map<string, AgreementOffer>();
  for (const [productId, value] of Object.entries(json(read?.offers ?? null) ?? {})) offers.set(productId, offerFromJson(value)!);
  const priced = priceB2bBasket(rows, offers, treatment);
  const problems: string[] = [];
  rows.forEach((r, i) => {
    if (!r.active) problems.push(`« ${r.name} » n’est plus vendu : retirez-le.`);
    else if (r.quantity > r.stockOnHand) problems.push(`Il ne reste que ${r.stockOnHand} « ${r.name} ».`);
    if (priced.prices[i]!.source === 'list' && !company?.allowOffContract) {
      problems.push(`« ${r.name} » est hors contrat : votre entreprise ne commande que les articles de son contrat.`);
    }
  });
  return ok({
    lines: rows.map((r, i) => ({ ...r, price: priced.prices[i]!, lineTotalHtCents: priced.tax.lines[i]!.lineTotalCents })),
    priced,
    treatment,
    deliveryAddressId: chosenId,
    deliveryAddresses: delivery,
    problems,
  });
}

/** Adds units to the portal cart. Off-contract products only when the company allows them. */
export async function addToB2bCart(db: Database, actor: Actor | null, input: { productId: string; quantity: number }): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const [p] = await orderable(db, actor, sql`p.id = ${input.productId}`);
  if (!p || !p.active) return fail('Ce produit n’est pas disponible.');
  if (!p.onContract && !p.allow) return fail('Ce produit n’est pas dans le contrat de votre entreprise.');
  await putInCart(db, actor, [{ productId: p.id, quantity: input.quantity }]);
  return ok(null);
}

interface Orderable {
  id: string;
  sku: string;
  active: boolean;
  onContract: boolean;
  /** The company orders off contract. */
  allow: boolean;
}

/** The products matching `where` with what decides whether the company may order them: one statement. */
async function orderable(db: Executor, actor: PortalActor, where: SQL): Promise<Orderable[]> {
  const rows = rowsOf<{ id: string; sku: string; active: boolean; on_contract: boolean; allow: boolean | null }>(
    await db.execute(sql`
      select p.id, p.sku, p.is_active as active,
        exists (select 1 from ${activeAgreementLines(actor.accountId, parisDate())} where al.product_id = p.id) as on_contract,
        (select a.allow_off_contract from ${accounts} a where a.id = ${actor.accountId}) as allow
      from ${products} p where ${where}`),
  );
  return rows.map((r) => ({ id: r.id, sku: r.sku, active: Boolean(r.active), onContract: Boolean(r.on_contract), allow: Boolean(r.allow) }));
}

/**
 * Adds units to the person's portal cart (made when missing) in one statement, so that a failure
 * leaves the cart as it was. Quantities of one product are summed first (one statement cannot
 * update a row twice); a line never exceeds MAX_QTY.
 */
async function putInCart(db: Executor, actor: PortalActor, items: { productId: string; quantity: number }[]): Promise<void> {
  if (items.length === 0) return;
  const values = sql.join(items.map((i) => sql`(${i.productId}::uuid, ${Math.min(i.quantity, MAX_QTY)}::int)`), sql`, `);
  await db.execute(sql`
    with own as (
      select c.id from ${carts} c where c.user_id = ${actor.userId} and c.channel = 'b2b' order by c.created_at limit 1),
    created as (
      insert into ${carts} (user_id, channel) select ${actor.userId}, 'b2b' where not exists (select 1 from own) returning id),
    cart as (select id from own union all select id from created),
    items as (
      select x.product_id, least(${MAX_QTY}, sum(x.quantity))::int as quantity
      from (values ${values}) as x(product_id, quantity) group by x.product_id)
    insert into ${cartLines} (cart_id, product_id, quantity)
    select cart.id, items.product_id, items.quantity from cart, items
    on conflict (cart_id, product_id) do update set quantity = least(${MAX_QTY}, ${cartLines}.quantity + excluded.quantity)`);
}

/** Sets a portal cart line's quantity; 0 removes it. */
export async function setB2bCartQuantity(db: Database, actor: Actor | null, input: { productId: string; quantity: number }): Promise<Result<null>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const cartId = await cartIdOf(db, actor);
  if (!cartId) return fail('Votre panier est vide.');
  if (input.quantity === 0) await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, input.productId)));
  else await db.update(cartLines).set({ quantity: Math.min(input.quantity, MAX_QTY) }).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, input.productId)));
  return ok(null);
}

export interface QuickOrderLineError {
  line: number;
  text: string;
  error: string;
}

/**
 * Quick order: lines of "SKU quantity" (space, tab, semicolon or comma separated), typed or pasted
 * from a spreadsheet. Valid lines are added only if every line is valid, so a pasted list is never
 * half-applied; each faulty line gets its own message.
 */
export async function quickOrder(db: Database, actor: Actor | null, text: string): Promise<Result<{ added: number }> & { lineErrors?: QuickOrderLineError[] }> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const parsed: { line: number; text: string; sku: string; quantity: number }[] = [];
  const lineErrors: QuickOrderLineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^([A-Za-z0-9-]+)[\s;,]+(\d{1,5})$/.exec(line) ?? /^([A-Za-z0-9-]+)$/.exec(line);
    if (!m) return void lineErrors.push({ line: i + 1, text: line, error: 'Format attendu : RÉFÉRENCE QUANTITÉ (ex. BUR-RAM-A4 10).' });
    const quantity = m[2] ? Number(m[2]) : 1;
    if (quantity < 1) return void lineErrors.push({ line: i + 1, text: line, error: 'La quantité doit être au moins 1.' });
    parsed.push({ line: i + 1, text: line, sku: m[1]!.toUpperCase(), quantity });
  });
  if (parsed.length === 0 && lineErrors.length === 0) return fail('Saisissez au moins une ligne.');
  const found = parsed.length ? await orderable(db, actor, inArray(sql`p.sku`, [...new Set(parsed.map((p) => p.sku))])) : [];
  const bySku = new Map(found.map((f) => [f.sku, f]));
  for (const p of parsed) {
    const product = bySku.get(p.sku);
    if (!product || !product.active) lineErrors.push({ line: p.line, text: p.text, error: `Référence inconnue : ${p.sku}.` });
    else if (!product.onContract && !product.allow) lineErrors.push({ line: p.line, text: p.text, error: `${p.sku} n’est pas dans votre contrat.` });
  }
  if (lineErrors.length > 0) return { ...fail<{ added: number }>('Certaines lignes sont invalides : rien n’a été ajouté.'), lineErrors };
  await putInCart(db, actor, parsed.map((p) => ({ productId: bySku.get(p.sku)!.id, quantity: p.quantity })));
  return ok({ added: parsed.length });
}

/** Puts the product lines of one of the company's past orders back in the cart (at today's prices). */
export async function reorder(db: Database, actor: Actor | null, orderId: string): Promise<Result<{ added: number }>> {
  const refusal = portalRefusal(actor);
  if (refusal || !isPortalActor(actor)) return fail(refusal ?? NOT_FOUND);
  const [order] = await db
    .select({ id: orders.id, placedBy: orders.placedByUserId })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.accountId, actor.accountId), eq(orders.channel, 'b2b')));
  if (!order || (actor.role === 'requester' && order.placedBy !== actor.userId)) return fail(NOT_FOUND);
  const lines = await db
    .select({ productId: orderLines.productId, quantity: orderLines.quantity })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(and(eq(orderLines.orderId, order.id), eq(products.isActive, true)));
  if (lines.length === 0) return fail('Aucun article de cette commande n’est encore vendu.');
  await putInCart(db, actor, lines.map((l) => ({ productId: l.productId!, quantity: Math.ceil(l.quantity) })));
  return ok({ added: lines.length });
}
