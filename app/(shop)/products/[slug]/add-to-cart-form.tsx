'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { addToCartAction } from '@/app/(shop)/cart/actions';
import { Button } from '@/app/_components/button';
import { Input } from '@/app/_components/field';

/**
 * Quantity and "Ajouter au panier". The outcome is announced: success in a polite live region that
 * is always present (so screen readers hear it), a refusal as an alert.
 */
export type AddToCartLabels = { quantity: string; adding: string; addToCart: string; outOfStockHint: string; viewCart: string };

export function AddToCartForm({ productId, maxQuantity, labels: m }: { productId: string; maxQuantity: number; labels: AddToCartLabels }) {
  const [state, formAction, pending] = useActionState(addToCartAction, null);
  const available = maxQuantity > 0;
  const max = Math.min(999, Math.max(1, maxQuantity));
  const quantityErrors = state && !state.ok ? state.fieldErrors?.quantity : undefined;
  return (
    <form action={formAction} className="space-y-3" aria-describedby={available ? undefined : 'add-to-cart-unavailable'}>
      <input type="hidden" name="productId" value={productId} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-24">
          <Input
            label={m.quantity}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            step={1}
            defaultValue={1}
            required
            disabled={!available}
            errors={quantityErrors}
          />
        </div>
        <Button type="submit" pending={pending} pendingLabel={m.adding} disabled={!available} className="min-w-44 py-2.5">
          {m.addToCart}
        </Button>
      </div>
      {available ? null : (
        <p id="add-to-cart-unavailable" className="text-sm text-neutral-600">
          {m.outOfStockHint}
        </p>
      )}
      <div role="status" aria-live="polite">
        {state?.ok ? (
          <p className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {state.message}{' '}
            <Link href="/cart" className="font-medium underline">
              {m.viewCart}
            </Link>
          </p>
        ) : null}
      </div>
      {state && !state.ok && state.error && !quantityErrors ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
