'use client';

import Link from 'next/link';
import { useActionState, useId } from 'react';
import { Button } from '@/app/_components/button';
import { FormMessage } from '@/app/_components/field';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import { issueInvoiceAction } from './actions';

/**
 * The invoice box of a back-office order: a link to its invoice once issued, otherwise a button
 * to issue it now (before shipping issues it automatically). It stays mounted after issuing so the
 * confirmation can be read next to the new link.
 */
export function IssueInvoicePanel({ orderId, invoice }: { orderId: string; invoice: { id: string; number: string } | null }) {
  const [state, action, pending] = useActionState(issueInvoiceAction, null);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-200 bg-white p-4">
      <h2 id={`${id}-title`} className="mb-3 font-semibold">
        {m.invoiceSection}
      </h2>
      <div className="mb-3 empty:hidden">
        <FormMessage error={state?.ok ? undefined : state?.error} message={state?.ok ? state.message : undefined} />
      </div>
      {invoice ? (
        <Link href={`/admin/invoices/${invoice.id}`} className="font-medium text-accent-700 underline-offset-2 hover:underline">
          {m.seeInvoice(invoice.number)}
        </Link>
      ) : (
        <form action={action} className="space-y-2">
          <input type="hidden" name="orderId" value={orderId} />
          <p id={`${id}-hint`} className="text-xs text-neutral-600">
            {m.issueInvoiceHint}
          </p>
          <Button type="submit" variant="secondary" pending={pending} pendingLabel={m.issuingInvoice} aria-describedby={`${id}-hint`}>
            {m.issueInvoice}
          </Button>
        </form>
      )}
    </section>
  );
}
