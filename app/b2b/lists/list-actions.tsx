'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { addListToCartAction, deleteListAction } from './actions';

export function ListActions({ listId, canDelete }: { listId: string; canDelete: boolean }) {
  const [addState, add, adding] = useActionState(addListToCartAction, null);
  const [delState, del, deleting] = useActionState(deleteListAction, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={add}>
          <input type="hidden" name="listId" value={listId} />
          <Button type="submit" pending={adding} pendingLabel={m.lists.adding}>
            {m.lists.addToCart}
          </Button>
        </form>
        {canDelete && !confirming ? (
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {m.lists.delete}
          </Button>
        ) : null}
      </div>
      {confirming ? (
        <div role="group" aria-label={m.lists.delete} className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          <p className="mb-2">{m.lists.deleteQuestion}</p>
          <form action={del} className="flex gap-2">
            <input type="hidden" name="listId" value={listId} />
            <Button type="submit" variant="danger" pending={deleting}>
              {m.lists.deleteConfirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {m.lists.deleteCancel}
            </Button>
          </form>
        </div>
      ) : null}
      <FormMessage error={(addState && !addState.ok ? addState.error : undefined) ?? (delState && !delState.ok ? delState.error : undefined)} />
    </div>
  );
}
