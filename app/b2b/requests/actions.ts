'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { frQuotes } from '@/lib/i18n/fr-quotes';
import { frQuotesPortal as m } from '@/lib/i18n/fr-quotes-portal';
import { listNegotiatedCatalogue } from '@/lib/purchasing/catalogue-service';
import { cancelQuoteRequest, submitQuoteRequest } from '@/lib/quotes/request-service';
import type { SubmitRequestInput } from '@/lib/quotes/schemas';
import { type ActionState, echoValues } from '@/lib/result';

/** How many catalogue matches the line picker shows. */
const PICKER_LIMIT = 8;
/** Line rows read from a form at most (the service refuses beyond its own limit). */
const MAX_FORM_LINES = 60;

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * The request's lines from `lines.N.productId|description|quantity` fields. Rows left entirely
 * blank are dropped; `rowOf[k]` is the form row of the k-th line kept, so the service's
 * `lines.k.quantity` errors can be put back on the row the person typed in.
 */
function linesOf(form: FormData): { lines: NonNullable<SubmitRequestInput['lines']>; rowOf: number[] } {
  const rows = new Set<number>();
  for (const key of form.keys()) {
    const match = /^lines\.(\d{1,3})\./.exec(key);
    if (match) rows.add(Number(match[1]));
  }
  const lines: NonNullable<SubmitRequestInput['lines']> = [];
  const rowOf: number[] = [];
  for (const row of [...rows].sort((a, b) => a - b).slice(0, MAX_FORM_LINES)) {
    const productId = field(form, `lines.${row}.productId`).trim();
    const description = field(form, `lines.${row}.description`);
    const quantity = field(form, `lines.${row}.quantity`);
    if (!productId && !description.trim() && !quantity.trim()) continue;
    lines.push({ productId: productId || undefined, description: productId ? '' : description, quantity });
    rowOf.push(row);
  }
  return { lines, rowOf };
}

function remapLineErrors(fieldErrors: Record<string, string[] | undefined> | undefined, rowOf: number[]) {
  if (!fieldErrors) return undefined;
  const out: Record<string, string[] | undefined> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const match = /^lines\.(\d+)\.(.+)$/.exec(key);
    const row = match ? rowOf[Number(match[1])] : undefined;
    out[match && row !== undefined ? `lines.${row}.${match[2]}` : key] = messages;
  }
  return out;
}

/**
 * Submits a request for quote for the signed-in portal user's company (the company comes from the
 * session, never from the form), then opens it. On a refusal, the errors come back per field —
 * `lines.N.quantity` on the row typed — with everything typed.
 */
export async function submitQuoteRequestAction(_: ActionState, form: FormData): Promise<ActionState> {
  const values = echoValues(form);
  const { lines, rowOf } = linesOf(form);
  const result = await submitQuoteRequest(await getDb(), await getActor(), {
    title: field(form, 'title'),
    description: field(form, 'description'),
    desiredDate: field(form, 'desiredDate'),
    budgetHint: field(form, 'budgetHint'),
    lines,
  });
  if (!result.ok) {
    const fieldErrors = remapLineErrors(result.fieldErrors, rowOf);
    const many = fieldErrors && Object.keys(fieldErrors).length > 1;
    return { ok: false, error: many ? m.form.fix : result.error, fieldErrors, values };
  }
  revalidatePath('/b2b/requests');
  redirect(`/b2b/requests/${result.value.requestId}?nouvelle=1`);
}

/** The requester (own request) or a purchaser cancels a request not yet quoted. */
export async function cancelQuoteRequestAction(_: ActionState, form: FormData): Promise<ActionState> {
  const requestId = field(form, 'requestId');
  const result = await cancelQuoteRequest(await getDb(), await getActor(), { requestId });
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/b2b/requests');
  revalidatePath(`/b2b/requests/${requestId}`);
  return { ok: true, message: m.requests.cancelled };
}

export interface PickerProduct {
  productId: string;
  sku: string;
  name: string;
  unit: string;
}

export type ProductSearchResult = { ok: true; products: PickerProduct[] } | { ok: false; error: string };

/**
 * The line picker's search: the company's catalogue (what its catalogue page shows, contract and
 * — when allowed — off-contract products) matched by SKU or name. Prices are not returned: the
 * quote sets them.
 */
export async function searchRequestProductsAction(query: string): Promise<ProductSearchResult> {
  const q = typeof query === 'string' ? query.trim().slice(0, 100) : '';
  if (q.length < 2) return { ok: true, products: [] };
  const result = await listNegotiatedCatalogue(await getDb(), await getActor(), { q, page: 1, scope: 'all' });
  if (!result.ok) return { ok: false, error: result.error ?? frQuotes.errors.notFound };
  return {
    ok: true,
    products: result.value.rows.slice(0, PICKER_LIMIT).map((r) => ({ productId: r.productId, sku: r.sku, name: r.name, unit: r.unit })),
  };
}
