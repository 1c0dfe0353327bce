'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { setB2bLineAction } from './actions';

export function CartLineControls({ productId, name, quantity }: { productId: string; name: string; quantity: number }) {
  const [state, action, pending] = useActionState(setB2bLineAction, null);
  const id = `qty-${productId}`;
  return (
    <div className="flex flex-col items-start gap-1 sm:flex-row sm:flex-wrap sm:items-center">
      <form action={action} className="flex flex-col items-stretch gap-1 sm:flex-row sm:items-center">
        <input type="hidden" name="productId" value={productId} />
        <label htmlFor={id} className="sr-only">
          {m.cart.quantityOf(name)}
        </label>
        <input
          id={id}
          key={quantity}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={0}
          max={99999}
          defaultValue={quantity}
          className="w-20 rounded-md border border-neutral-300 px-2 py-1 text-right text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
        />
        <Button type="submit" variant="secondary" size="sm" pending={pending} aria-label={m.cart.updateItem(name)}>
          {m.cart.update}
        </Button>
      </form>
      <form action={action}>
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="quantity" value="0" />
        <Button type="submit" variant="ghost" size="sm" pending={pending} aria-label={m.cart.removeItem(name)}>
          {m.cart.remove}
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
