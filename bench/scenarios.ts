import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { Client, type Reply } from './http';
import type { Step, StepResult } from './load';

/** What the scenarios need to know about the data and the running app. */
export interface Context {
  origins: string[];
  sql: postgres.Sql;
  /** Server action ids by exported name (from the build's server-reference manifest). */
  actions: Record<string, string>;
  /** The probe calls this right before a step's measured request (its statements are counted). */
  mark: () => void;
  /** Quote ids ready to be accepted (made by bench/quote-fixtures.ts). */
  quotes: string[];
  data: BenchData;
}

export interface BenchData {
  categorySlug: string;
  productSlug: string;
  searchTerm: string;
  shopProducts: string[];
  b2bCompanies: Array<{ accountId: string; addressId: string; buyers: string[]; products: string[]; skus: string[] }>;
  purchaser: string;
  customer: string;
}

export interface Scenario {
  name: string;
  label: string;
  /** Virtual users the scenario needs (each with its own session and cart). */
  users: number;
  /** Open-model rate ceiling (requests/s); the run uses min(this, half the measured throughput). */
  maxRate: number;
  page: boolean;
  statementBudget?: number;
  oneTransaction?: boolean;
  prepare(ctx: Context, origins: string[]): Promise<Step>;
}

const GENERATED_PASSWORD = 'generated-password';
const DEMO_PASSWORD = 'comptoir-demo';

/** The element at `i` (modulo the length): virtual users wrap around their sessions. */
export function at<T>(list: readonly T[], i: number): T {
  const v = list[i % list.length];
  if (v === undefined) throw new Error('empty list');
  return v;
}

function actionId(ctx: Context, name: string): string {
  const id = ctx.actions[name];
  if (!id) throw new Error(`server action ${name} not in the build's manifest`);
  return id;
}

function result(r: Reply, ok: boolean, ms?: number, client?: Client): StepResult {
  const target = r.headers['x-action-redirect'];
  const path = typeof target === 'string' ? target.split(';')[0] : undefined;
  return { ok, bytes: r.body.length, ms, redirect: client && path ? { path, get: (p) => client.get(p) } : undefined };
}

function okPage(r: Reply): boolean {
  return r.status === 200;
}

/** A server action's reply: success is the action's `{"ok":true}` or the redirect it asked for. */
function actionSucceeded(r: Reply): boolean {
  if (r.status >= 400) return false;
  if (r.headers['x-action-redirect']) return true;
  return /"ok":true/.test(r.body.toString('utf8', 0, Math.min(r.body.length, 200_000)));
}

function actionError(r: Reply): string {
  const m = /"error":"([^"]*)"/.exec(r.body.toString());
  return `HTTP ${r.status} ${m?.[1] ?? r.body.toString().slice(0, 160)}`;
}

function hidden(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

/** One signed-in (or anonymous) client per origin, shared by every virtual user of a read scenario. */
async function sharedClients(origins: string[], email?: string, password?: string): Promise<Client[]> {
  return Promise.all(
    origins.map(async (o) => {
      const c = new Client(o);
      if (email) await c.signIn(email, password ?? GENERATED_PASSWORD);
      return c;
    }),
  );
}

function getPage(
  pathOf: (ctx: Context) => string | Promise<string>,
  who?: (ctx: Context) => { email: string; password?: string },
  headers?: Record<string, string>,
) {
  return async (ctx: Context, origins: string[]): Promise<Step> => {
    const user = who?.(ctx);
    const clients = await sharedClients(origins, user?.email, user?.password);
    const path = await pathOf(ctx);
    const first = await at(clients, 0).get(path, headers);
    if (!okPage(first)) throw new Error(`GET ${path}: HTTP ${first.status}`);
    return async (vu) => {
      const c = at(clients, vu);
      ctx.mark();
      const r = await c.get(path, headers);
      return result(r, okPage(r));
    };
  };
}

/** The admin order list's last page, as its own "Dernière page" link gives it. */
async function lastOrdersPage(ctx: Context): Promise<string> {
  const c = new Client(at(ctx.origins, 0));
  await c.signIn('admin@comptoir.test', DEMO_PASSWORD);
  const html = (await c.get('/admin/orders')).body.toString();
  const link = /<a[^>]*href="([^"]*)"[^>]*>(?:(?!<\/a>)[\s\S])*Dernière page/i.exec(html) ?? /<a[^>]*aria-label="Dernière page"[^>]*href="([^"]*)"/i.exec(html) ?? /<a[^>]*href="([^"]*)"[^>]*aria-label="Dernière page"/i.exec(html);
  if (link?.[1]) return link[1].replace(/&amp;/g, '&');
  const pages = [...html.matchAll(/href="\/admin\/orders\?page=(\d+)"/g)].map((m) => Number(m[1]));
  return `/admin/orders?page=${Math.max(1, ...pages)}`;
}

export const scenarios: Scenario[] = [
  {
    name: 'category',
    label: 'Catégorie (anonyme, cache de pages)',
    users: 10,
    maxRate: 100,
    page: true,
    statementBudget: 2,
    prepare: getPage((ctx) => `/categories/${ctx.data.categorySlug}`),
  },
  {
    // The same page rendered on every request (what a visitor with a cart or a session gets).
    name: 'category-dynamic',
    label: 'Catégorie (anonyme, rendue à chaque requête)',
    users: 10,
    maxRate: 60,
    page: true,
    statementBudget: 2,
    prepare: getPage((ctx) => `/categories/${ctx.data.categorySlug}`, undefined, { 'x-comptoir-cache': 'bypass' }),
  },
  {
    name: 'product',
    label: 'Fiche produit (anonyme, rendue)',
    users: 10,
    maxRate: 60,
    page: true,
    statementBudget: 3,
    prepare: getPage((ctx) => `/products/${ctx.data.productSlug}`, undefined, { 'x-comptoir-cache': 'bypass' }),
  },
  {
    name: 'search',
    label: 'Recherche',
    users: 10,
    maxRate: 40,
    page: true,
    prepare: getPage((ctx) => `/search?q=${encodeURIComponent(ctx.data.searchTerm)}`),
  },
  {
    name: 'b2b-catalogue',
    label: 'Catalogue négocié B2B',
    users: 10,
    maxRate: 40,
    page: true,
    statementBudget: 3,
    prepare: getPage(
      () => '/b2b/catalogue',
      (ctx) => ({ email: at(at(ctx.data.b2bCompanies, 0).buyers, 0) }),
    ),
  },
  {
    name: 'add-to-cart',
    label: 'Ajout au panier',
    users: 10,
    maxRate: 30,
    page: false,
    async prepare(ctx, origins) {
      const id = actionId(ctx, 'addToCartAction');
      const path = `/products/${ctx.data.productSlug}`;
      const clients = Array.from({ length: 40 }, (_, i) => new Client(at(origins, i)));
      let n = 0;
      return async (vu) => {
        const c = at(clients, vu);
        const productId = at(ctx.data.shopProducts, n++);
        ctx.mark();
        const r = await c.action(path, id, { productId, quantity: '1' });
        if (!actionSucceeded(r)) throw new Error(`add to cart: ${actionError(r)}`);
        return result(r, true);
      };
    },
  },
  {
    name: 'checkout-b2c',
    label: 'Commande B2C (ajout + paiement)',
    users: 10,
    maxRate: 10,
    page: false,
    statementBudget: 10,
    oneTransaction: true,
    async prepare(ctx, origins) {
      const add = actionId(ctx, 'addToCartAction');
      const place = actionId(ctx, 'placeOrderAction');
      const productId = at(ctx.data.shopProducts, 0);
      const productPath = `/products/${ctx.data.productSlug}`;
      const users = Array.from({ length: 40 }, (_, i) => ({ client: new Client(at(origins, i)), expected: '' }));
      return async (vu) => {
        const u = at(users, vu);
        const added = await u.client.action(productPath, add, { productId, quantity: '1' });
        if (!actionSucceeded(added)) throw new Error(`add to cart: ${actionError(added)}`);
        // The total shown at checkout; every order of the scenario is the same cart, so read it once.
        if (!u.expected) u.expected = hidden((await u.client.get('/checkout')).body.toString(), 'expectedTotalCents') ?? '';
        const t0 = performance.now();
        ctx.mark();
        const r = await u.client.action('/checkout', place, {
          idempotencyKey: randomUUID(),
          expectedTotalCents: u.expected,
          email: `bench-${vu}@example.test`,
          firstName: 'Banc',
          lastName: 'Essai',
          phone: '',
          line1: '1 rue du Banc',
          line2: '',
          postalCode: '69001',
          city: 'Lyon',
          shippingMethod: 'standard',
          paymentMethod: 'card',
          cardNumber: '4242 4242 4242 4242',
          cardExpiry: '12/39',
          cardCvc: '123',
          acceptTerms: 'on',
        });
        if (!actionSucceeded(r)) throw new Error(`checkout: ${actionError(r)}`);
        return result(r, true, performance.now() - t0, u.client);
      };
    },
  },
  {
    name: 'checkout-b2b',
    label: 'Commande B2B avec budget',
    users: 10,
    maxRate: 10,
    page: false,
    statementBudget: 10,
    oneTransaction: true,
    async prepare(ctx, origins) {
      // The cart page's quick order ("SKU quantity"), as a buyer who knows the references reorders.
      const add = actionId(ctx, 'quickOrderAction');
      const place = actionId(ctx, 'placeB2bOrderAction');
      const buyers = ctx.data.b2bCompanies.flatMap((co) => co.buyers.map((email) => ({ email, co })));
      const users = await Promise.all(
        buyers.slice(0, 10).map(async ({ email, co }, i) => {
          const client = new Client(at(origins, i));
          await client.signIn(email, GENERATED_PASSWORD);
          return { client, co, expected: '' };
        }),
      );
      return async (vu) => {
        const u = at(users, vu);
        const added = await u.client.action('/b2b/cart', add, { lines: `${at(u.co.skus, 0)} 1` });
        if (!actionSucceeded(added)) throw new Error(`B2B add: ${actionError(added)}`);
        if (!u.expected) u.expected = hidden((await u.client.get('/b2b/cart')).body.toString(), 'expectedNetCents') ?? '';
        const t0 = performance.now();
        ctx.mark();
        const r = await u.client.action('/b2b/cart', place, {
          idempotencyKey: randomUUID(),
          deliveryAddressId: u.co.addressId,
          purchaseOrderRef: '',
          requestedDeliveryDate: '',
          costCentre: '',
          expectedNetCents: u.expected,
        });
        if (!actionSucceeded(r)) throw new Error(`B2B checkout: ${actionError(r)}`);
        return result(r, true, performance.now() - t0, u.client);
      };
    },
  },
  {
    name: 'quote-accept',
    label: 'Acceptation de devis',
    users: 10,
    maxRate: 8,
    page: false,
    async prepare(ctx, origins) {
      const accept = actionId(ctx, 'acceptQuoteAction');
      const clients = await sharedClients(origins, ctx.data.purchaser);
      let vuTurn = 0;
      return async (vu) => {
        const quoteId = ctx.quotes.pop();
        if (!quoteId) throw new Error('no quote left to accept (raise --quotes)');
        const c = at(clients, vu + vuTurn++);
        ctx.mark();
        const r = await c.action(`/b2b/quotes/${quoteId}`, accept, { quoteId, version: '1', purchaseOrderRef: '' });
        if (!actionSucceeded(r)) throw new Error(`accept: ${actionError(r)}`);
        return result(r, true, undefined, c);
      };
    },
  },
  {
    name: 'crm-pipeline',
    label: 'Pipeline CRM',
    users: 10,
    maxRate: 30,
    page: true,
    prepare: getPage(
      () => '/crm/pipeline',
      () => ({ email: 'commercial@comptoir.test', password: DEMO_PASSWORD }),
    ),
  },
  {
    name: 'account',
    label: 'Compte client',
    users: 10,
    maxRate: 40,
    page: true,
    prepare: getPage(
      () => '/account',
      (ctx) => ({ email: ctx.data.customer }),
    ),
  },
  {
    name: 'admin-orders-last',
    label: 'Commandes (admin), dernière page',
    users: 10,
    maxRate: 30,
    page: true,
    prepare: getPage(lastOrdersPage, () => ({ email: 'admin@comptoir.test', password: DEMO_PASSWORD })),
  },
];
