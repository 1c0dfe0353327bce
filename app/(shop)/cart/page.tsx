import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/app/_components/button';
import { EmptyState } from '@/app/_components/empty-state';
import { Money } from '@/app/_components/money';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { getCartView, shopRefusal } from '@/lib/shop/cart-service';
import { currentCartId } from '@/lib/shop/current-cart';
import { ShopPointer } from '../shop-pointer';
import { CartLineControls } from './cart-line-controls';
import { TotalsBox, totalsLabels } from './totals-box';

export const metadata: Metadata = { title: t.checkout.cartTitle };

export default async function CartPage() {
  const actor = await getActor();
  if (shopRefusal(actor)) return <ShopPointer actor={actor!} />;
  const cart = await getCartView(await getDb(), await currentCartId(), 'standard');
  const { quantityOf, update, removeItem, remove } = t.checkout;
  const lineLabels = { quantityOf, update, removeItem, remove };
  return (
    <>
      <PageHeader title={t.checkout.cartTitle} />
      {cart.lines.length === 0 || !cart.totals ? (
        <EmptyState title={t.checkout.emptyCart}>
          <Link href="/" className="font-medium text-accent-700 hover:underline">
            {t.checkout.continueShopping}
          </Link>
        </EmptyState>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
          <section aria-labelledby="articles">
            <h2 id="articles" className="sr-only">
              {t.checkout.product}
            </h2>
            {cart.problems.length > 0 ? (
              <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
                <p className="font-medium">{t.checkout.problems}</p>
                <ul className="mt-1 list-disc pl-5">
                  {cart.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <ul className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white">
              {cart.lines.map((l) => (
                <li key={l.productId} className="flex flex-wrap items-center gap-4 p-4">
                  <div className="min-w-48 flex-1">
                    <Link href={`/products/${l.slug}`} className="font-medium hover:underline">
                      {l.name}
                    </Link>
                    <p className="text-sm text-neutral-600">
                      <Money cents={l.unitPriceTtcCents} suffix="TTC" /> / {l.unit}
                    </p>
                  </div>
                  <CartLineControls productId={l.productId} name={l.name} quantity={l.quantity} labels={lineLabels} />
                  <p className="w-28 text-right font-semibold">
                    <Money cents={l.lineTotalCents} />
                  </p>
                </li>
              ))}
            </ul>
          </section>
          <aside aria-labelledby="recap" className="space-y-4">
            <h2 id="recap" className="text-lg font-semibold">
              {t.checkout.summary}
            </h2>
            <TotalsBox totals={cart.totals} labels={totalsLabels(t.checkout)} />
            <p className="text-xs text-neutral-500">{t.checkout.freeShippingHint}</p>
            {cart.problems.length === 0 ? (
              <Link href="/checkout" className={`${buttonClass('primary')} w-full`}>
                {t.checkout.checkout}
              </Link>
            ) : null}
          </aside>
        </div>
      )}
    </>
  );
}
