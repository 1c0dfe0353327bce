'use client';

import { useActionState } from 'react';
import { Button } from '@/app/_components/button';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { addToB2bCartAction } from './actions';

/** Quantity + "Ajouter" for one catalogue row; the message is announced politely. */
export function AddToCartForm({ productId, name }: { productId: string; name: string }) {
  const [state, action, pending] = useActionState(addToB2bCartAction, null);
  const id = `qty-${productId}`;
  return (
    <form action={action} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="name" value={name} />
      <label htmlFor={id} className="sr-only">
        {m.catalogue.quantityOf(name)}
      </label>
      <input
        id={id}
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={99999}
        defaultValue={1}
        required
        className="w-20 rounded-md border border-neutral-300 px-2 py-1 text-right text-sm focus:border-accent-600 focus:outline-none focus:ring-1 focus:ring-accent-600"
      />
      <Button type="submit" size="sm" pending={pending} pendingLabel={m.catalogue.adding} aria-label={m.catalogue.addTo(name)}>
        {m.catalogue.add}
      </Button>
      <p aria-live="polite" className={`w-full text-right text-xs ${state?.ok ? 'text-green-700' : 'text-red-700'}`}>
        {state ? (state.ok ? state.message : state.error) : null}
      </p>
    </form>
  );
}
