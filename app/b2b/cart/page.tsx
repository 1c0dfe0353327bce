import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { formatRateBp } from '@/lib/money';
import { getB2bCart } from '@/lib/purchasing/b2b-cart-service';
import { parisDate } from '@/lib/purchasing/periods';
import { SaveListForm } from '../lists/save-list-form';
import { CartLineControls } from './cart-line-controls';
import { B2bCheckoutForm } from './checkout-form';
import { QuickOrderForm } from './quick-order-form';

export const metadata: Metadata = { title: m.cart.title };

export default async function B2bCartPage({ searchParams }: { searchParams: Promise<{ adresse?: string }> }) {
  const actor = await requireAudience('b2b', '/b2b/cart');
  const { adresse } = await searchParams;
  const result = await getB2bCart(await getDb(), actor, adresse);
  if (!result.ok) forbidden();
  const cart = result.value;
  const addresses = cart.deliveryAddresses;
  const priced = cart.priced;
  return (
    <>
      <PageHeader title={m.cart.title} intro={m.cart.intro} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          {cart.lines.length === 0 || !priced ? (
            <EmptyState title={m.cart.empty}>
              <p>{m.cart.emptyHint}</p>
              <Link href="/b2b/catalogue" className="mt-2 inline-block font-medium text-accent-700 hover:underline">
                {m.cart.toCatalogue}
              </Link>
            </EmptyState>
          ) : (
            <>
              {cart.problems.length > 0 ? (
                <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
                  <p className="font-medium">{m.cart.problems}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {cart.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="overflow-x-auto rounded-xl border border-neutral-200 bg-white">
                <table className="min-w-full text-sm">
                  <caption className="sr-only">{m.cart.tableCaption}</caption>
                  <thead className="border-b border-neutral-200 bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
                    <tr>
                      <th scope="col" className="px-2 sm:px-3 py-2">{m.common.product}</th>
                      <th scope="col" className="px-2 sm:px-3 py-2">{m.common.quantity}</th>
                      <th scope="col" className="px-2 sm:px-3 py-2 text-right">{m.common.unitPrice}</th>
                      <th scope="col" className="hidden px-2 sm:px-3 py-2 text-right sm:table-cell">{m.common.lineTotal}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-neutral-100">
                    {cart.lines.map((l) => (
                      <tr key={l.productId} className="align-top">
                        <td className="px-2 sm:px-3 py-3">
                          <span className="font-medium text-neutral-900">{l.name}</span>
                          <span className="tabular block text-xs text-neutral-500">{l.sku}</span>
                        </td>
                        <td className="px-2 sm:px-3 py-3">
                          <CartLineControls productId={l.productId} name={l.name} quantity={l.quantity} />
                        </td>
                        <td className="px-2 sm:px-3 py-3 text-right">
                          <span data-testid="cart-unit-price">
                            <Money cents={l.price.unitPriceHtCents} suffix="HT" />
                          </span>
                          <span className="mt-1 flex flex-wrap justify-end gap-1">
                            <StatusBadge label={l.price.source === 'agreement' ? m.common.contract : m.common.offContract} tone={l.price.source === 'agreement' ? 'info' : 'warning'} />
                          </span>
                          {l.price.tierMinQuantity ? <span className="mt-0.5 block text-xs text-neutral-500">{m.common.tierApplied(l.price.tierMinQuantity)}</span> : null}
                          <span className="mt-1 block font-semibold sm:hidden">
                            <span className="sr-only">{m.common.lineTotal} : </span>
                            <Money cents={l.lineTotalHtCents} suffix="HT" />
                          </span>
                        </td>
                        <td className="hidden px-2 sm:px-3 py-3 text-right font-semibold sm:table-cell">
                          <Money cents={l.lineTotalHtCents} suffix="HT" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <section aria-labelledby="totals-title" className="ml-auto max-w-sm">
                <h2 id="totals-title" className="sr-only">
                  {m.cart.totals}
                </h2>
                <dl className="space-y-1 rounded-xl border border-neutral-200 bg-white p-4 text-sm">
                  <div className="flex justify-between gap-6">
                    <dt>{m.common.totalNet}</dt>
                    <dd data-testid="cart-total-ht">
                      <Money cents={priced.tax.totalNetCents} suffix="HT" />
                    </dd>
                  </div>
                  {priced.tax.breakdown.map((b) => (
                    <div key={`${b.category}-${b.vatRateBp}`} className="flex justify-between gap-6 text-neutral-700">
                      <dt>
                        {m.common.vatAt(formatRateBp(b.vatRateBp))} <span className="text-xs text-neutral-500">(<Money cents={b.taxableCents} suffix="HT" />)</span>
                      </dt>
                      <dd>
                        <Money cents={b.vatCents} />
                      </dd>
                    </div>
                  ))}
                  <div className="flex justify-between gap-6">
                    <dt>{m.common.totalVat}</dt>
                    <dd data-testid="cart-total-vat">
                      <Money cents={priced.tax.totalVatCents} />
                    </dd>
                  </div>
                  <div className="flex justify-between gap-6 border-t border-neutral-200 pt-2 text-base font-semibold">
                    <dt>{m.common.totalGross}</dt>
                    <dd data-testid="cart-total-ttc">
                      <Money cents={priced.tax.totalGrossCents} suffix="TTC" />
                    </dd>
                  </div>
                  {priced.tax.mentions.map((mention) => (
                    <p key={mention} className="pt-1 text-xs text-neutral-600">
                      {mention}
                    </p>
                  ))}
                </dl>
              </section>
              <SaveListForm />
            </>
          )}
          <QuickOrderForm />
        </div>
        {priced && cart.lines.length > 0 ? (
          <aside className="xl:sticky xl:top-4 xl:self-start">
            <B2bCheckoutForm
              idempotencyKey={randomUUID()}
              expectedNetCents={priced.tax.totalNetCents}
              addresses={addresses.map((a) => ({ id: a.id, text: `${a.label ? `${a.label} — ` : ''}${a.line1}, ${a.postalCode} ${a.city}` }))}
              addressId={cart.deliveryAddressId}
              minDate={parisDate()}
              disabled={false}
            />
          </aside>
        ) : null}
      </div>
    </>
  );
}
