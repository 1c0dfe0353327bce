import type postgres from 'postgres';
import type { BenchData } from './scenarios';

const BIG_STOCK = 10_000_000;

/**
 * Finds the data the scenarios use in the generated set, and gives the write scenarios room:
 * plenty of stock on the products they order, a delivery address and a large monthly budget for
 * the client companies that order. Idempotent; touches generated rows only.
 */
export async function prepareData(sql: postgres.Sql): Promise<BenchData> {
  const [category] = await sql<{ slug: string }[]>`
    select c.slug from categories c join products p on p.category_id = c.id
    where c.slug like 'gen-cat-%' and p.is_active group by c.slug order by count(*) desc, c.slug limit 1`;
  const shop = await sql<{ id: string; slug: string }[]>`
    select id, slug from products where sku like 'GEN-P%' and is_active and stock_on_hand >= 100 order by sku limit 200`;
  if (!category || shop.length === 0) throw new Error('no generated data: run npm run db:generate-data first');
  const [term] = await sql<{ w: string }[]>`
    select lower(split_part(name, ' ', 1)) as w from products where sku like 'GEN-P%' group by 1 order by count(*) desc, 1 limit 1`;

  const companies = await sql<{ id: string; agreement_id: string }[]>`
    select a.id, fa.id as agreement_id from accounts a
    join framework_agreements fa on fa.account_id = a.id and fa.reference like 'GEN-A%'
    where a.legal_name in ('Client généré 1', 'Client généré 2', 'Client généré 3', 'Client généré 4')
    order by a.legal_name`;
  const b2bCompanies: BenchData['b2bCompanies'] = [];
  for (const co of companies) {
    const buyers = await sql<{ email: string }[]>`
      select u.email from users u join positions p on p.person_id = u.person_id
      where p.account_id = ${co.id} and p.ended_on is null and u.status = 'active' and u.email like 'gen-%' order by u.email`;
    const products = await sql<{ id: string; sku: string }[]>`
      select l.product_id as id, p.sku from agreement_lines l join products p on p.id = l.product_id
      where l.agreement_id = ${co.agreement_id} and p.is_active and l.max_quantity is null order by p.sku limit 3`;
    let [address] = await sql<{ id: string }[]>`select id from addresses where account_id = ${co.id} and kind = 'delivery' limit 1`;
    if (!address) {
      [address] = await sql<{ id: string }[]>`
        insert into addresses (account_id, kind, label, line1, postal_code, city, is_default)
        values (${co.id}, 'delivery', 'Entrepôt (banc d’essai)', '2 quai du Banc', '69002', 'Lyon', true) returning id`;
    }
    await sql`
      insert into spending_budgets (account_id, label, period_kind, period_start, period_end, amount_ht_cents)
      values (${co.id}, 'Budget du banc d’essai', 'month', date_trunc('month', current_date)::date,
              (date_trunc('month', current_date) + interval '1 month - 1 day')::date, 100000000000)
      on conflict (account_id, period_start, cost_centre) do update set amount_ht_cents = 100000000000, held_ht_cents = 0, committed_ht_cents = 0`;
    if (products.length === 0) throw new Error(`no agreement product for company ${co.id}`);
    if (!address) throw new Error('no delivery address');
    b2bCompanies.push({ accountId: co.id, addressId: address.id, buyers: buyers.map((b) => b.email), products: products.map((p) => p.id), skus: products.map((p) => p.sku) });
  }
  if (b2bCompanies.length === 0) throw new Error('no generated client company');
  const first = shop[0] as { id: string; slug: string };
  const ordered = [first.id, ...b2bCompanies.flatMap((c) => c.products)];
  await sql`update products set stock_on_hand = ${BIG_STOCK} where id in ${sql(ordered)}`;

  const [customer] = await sql<{ email: string }[]>`
    select u.email from users u join positions p on p.person_id = u.person_id join orders o on o.account_id = p.account_id
    where u.email like 'gen-customer-%' group by u.email order by count(*) desc, u.email limit 1`;
  const quoting = b2bCompanies[0];
  const purchaser = quoting?.buyers.find((e) => /-2@/.test(e)) ?? quoting?.buyers[0] ?? '';
  return {
    categorySlug: category.slug,
    productSlug: first.slug,
    searchTerm: term?.w ?? 'souris',
    shopProducts: shop.map((p) => p.id),
    b2bCompanies,
    purchaser,
    customer: customer?.email ?? 'gen-customer-1@example.test',
  };
}
