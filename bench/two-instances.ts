import type postgres from 'postgres';
import { Client } from './http';
import { closedLoop } from './load';
import { at, type Context, scenarios } from './scenarios';

export interface TwoInstances {
  ok: boolean;
  problems: string[];
  summary: string;
  b2cOrdersPerSecond: number;
  b2bOrdersPerSecond: number;
  invoicesPerSecond: number;
  orders: number;
  invoices: number;
}

/**
 * The checkouts with two app instances on one database, the load generator alternating between
 * them; then invoices issued for those orders through both instances at once. Afterwards the
 * database must be exact: stock moved by what was ordered, budgets by what was committed, invoice
 * numbers gapless in issue order.
 */
async function one<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new Error('no row');
  return row;
}

export async function twoInstances(sql: postgres.Sql, ctx: Context, origins: string[], seconds: number, concurrency: number): Promise<TwoInstances> {
  const problems: string[] = [];
  const { now: since } = await one(sql<{ now: Date }[]>`select clock_timestamp() as now`);
  const shopProduct = at(ctx.data.shopProducts, 0);
  const companies = ctx.data.b2bCompanies.map((c) => c.accountId);
  const { stock: stockBefore } = await one(sql<{ stock: number }[]>`select stock_on_hand as stock from products where id = ${shopProduct}`);
  const budgetsBefore = await sql<{ id: string; committed: string }[]>`
    select id, committed_ht_cents::text as committed from spending_budgets where account_id in ${sql(companies)} and current_date between period_start and period_end`;

  const run = async (name: string) => {
    const sc = scenarios.find((s) => s.name === name);
    if (!sc) throw new Error(name);
    const step = await sc.prepare({ ...ctx, mark: () => {} }, origins);
    return closedLoop(step, concurrency, seconds);
  };
  const b2c = await run('checkout-b2c');
  const b2b = await run('checkout-b2b');
  if (b2c.errors) problems.push(`${b2c.errors} B2C checkout errors (${b2c.firstError})`);
  if (b2b.errors) problems.push(`${b2b.errors} B2B checkout errors (${b2b.firstError})`);

  const { stock: stockAfter } = await one(sql<{ stock: number }[]>`select stock_on_hand as stock from products where id = ${shopProduct}`);
  const { ordered } = await one(sql<{ ordered: number }[]>`
    select coalesce(sum(l.quantity), 0)::int as ordered from order_lines l join orders o on o.id = l.order_id
    where l.product_id = ${shopProduct} and o.created_at >= ${since} and o.status <> 'cancelled'`);
  if (stockBefore - stockAfter !== ordered) problems.push(`stock moved by ${stockBefore - stockAfter}, orders hold ${ordered}`);

  for (const b of budgetsBefore) {
    const { committed } = await one(sql<{ committed: string }[]>`select committed_ht_cents::text as committed from spending_budgets where id = ${b.id}`);
    const { entries } = await one(sql<{ entries: string }[]>`
      select coalesce(sum(amount_ht_cents) filter (where kind = 'commit'), 0)::text as entries
      from budget_entries where budget_id = ${b.id} and created_at >= ${since}`);
    const { orders } = await one(sql<{ orders: string }[]>`
      select coalesce(sum(o.total_net_cents), 0)::text as orders from orders o
      where o.account_id = (select account_id from spending_budgets where id = ${b.id}) and o.created_at >= ${since} and o.status <> 'cancelled'`);
    const delta = BigInt(committed) - BigInt(b.committed);
    if (delta !== BigInt(entries) || delta !== BigInt(orders)) problems.push(`budget ${b.id}: committed +${delta}, entries ${entries}, orders ${orders}`);
  }

  // Invoices for the B2B orders, issued through both instances at once.
  const toInvoice = await sql<{ id: string }[]>`
    select id from orders where account_id in ${sql(companies)} and created_at >= ${since} order by created_at limit 200`;
  const admins = await Promise.all(
    origins.map(async (o) => {
      const c = new Client(o);
      await c.signIn('admin@comptoir.test', 'comptoir-demo');
      return c;
    }),
  );
  let next = 0;
  const issue = async (vu: number) => {
    const order = toInvoice[next++];
    if (!order) return { ok: true, bytes: 0 };
    const r = await at(admins, vu).action(`/admin/orders/${order.id}`, ctx.actions.issueInvoiceAction ?? '', { orderId: order.id });
    const ok = /"ok":true/.test(r.body.toString());
    if (!ok) throw new Error(`issue invoice: HTTP ${r.status} ${/"error":"([^"]*)"/.exec(r.body.toString())?.[1] ?? ''}`);
    return { ok, bytes: r.body.length };
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, vu) => {
      while (next < toInvoice.length) await issue(vu).catch((e: Error) => problems.push(e.message));
    }),
  );
  const invoiceSeconds = (performance.now() - t0) / 1000;
  const numbers = await sql<{ sequence: number; series: string; year: number }[]>`
    select sequence, series, year from invoices where order_id in ${sql(toInvoice.map((o) => o.id))} order by issued_at, sequence`;
  const sorted = numbers.map((n) => n.sequence);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== (sorted[i - 1] ?? 0) + 1) problems.push(`invoice numbers jump from ${sorted[i - 1]} to ${sorted[i]}`);
  if (numbers.length !== toInvoice.length) problems.push(`${toInvoice.length} orders to invoice, ${numbers.length} invoices`);
  const lastIssued = sorted[sorted.length - 1];
  if (numbers[0] && lastIssued !== undefined) {
    const { last } = await one<{ last: number }>(sql<{ last: number }[]>`select last_number as last from document_counters where series = ${numbers[0].series} and year = ${numbers[0].year}`);
    if (last !== lastIssued) problems.push(`counter at ${last}, last invoice ${lastIssued}`);
  }

  const summary = `B2C ${b2c.perSecond.toFixed(1)} orders/s, B2B ${b2b.perSecond.toFixed(1)} orders/s, ${numbers.length} invoices in ${invoiceSeconds.toFixed(1)} s across 2 instances; ${problems.length ? `PROBLEMS: ${problems.join('; ')}` : 'stock, budgets and invoice numbers exact'}`;
  return {
    ok: problems.length === 0,
    problems,
    summary,
    b2cOrdersPerSecond: b2c.perSecond,
    b2bOrdersPerSecond: b2b.perSecond,
    invoicesPerSecond: numbers.length / invoiceSeconds,
    orders: b2c.requests + b2b.requests,
    invoices: numbers.length,
  };
}
