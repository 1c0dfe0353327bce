import { notFoundResponse, pdfResponse } from '@/app/b2b/invoices/document-response';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { getInvoiceDocument } from '@/lib/invoicing/queries';

export const dynamic = 'force-dynamic';

/** GET: a consumer's own invoice as PDF (B2C invoices have no EN 16931 export). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const actor = await getActor();
  if (actor?.role !== 'customer') return notFoundResponse();
  const doc = await getInvoiceDocument(await getDb(), actor, id);
  return doc.ok ? pdfResponse(doc.value) : notFoundResponse();
}
