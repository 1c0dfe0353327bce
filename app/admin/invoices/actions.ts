'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { NOT_SIGNED_IN } from '@/lib/auth/guard';
import { getActor } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import type { CreditNoteInput, RecordPaymentInput } from '@/lib/invoicing/schemas';
import { issueCreditNote, issueInvoice, recordInvoicePayment } from '@/lib/invoicing/staff-service';
import { formatMoney } from '@/lib/money';
import { type ActionState, echoValues } from '@/lib/result';

/*
 * The back office's invoice actions: each reads the actor from the session, hands the form to one
 * service of lib/invoicing/staff-service (which checks `orders.manage`, validates and decides under
 * a lock), revalidates what changed and returns what the form shows.
 */

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** With errors shown next to fields, the form-level message points at them instead of repeating one. */
function formError(error: string, fieldErrors: Record<string, string[] | undefined> | undefined, shown: (key: string) => boolean): string {
  return Object.keys(fieldErrors ?? {}).some(shown) ? t.errors.checkFields : error;
}
const paymentFields = (k: string) => ['amount', 'paidOn', 'method', 'reference'].includes(k);
const creditNoteFields = (k: string) => k === 'reason' || k.startsWith('qty.') || k.startsWith('amount.');

function revalidateInvoice(invoiceId: string) {
  revalidatePath('/admin/invoices');
  revalidatePath(`/admin/invoices/${invoiceId}`);
}

/** Issues an order's invoice before it ships (it is issued automatically when it ships). */
export async function issueInvoiceAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const orderId = field(form, 'orderId');
  const result = await issueInvoice(await getDb(), actor, { orderId });
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath('/admin/orders');
  revalidatePath('/admin/invoices');
  return { ok: true, message: m.invoiceIssued(result.value.number) };
}

/** Records money received on an invoice: full or partial, never more than what remains due. */
export async function recordPaymentAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const invoiceId = field(form, 'invoiceId');
  const result = await recordInvoicePayment(await getDb(), actor, {
    invoiceId,
    amount: field(form, 'amount'),
    paidOn: field(form, 'paidOn'),
    method: field(form, 'method') as RecordPaymentInput['method'],
    reference: field(form, 'reference'),
  });
  // Refused or not, the page is re-read: a refusal often means a colleague recorded it meanwhile.
  revalidateInvoice(invoiceId);
  if (!result.ok) return { ok: false, error: formError(result.error, result.fieldErrors, paymentFields), fieldErrors: result.fieldErrors, values };
  return { ok: true, message: m.paymentRecorded(result.value.remainingCents === 0 ? null : formatMoney(result.value.remainingCents)) };
}

/**
 * Issues a credit note. The form names its inputs after what they credit — `qty.<invoice line id>`
 * and `amount.<VAT rate in bp>` — and blank or zero entries are left out; the service's field
 * errors (`lines.0.quantity`, `amounts.1.amount`) are mapped back onto those inputs.
 */
export async function issueCreditNoteAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: NOT_SIGNED_IN };
  const values = echoValues(form);
  const invoiceId = field(form, 'invoiceId');
  const reason = field(form, 'reason');
  const mode = field(form, 'mode');
  const isZero = (v: string) => /^[\s0.,]*$/.test(v);

  let input: CreditNoteInput;
  const keys: string[] = [];
  if (mode === 'full') {
    input = { mode, invoiceId, reason };
  } else if (mode === 'lines') {
    const lines: { invoiceLineId: string; quantity: string }[] = [];
    for (const [key, value] of form.entries()) {
      if (!key.startsWith('qty.') || typeof value !== 'string' || isZero(value)) continue;
      lines.push({ invoiceLineId: key.slice(4), quantity: value.trim() });
      keys.push(key);
    }
    if (lines.length === 0) return { ok: false, error: m.chooseLine, values };
    input = { mode, invoiceId, reason, lines };
  } else if (mode === 'amounts') {
    const amounts: { vatRateBp: string; amount: string }[] = [];
    for (const [key, value] of form.entries()) {
      if (!key.startsWith('amount.') || typeof value !== 'string' || isZero(value)) continue;
      amounts.push({ vatRateBp: key.slice(7), amount: value.trim() });
      keys.push(key);
    }
    if (amounts.length === 0) return { ok: false, error: m.chooseAmount, values };
    input = { mode, invoiceId, reason, amounts };
  } else {
    return { ok: false, error: m.invalidMode, values };
  }

  const result = await issueCreditNote(await getDb(), actor, input);
  revalidateInvoice(invoiceId);
  if (!result.ok) {
    const fieldErrors: Record<string, string[] | undefined> = {};
    for (const [key, errors] of Object.entries(result.fieldErrors ?? {})) {
      const item = /^(?:lines|amounts)\.(\d+)\./.exec(key);
      fieldErrors[item ? (keys[Number(item[1])] ?? key) : key] = errors;
    }
    return { ok: false, error: formError(result.error, fieldErrors, creditNoteFields), fieldErrors, values };
  }
  return { ok: true, message: m.creditNoteIssued(result.value.number) };
}
