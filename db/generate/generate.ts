import { sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '../client';

/**
 * Deterministic, set-based data generator (issue 9). Every row is produced by
 * `insert … select … from generate_series(…)`; randomness comes from hashtext(seed:tag:i), so
 * the same size and seed give the same content (ids are random uuids, content is not).
 * Generated rows are marked: SKUs `GEN-P…`, category slugs `gen-cat-…`, account names
 * `Client généré …`, order numbers `GEN-O…`; a run first deletes the previous generated data.
 */
export type Size = 'XS' | 'S' | 'M' | 'L';

export interface SizeSpec {
  categories: number;
  products: number;
  companies: number;
  orders: number;
  /** Negotiated lines of each company's framework agreement (capped at the product count). */
  agreementLines: number;
  b2cCustomers: number;
  contacts: number;
  openOpportunities: number;
  quotes: number;
}

export const SIZES: Record<Size, SizeSpec> = {
  XS: { categories: 5, products: 50, companies: 3, orders: 20, agreementLines: 10, b2cCustomers: 5, contacts: 6, openOpportunities: 4, quotes: 3 },
  S: { categories: 30, products: 1_000, companies: 20, orders: 500, agreementLines: 100, b2cCustomers: 50, contacts: 200, openOpportunities: 100, quotes: 50 },
  M: { categories: 300, products: 25_000, companies: 500, orders: 50_000, agreementLines: 2_000, b2cCustomers: 2_000, contacts: 10_000, openOpportunities: 5_000, quotes: 5_000 },
  L: { categories: 1_000, products: 300_000, companies: 5_000, orders: 500_000, agreementLines: 2_000, b2cCustomers: 20_000, contacts: 100_000, openOpportunities: 50_000, quotes: 50_000 },
};

/** Every generated buyer signs in with this password (one hash, computed once per run). */
export const GENERATED_PASSWORD = 'generated-password';
const BUYERS_PER_COMPANY = 3;

export interface GenerateResult {
  counts: Record<string, number>;
  timings: Record<string, number>;
}

type Log = (msg: string) => void;

/** Every generated row (they are marked), and the generator's work tables. */
const DELETE_GENERATED = `
    delete from quote_lines where version_id in
      (select v.id from quote_versions v join quotes q on q.id = v.quote_id where q.number like 'GEN-Q%');
    delete from quote_versions where quote_id in (select id from quotes where number like 'GEN-Q%');
    delete from quotes where number like 'GEN-Q%';
    delete from framework_agreements where reference like 'GEN-A%';
    delete from opportunities where title like 'Opportunité générée %';
    delete from order_lines where order_id in (select id from orders where number like 'GEN-O%');
    delete from orders where number like 'GEN-O%';
    delete from products where sku like 'GEN-P%';
    delete from categories where slug like 'gen-cat-%';
    delete from accounts where legal_name like 'Client généré %' or legal_name like 'Particulier généré %';
    delete from users where email like 'gen-buyer-%' or email like 'gen-customer-%';
    delete from persons where emails[1] like 'gen-buyer-%' or emails[1] like 'gen-customer-%' or emails[1] like 'gen-contact-%';
    drop table if exists gen_lines;
    drop table if exists gen_products;
    drop table if exists gen_accounts;
    drop table if exists gen_customers;
    drop table if exists gen_buyers;
    drop table if exists gen_qlines;
`;

export async function generateData(
  db: Database,
  opts: { size: Size; seed?: number; log?: Log },
): Promise<GenerateResult> {
  const spec = SIZES[opts.size];
  const seed = Math.trunc(opts.seed ?? 1);
  if (!Number.isSafeInteger(seed)) throw new Error('seed must be an integer');
  const log = opts.log ?? (() => {});
  // Pseudo-random non-negative integer for (tag, expr); u() is uniform in [0,1).
  const h = (tag: string, expr: string) => `(abs(hashtext('${seed}:${tag}:' || (${expr})::text))::bigint)`;
  const u = (tag: string, expr: string) => `(${h(tag, expr)} % 1000003 / 1000003.0)`;
  // Zipf-like skew: index in 1..n, low indices much more likely (u^3).
  const skew = (tag: string, expr: string, n: number) => `(1 + floor(${n} * power(${u(tag, expr)}, 3))::int)`;

  const timings: Record<string, number> = {};
  // One statement per execute: PGlite's extended protocol takes no multi-statement strings.
  const step = async (name: string, q: string) => {
    const t0 = performance.now();
    for (const stmt of q.split(/;\s*(?:\n|$)/).map((x) => x.trim()).filter(Boolean)) await db.execute(sql.raw(stmt));
    timings[name] = Math.round(performance.now() - t0);
    log(`${name.padEnd(22)} ${String(timings[name]).padStart(7)} ms`);
  };

  const { categories: nCat, products: nProd, companies: nComp, orders: nOrd } = spec;

  await step('delete previous', DELETE_GENERATED);

  await step(
    'categories',
    `insert into categories (slug, name, description, sort_order)
     select 'gen-cat-' || lpad(i::text, 5, '0'), 'Catégorie générée ' || i, 'Rayon généré ' || i, i
     from generate_series(1, ${nCat}) i`,
  );

  const nouns = `(array['Stylo','Cahier','Classeur','Ramette','Agrafeuse','Café','Gobelet','Écran','Clavier','Souris','Câble','Lampe','Chaise','Bureau','Étiquette','Enveloppe'])`;
  const adjs = `(array['bleu','noir','rouge','vert','premium','éco','pro','compact','XL','recyclé','standard','luxe'])`;
  await step(
    'products',
    `insert into products (sku, slug, name, description, category_id, vat_rate_bp,
                           b2c_price_ttc_cents, b2b_list_price_ht_cents, stock_on_hand, is_active, is_featured,
                           created_at, updated_at)
     select 'GEN-P' || lpad(i::text, 7, '0'),
            'gen-p-' || i,
            ${nouns}[1 + ${h('noun', 'i')} % 16] || ' ' || ${adjs}[1 + ${h('adj', 'i')} % 12] || ' ' || i,
            'Article généré numéro ' || i,
            c.id,
            case when ${h('rate', 'i')} % 10 = 0 then 550 else 2000 end,
            100 + ${h('price', 'i')} % 20000,
            80 + ${h('price', 'i')} % 16000,
            ${h('stock', 'i')} % 500,
            ${h('active', 'i')} % 50 <> 0,
            i <= 12,
            timestamptz '2025-01-01 00:00:00+00' + (i || ' minutes')::interval,
            timestamptz '2025-01-01 00:00:00+00' + (i || ' minutes')::interval
     from generate_series(1, ${nProd}) i
     join categories c on c.slug = 'gen-cat-' || lpad((1 + (i - 1) % ${nCat})::text, 5, '0')`,
  );

  await step(
    'companies',
    `insert into accounts (kind, status, legal_name, siren, country, payment_term_days, created_at, updated_at)
     select 'company', 'active', 'Client généré ' || i, lpad((${h('siren', 'i')} % 1000000000)::text, 9, '0'), 'FR',
            (array[0,30,45,60])[1 + ${h('terms', 'i')} % 4],
            timestamptz '2024-01-01 00:00:00+00' + (i || ' hours')::interval,
            timestamptz '2024-01-01 00:00:00+00' + (i || ' hours')::interval
     from generate_series(1, ${nComp}) i`,
  );

  // Numbered work tables, so later steps join on an integer instead of a text key.
  await step(
    'work tables',
    `create unlogged table gen_products as
       select substr(sku, 6)::int as k, id, b2b_list_price_ht_cents as ht from products where sku like 'GEN-P%';
     alter table gen_products add primary key (k);
     create unlogged table gen_accounts as
       select row_number() over (order by legal_name)::int as k, id, legal_name from accounts where legal_name like 'Client généré %';
     alter table gen_accounts add primary key (k)`,
  );

  const hash = (await hashPassword(GENERATED_PASSWORD)).replace(/'/g, "''");
  // Buyers: person + position (requester, purchaser, company admin) + login, per company.
  await step(
    'buyers',
    `insert into persons (first_name, last_name, emails, created_at, updated_at)
     select (array['Camille','Louis','Emma','Hugo','Léa','Nathan','Chloé','Jules'])[1 + ${h('fn', "a.k || ':' || b")} % 8],
            'Acheteur ' || a.k || '-' || b,
            array['gen-buyer-' || a.k || '-' || b || '@example.test'],
            timestamptz '2024-06-01 00:00:00+00', timestamptz '2024-06-01 00:00:00+00'
     from gen_accounts a cross join generate_series(1, ${BUYERS_PER_COMPANY}) b;
     insert into positions (person_id, account_id, title, portal_role, started_on)
     select p.id, a.id, 'Acheteur', (array['requester','purchaser','company_admin'])[b]::portal_role, date '2024-06-01'
     from gen_accounts a cross join generate_series(1, ${BUYERS_PER_COMPANY}) b
     join persons p on p.emails[1] = 'gen-buyer-' || a.k || '-' || b || '@example.test';
     insert into users (person_id, email, password_hash, kind, status)
     select p.id, p.emails[1], '${hash}', 'business', 'active'
     from persons p where p.emails[1] like 'gen-buyer-%'`,
  );

  // B2C customers: an individual account, its person and a customer login.
  await step(
    'b2c customers',
    `insert into accounts (kind, status, legal_name, country, created_at, updated_at)
     select 'individual', 'active', 'Particulier généré ' || i, 'FR',
            timestamptz '2024-03-01 00:00:00+00' + (i || ' minutes')::interval, timestamptz '2024-03-01 00:00:00+00'
     from generate_series(1, ${spec.b2cCustomers}) i;
     insert into persons (first_name, last_name, emails, created_at, updated_at)
     select (array['Alice','Bruno','Claire','David','Élise','Fabien','Gaëlle','Henri'])[1 + ${h('cfn', 'i')} % 8],
            'Particulier ' || i, array['gen-customer-' || i || '@example.test'],
            timestamptz '2024-03-01 00:00:00+00', timestamptz '2024-03-01 00:00:00+00'
     from generate_series(1, ${spec.b2cCustomers}) i;
     insert into positions (person_id, account_id)
     select p.id, a.id from accounts a
     join persons p on p.emails[1] = 'gen-customer-' || substr(a.legal_name, 20) || '@example.test'
     where a.legal_name like 'Particulier généré %';
     insert into users (person_id, email, password_hash, kind, status)
     select p.id, p.emails[1], '${hash}', 'customer', 'active'
     from persons p where p.emails[1] like 'gen-customer-%'`,
  );

  // CRM contacts (no login), skewed towards the big companies, and open opportunities.
  await step(
    'contacts',
    `with c as (select i, ${skew('contact', 'i', nComp)} as k from generate_series(1, ${spec.contacts}) i),
     ins as (
       insert into persons (first_name, last_name, emails, phones, created_at, updated_at)
       select (array['Marie','Pierre','Sophie','Thomas','Julie','Nicolas','Laura','Antoine'])[1 + ${h('kfn', 'i')} % 8],
              'Contact ' || i, array['gen-contact-' || i || '@example.test'], array['+3310000' || lpad(i::text, 5, '0')],
              timestamptz '2024-02-01 00:00:00+00', timestamptz '2024-02-01 00:00:00+00'
       from c returning id, emails[1] as email
     )
     insert into positions (person_id, account_id, title, department, started_on)
     select ins.id, a.id, (array['Directeur achats','Comptable','Assistante','Responsable services généraux'])[1 + ${h('title', 'c.i')} % 4],
            'Achats', date '2024-02-01'
     from c join ins on ins.email = 'gen-contact-' || c.i || '@example.test' join gen_accounts a on a.k = c.k`,
  );
  await step(
    'opportunities',
    `insert into opportunities (account_id, title, amount_ht_cents, stage, created_at, updated_at)
     select a.id, 'Opportunité générée ' || i, 100000 + ${h('oamt', 'i')} % 5000000,
            (array['qualification','needs_analysis','proposal','negotiation'])[1 + ${h('stage', 'i')} % 4]::opportunity_stage,
            timestamptz '2025-03-01 00:00:00+00' + (i || ' minutes')::interval, timestamptz '2025-03-01 00:00:00+00'
     from generate_series(1, ${spec.openOpportunities}) i
     join gen_accounts a on a.k = ${skew('opp', 'i', nComp)}`,
  );

  const nAl = Math.min(spec.agreementLines, nProd);
  await step(
    'agreements',
    `insert into framework_agreements (account_id, reference, title, status, starts_on, ends_on, created_at, updated_at)
     select a.id, 'GEN-A' || lpad(a.k::text, 6, '0'), 'Accord-cadre généré ' || a.k, 'active',
            date '2025-01-01', date '2027-12-31', timestamptz '2025-01-01 00:00:00+00', timestamptz '2025-01-01 00:00:00+00'
     from gen_accounts a`,
  );
  await step(
    'link agreements',
    `alter table gen_accounts add column agreement_id uuid;
     update gen_accounts a set agreement_id = fa.id from framework_agreements fa
     where fa.reference = 'GEN-A' || lpad(a.k::text, 6, '0')`,
  );
  // Each agreement negotiates nAl distinct products (a window starting at a per-company offset).
  // The lines' copy of the product's sort key (product_sort_name, product_active) is filled by the
  // agreement_lines trigger of migration 0015, one product lookup per row (≈ 1.7× this step at M).
  await step(
    'agreement lines',
    `insert into agreement_lines (agreement_id, product_id, unit_price_ht_cents, max_quantity)
     select fa.id, p.id, greatest(1, p.ht * (80 + ${h('disc', "a.k || ':' || j")} % 20) / 100),
            case when ${h('maxq', "a.k || ':' || j")} % 20 = 0 then 100 end
     from gen_accounts a
     join framework_agreements fa on fa.reference = 'GEN-A' || lpad(a.k::text, 6, '0')
     cross join generate_series(0, ${nAl - 1}) j
     join gen_products p on p.k = 1 + ((a.k * 7919 + j) % ${nProd})`,
  );
  // Quantity tiers on one line in ten: 10+ at -5 %, 50+ at -10 %.
  await step(
    'agreement price tiers',
    `insert into agreement_price_tiers (agreement_line_id, min_quantity, unit_price_ht_cents)
     select al.id, t.minq, al.unit_price_ht_cents * t.pct / 100
     from agreement_lines al
     join framework_agreements fa on fa.id = al.agreement_id and fa.reference like 'GEN-A%'
     join products p on p.id = al.product_id
     cross join (values (10, 95), (50, 90)) t(minq, pct)
     where ${h('tier', "fa.reference || p.sku")} % 10 = 0`,
  );

  // Lines first (in a work table), priced and taxed per line; orders are their aggregates.
  // One order in three is B2C (TTC; a registered customer or a guest), the rest B2B (HT) placed by
  // one of the company's buyers at the agreement price when the product is negotiated, else list.
  // Quantities stay below the first tier (10), so tiers never apply to generated lines.
  // B2B (HT): vat = round(net × rate / 10000). B2C (TTC): vat = round(gross × rate / (10000 + rate)).
  // numeric round() rounds half away from zero.
  await step(
    'customer work table',
    `create unlogged table gen_customers as
       select substr(a.legal_name, 20)::int as k, a.id as account_id, u.id as user_id, a.legal_name
       from accounts a join users u on u.email = 'gen-customer-' || substr(a.legal_name, 20) || '@example.test'
       where a.legal_name like 'Particulier généré %';
     alter table gen_customers add primary key (k);
     create unlogged table gen_buyers as
       select a.k, b, u.id as user_id from gen_accounts a cross join generate_series(1, ${BUYERS_PER_COMPANY}) b
       join users u on u.email = 'gen-buyer-' || a.k || '-' || b || '@example.test';
     alter table gen_buyers add primary key (k, b)`,
  );
  await step(
    'order lines (work)',
    `create unlogged table gen_lines as
     with o as (
       select i, (i % 3 <> 0) as b2b, 1 + ${h('nlines', 'i')} % 5 as nlines,
              ${skew('comp', 'i', nComp)} as k
       from generate_series(1, ${nOrd}) i
     ), l as (
       select o.i, o.b2b, o.k, p.pos, ${skew('prod', "o.i || ':' || p.pos", nProd)} as pk,
              1 + ${h('qty', "o.i || ':' || p.pos")} % 9 as qty
       from o cross join lateral generate_series(1, o.nlines) p(pos)
     ), priced as (
       select l.i, l.b2b, l.pos, pr.id as product_id, pr.sku, pr.name, l.qty, pr.vat_rate_bp as rate,
              case when not l.b2b then pr.b2c_price_ttc_cents
                   else coalesce(al.unit_price_ht_cents, pr.b2b_list_price_ht_cents) end as unit,
              case when not l.b2b then 'catalogue' when al.id is not null then 'agreement' else 'list' end as source,
              case when al.id is not null then ga.agreement_id end as agreement_id
       from l join gen_products gp on gp.k = l.pk join products pr on pr.id = gp.id
       left join gen_accounts ga on l.b2b and ga.k = l.k
       left join agreement_lines al on al.agreement_id = ga.agreement_id and al.product_id = pr.id
     ), totals as (
       select *, qty * unit as line_total from priced
     )
     select *,
            case when b2b then round(line_total::numeric * rate / 10000)::bigint
                 else round(line_total::numeric * rate / (10000 + rate))::bigint end as vat,
            case when b2b then line_total
                 else line_total - round(line_total::numeric * rate / (10000 + rate))::bigint end as net
     from totals`,
  );

  await step(
    'orders',
    `with agg as (
       select i, bool_and(b2b) as b2b, sum(net)::bigint as net, sum(vat)::bigint as vat
       from gen_lines group by i
     ), br as (
       select i, jsonb_agg(jsonb_build_object('vatRateBp', rate, 'category', 'S',
                                              'taxableCents', taxable, 'vatCents', vat) order by rate desc) as breakdown
       from (select i, rate, sum(net)::bigint as taxable, sum(vat)::bigint as vat from gen_lines group by i, rate) x
       group by i
     ), who as (
       select agg.*, br.breakdown,
              case when agg.b2b then ga.id else gc.account_id end as account_id,
              case when agg.b2b then gb.user_id else gc.user_id end as user_id,
              coalesce(ga.legal_name, gc.legal_name, 'Invité ' || agg.i) as customer_name
       from agg join br using (i)
       left join gen_accounts ga on agg.b2b and ga.k = ${skew('comp', 'agg.i', nComp)}
       left join gen_buyers gb on agg.b2b and gb.k = ga.k and gb.b = 1 + ${h('buyer', 'agg.i')} % ${BUYERS_PER_COMPANY}
       left join gen_customers gc on not agg.b2b and ${h('guest', 'agg.i')} % 2 = 0
                                 and gc.k = 1 + ${h('cust', 'agg.i')} % ${spec.b2cCustomers}
     )
     insert into orders (number, channel, price_mode, status, origin, account_id, placed_by_user_id, customer_name, email,
                         billing_address, delivery_address, shipping_method, payment_method,
                         total_net_cents, total_vat_cents, total_gross_cents, vat_breakdown,
                         created_at, placed_at, updated_at)
     select 'GEN-O' || lpad(w.i::text, 8, '0'),
            case when w.b2b then 'b2b' else 'b2c' end::order_channel,
            case when w.b2b then 'tax_exclusive' else 'tax_inclusive' end::price_mode,
            (array['placed','confirmed','shipped','delivered','delivered','delivered','cancelled'])[1 + ${h('status', 'w.i')} % 7]::order_status,
            'cart', w.account_id, w.user_id, w.customer_name,
            'gen-order-' || w.i || '@example.test',
            jsonb_build_object('name', w.customer_name, 'line1', w.i || ' rue Générée',
                               'postalCode', '75001', 'city', 'Paris', 'country', 'FR'),
            jsonb_build_object('name', w.customer_name, 'line1', w.i || ' rue Générée',
                               'postalCode', '75001', 'city', 'Paris', 'country', 'FR'),
            'standard',
            case when w.b2b then 'on_account' else 'card' end::payment_method,
            w.net, w.vat, w.net + w.vat, w.breakdown,
            timestamptz '2025-06-01 00:00:00+00' + (w.i * 10 || ' minutes')::interval,
            timestamptz '2025-06-01 00:00:00+00' + (w.i * 10 || ' minutes')::interval,
            timestamptz '2025-06-01 00:00:00+00' + (w.i * 10 || ' minutes')::interval
     from who w`,
  );

  await step(
    'order lines',
    `insert into order_lines (order_id, position, product_id, sku, description, quantity, unit_price_cents,
                              vat_rate_bp, vat_category, price_source, agreement_id, line_total_cents, net_cents)
     select o.id, g.pos, g.product_id, g.sku, g.name, g.qty, g.unit, g.rate, 'S',
            g.source::price_source, g.agreement_id, g.line_total, g.net
     from gen_lines g join orders o on o.number = 'GEN-O' || lpad(g.i::text, 8, '0')`,
  );

  // Quotes in preparation (one draft version each, 1–3 lines priced at list HT). Sent versions are
  // frozen by a trigger, so a re-run could not delete them: generated quotes stay drafts.
  await step(
    'quotes',
    `create unlogged table gen_qlines as
     with q as (select i, ${skew('qcomp', 'i', nComp)} as k, 1 + ${h('qn', 'i')} % 3 as n from generate_series(1, ${spec.quotes}) i),
     l as (
       select q.i, q.k, p.pos, pr.id as product_id, pr.sku, pr.name, pr.vat_rate_bp as rate,
              pr.b2b_list_price_ht_cents as unit, (1 + ${h('qqty', "q.i || ':' || p.pos")} % 50) as qty
       from q cross join lateral generate_series(1, q.n) p(pos)
       join gen_products gp on gp.k = ${skew('qprod', "q.i || ':' || p.pos", nProd)}
       join products pr on pr.id = gp.id
     )
     select *, qty * unit as line_total, round((qty * unit)::numeric * rate / 10000)::bigint as vat from l;
     insert into quotes (number, account_id, title, status, created_at, updated_at)
     select 'GEN-Q' || lpad(i::text, 7, '0'), a.id, 'Devis généré ' || i, 'in_preparation',
            timestamptz '2025-09-01 00:00:00+00' + (i || ' minutes')::interval, timestamptz '2025-09-01 00:00:00+00'
     from (select distinct i, k from gen_qlines) x join gen_accounts a on a.k = x.k;
     insert into quote_versions (quote_id, version, payment_terms, total_net_cents, total_vat_cents, total_gross_cents, vat_breakdown)
     select q.id, 1, '30 jours', t.net, t.vat, t.net + t.vat, t.breakdown
     from (select i, sum(line_total)::bigint as net, sum(vat)::bigint as vat,
                  (select jsonb_agg(jsonb_build_object('vatRateBp', r.rate, 'category', 'S', 'taxableCents', r.net, 'vatCents', r.vat) order by r.rate desc)
                     from (select rate, sum(line_total)::bigint as net, sum(vat)::bigint as vat from gen_qlines g2 where g2.i = g.i group by rate) r) as breakdown
           from gen_qlines g group by i) t
     join quotes q on q.number = 'GEN-Q' || lpad(t.i::text, 7, '0');
     insert into quote_lines (version_id, position, product_id, sku, description, quantity, unit_price_ht_cents,
                              vat_rate_bp, vat_category, line_total_cents, net_cents)
     select v.id, g.pos, g.product_id, g.sku, g.name, g.qty, g.unit, g.rate, 'S', g.line_total, g.line_total
     from gen_qlines g join quotes q on q.number = 'GEN-Q' || lpad(g.i::text, 7, '0')
     join quote_versions v on v.quote_id = q.id and v.version = 1;
     drop table gen_qlines`,
  );

  // Every table, vacuumed too: a server with autovacuum off (seen on these machines) would plan on no
  // statistics and could not use index-only scans (the visibility map is built by vacuum).
  await step('cleanup, analyze', `drop table gen_lines;\ndrop table gen_customers;\ndrop table gen_buyers;\ndrop table gen_products;\ndrop table gen_accounts;\nvacuum (analyze)`);

  const counts = await generatedCounts(db);
  return { counts, timings };
}

async function one<T>(db: Database, q: string): Promise<T> {
  const res = (await db.execute(sql.raw(q))) as unknown as T[] | { rows?: T[] };
  const rows = Array.isArray(res) ? res : (res.rows ?? []);
  return rows[0] as T;
}

export async function generatedCounts(db: Database): Promise<Record<string, number>> {
  const r = await one<Record<string, string | number>>(
    db,
    `select (select count(*) from categories where slug like 'gen-cat-%') as categories,
            (select count(*) from products where sku like 'GEN-P%') as products,
            (select count(*) from accounts where legal_name like 'Client généré %') as companies,
            (select count(*) from orders where number like 'GEN-O%') as orders,
            (select count(*) from users where email like 'gen-buyer-%') as buyers,
            (select count(*) from quotes where number like 'GEN-Q%') as quotes,
            (select count(*) from users where email like 'gen-customer-%') as b2c_customers,
            (select count(*) from persons where emails[1] like 'gen-contact-%') as contacts,
            (select count(*) from opportunities where title like 'Opportunité générée %') as open_opportunities,
            (select count(*) from framework_agreements where reference like 'GEN-A%') as agreements,
            (select count(*) from agreement_lines l join framework_agreements a on a.id = l.agreement_id
              where a.reference like 'GEN-A%') as agreement_lines,
            (select count(*) from agreement_price_tiers t join agreement_lines l on l.id = t.agreement_line_id
              join framework_agreements a on a.id = l.agreement_id where a.reference like 'GEN-A%') as agreement_price_tiers,
            (select count(*) from order_lines l join orders o on o.id = l.order_id where o.number like 'GEN-O%') as order_lines`,
  );
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
}

/** A checksum of the generated content (not ids): same size and seed → same value. */
export async function generatedChecksum(db: Database): Promise<string> {
  const r = await one<{ sum: string }>(
    db,
    `select md5(
       (select string_agg(sku || ':' || name || ':' || b2c_price_ttc_cents, ',' order by sku) from products where sku like 'GEN-P%')
       || '|' ||
       (select string_agg(o.number || ':' || coalesce(a.legal_name, '-') || ':' || o.total_gross_cents, ',' order by o.number)
          from orders o left join accounts a on a.id = o.account_id where o.number like 'GEN-O%')
     ) as sum`,
  );
  return r.sum;
}
