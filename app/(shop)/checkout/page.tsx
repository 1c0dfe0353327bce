import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { getCustomerProfile } from '@/lib/customers/service';
import { t } from '@/lib/i18n';
import { getCartView, shopRefusal } from '@/lib/shop/cart-service';
import { currentCartId } from '@/lib/shop/current-cart';
import { priceShopBasket } from '@/lib/shop/pricing';
import { SHIPPING_METHOD_IDS, SHIPPING_METHODS } from '@/lib/shop/shipping';
import { ShopPointer } from '../shop-pointer';
import { totalsLabels } from '../cart/totals-box';
import { CheckoutForm, type CheckoutDefaults, type CheckoutLabels } from './checkout-form';

export const metadata: Metadata = { title: t.checkout.checkoutTitle };

export default async function CheckoutPage() {
  const actor = await getActor();
  if (shopRefusal(actor)) return <ShopPointer actor={actor!} />;
  const db = await getDb();
  const cart = await getCartView(db, await currentCartId(), 'standard');
  if (cart.lines.length === 0) redirect('/cart');
  if (cart.problems.length > 0) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-xl border border-amber-300 bg-amber-50 p-6">
        <p className="font-medium">{t.checkout.problems}</p>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {cart.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <Link href="/cart" className="mt-4 inline-block font-medium text-accent-700 underline">
          {t.checkout.fixCart}
        </Link>
      </div>
    );
  }
  const totalsByMethod = Object.fromEntries(SHIPPING_METHOD_IDS.map((m) => [m, priceShopBasket(cart.lines, m)])) as Record<
    (typeof SHIPPING_METHOD_IDS)[number],
    ReturnType<typeof priceShopBasket>
  >;
  let defaults: CheckoutDefaults = {};
  if (actor?.role === 'customer') {
    const profile = await getCustomerProfile(db, actor);
    if (profile.ok) {
      const delivery = profile.value.addresses.find((a) => a.kind === 'delivery' && a.isDefault) ?? profile.value.addresses[0];
      defaults = {
        email: profile.value.email,
        firstName: profile.value.firstName,
        lastName: profile.value.lastName,
        line1: delivery?.line1,
        line2: delivery?.line2 ?? undefined,
        postalCode: delivery?.postalCode,
        city: delivery?.city,
      };
    }
  }
  // Only the texts the form shows cross to the browser, as plain strings (no message catalogue).
  const c = t.checkout;
  const labels: CheckoutLabels = {
    ...totalsLabels(c),
    acceptTerms: c.acceptTerms,
    address: c.address,
    card: c.card,
    cardCvc: c.cardCvc,
    cardExpiry: c.cardExpiry,
    cardNumber: c.cardNumber,
    cardTestHint: c.cardTestHint,
    city: c.city,
    contact: c.contact,
    countryFrance: c.countryFrance,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    line1: c.line1,
    line2: c.line2,
    payment: c.payment,
    phone: c.phone,
    placeOrder: c.placeOrder,
    placing: c.placing,
    postalCode: c.postalCode,
    shippingMethod: c.shippingMethod,
    summary: c.summary,
    terms: c.terms,
    transfer: c.transfer,
    transferHint: c.transferHint,
    withdrawal: c.withdrawal,
  };
  return (
    <>
      <PageHeader title={t.checkout.checkoutTitle} crumbs={[{ label: t.checkout.cartTitle, href: '/cart' }, { label: t.checkout.checkoutTitle }]} />
      <CheckoutForm
        idempotencyKey={randomUUID()}
        totalsByMethod={totalsByMethod}
        methods={SHIPPING_METHOD_IDS.map((id) => ({ id, label: SHIPPING_METHODS[id].label }))}
        lines={cart.lines.map((l) => ({ name: l.name, quantity: l.quantity, lineTotalCents: l.lineTotalCents }))}
        defaults={defaults}
        labels={labels}
      />
    </>
  );
}
