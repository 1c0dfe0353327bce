import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { getCreditNoteDocument } from '@/lib/invoicing/queries';
import { isPortalActor } from '@/lib/purchasing/access';
import { notFoundResponse, pdfResponse } from '@/app/b2b/invoices/document-response';

export const dynamic = 'force-dynamic';

/** GET: a credit note as PDF (with its EN 16931 XML embedded), scoped like its invoice. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const actor = await getActor();
  if (!isPortalActor(actor)) return notFoundResponse();
  const doc = await getCreditNoteDocument(await getDb(), actor, id);
  return doc.ok ? pdfResponse(doc.value) : notFoundResponse();
}
