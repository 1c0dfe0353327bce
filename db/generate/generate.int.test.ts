import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backends, useIsolatedTestDb } from '@/test/db';
import { generateData, generatedChecksum, generatedCounts, SIZES } from './generate';

async function rows<T>(p: Promise<unknown>): Promise<T[]> {
  const res = (await p) as T[] | { rows?: T[] };
  return Array.isArray(res) ? res : (res.rows ?? []);
}

describe.each(backends())('data generator (size XS) on %s', (backend) => {
  const ctx = useIsolatedTestDb(backend);
  const db = () => ctx.handle.db;

  it('generates the expected counts, deterministically, and replaces a previous run', async () => {
    const first = await generateData(db(), { size: 'XS', seed: 7 });
    const spec = SIZES.XS;
    expect(first.counts).toMatchObject({
      categories: spec.categories,
      products: spec.products,
      companies: spec.companies,
      orders: spec.orders,
      buyers: spec.companies * 3,
      agreements: spec.companies,
      agreement_lines: spec.companies * spec.agreementLines,
      b2c_customers: spec.b2cCustomers,
      contacts: spec.contacts,
      open_opportunities: spec.openOpportunities,
      quotes: spec.quotes,
    });
    expect(first.counts.order_lines).toBeGreaterThanOrEqual(spec.orders);
    const sum1 = await generatedChecksum(db());

    await generateData(db(), { size: 'XS', seed: 7 });
    expect(await generatedCounts(db())).toEqual(first.counts);
    expect(await generatedChecksum(db())).toBe(sum1);

    await generateData(db(), { size: 'XS', seed: 8 });
    expect(await generatedChecksum(db())).not.toBe(sum1);
  });

  it('keeps orders internally consistent (totals, lines, VAT per line, breakdown)', async () => {
    await generateData(db(), { size: 'XS', seed: 3 });
    const bad = await rows<{ number: string }>(
      db().execute(sql`
        select o.number from orders o
        join lateral (select sum(net_cents) as net, count(*) as n,
                             sum(case when o.price_mode = 'tax_exclusive'
                                      then round(net_cents::numeric * vat_rate_bp / 10000)
                                      else line_total_cents - net_cents end) as vat,
                             bool_and(line_total_cents = quantity * unit_price_cents) as priced
                      from order_lines l where l.order_id = o.id) l on true
        join lateral (select sum((e->>'taxableCents')::bigint) as taxable, sum((e->>'vatCents')::bigint) as vat
                      from jsonb_array_elements(o.vat_breakdown) e) b on true
        where o.number like 'GEN-O%'
          and not (o.total_gross_cents = o.total_net_cents + o.total_vat_cents
                   and l.n > 0 and l.net = o.total_net_cents and l.vat = o.total_vat_cents and l.priced
                   and b.taxable = o.total_net_cents and b.vat = o.total_vat_cents
                   and (o.channel <> 'b2b' or (o.account_id is not null and o.placed_by_user_id is not null)))`),
    );
    expect(bad).toEqual([]);

    const badQuotes = await rows<{ number: string }>(
      db().execute(sql`
        select q.number from quotes q join quote_versions v on v.quote_id = q.id
        join lateral (select sum(net_cents) as net, sum(round(net_cents::numeric * vat_rate_bp / 10000)) as vat, count(*) as n
                      from quote_lines l where l.version_id = v.id) l on true
        where q.number like 'GEN-Q%'
          and not (l.n > 0 and l.net = v.total_net_cents and l.vat = v.total_vat_cents
                   and v.total_gross_cents = v.total_net_cents + v.total_vat_cents)`),
    );
    expect(badQuotes).toEqual([]);
  });
});
