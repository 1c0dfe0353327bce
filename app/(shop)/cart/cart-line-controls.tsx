'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { setCartQuantityAction } from './actions';

/**
 * The texts of a cart line's controls, picked from `t.checkout` by the cart page (a server
 * component): this client module imports nothing from `@/lib/i18n`, which would ship the whole
 * message catalogue (≈ 24 kB gzip) to the browser.
 */
export type CartLineLabels = { quantityOf: string; update: string; removeItem: string; remove: string };

export function CartLineControls({
  productId,
  name,
  quantity,
  labels: m,
}: {
  productId: string;
  name: string;
  quantity: number;
  labels: CartLineLabels;
}) {
  const [state, action, pending] = useActionState(setCartQuantityAction, null);
  const id = `qty-${productId}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={action} className="flex items-center gap-2">
        <input type="hidden" name="productId" value={productId} />
        <label htmlFor={id} className="sr-only">
          {m.quantityOf} {name}
        </label>
        <input
          id={id}
          name="quantity"
          type="number"
          min={0}
          max={999}
          defaultValue={quantity}
          className="w-20 rounded-md border border-neutral-300 px-2 py-1 text-sm"
        />
        <Button type="submit" variant="secondary" size="sm" pending={pending} aria-label={`${m.update} — ${name}`}>
          {m.update}
        </Button>
      </form>
      <form action={action}>
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="quantity" value="0" />
        <Button type="submit" variant="ghost" size="sm" pending={pending} aria-label={`${m.removeItem} ${name}`}>
          {m.remove}
        </Button>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
