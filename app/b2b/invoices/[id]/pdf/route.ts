import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { getInvoiceDocument } from '@/lib/invoicing/queries';
import { isPortalActor } from '@/lib/purchasing/access';
import { notFoundResponse, pdfResponse } from '../../document-response';

export const dynamic = 'force-dynamic';

/** GET: the invoice as PDF (Factur-X: the EN 16931 XML embedded) for a portal user who may see it. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const actor = await getActor();
  if (!isPortalActor(actor)) return notFoundResponse();
  const doc = await getInvoiceDocument(await getDb(), actor, id);
  return doc.ok ? pdfResponse(doc.value) : notFoundResponse();
}
