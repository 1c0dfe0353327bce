import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { getCreditNoteDocument } from '@/lib/invoicing/queries';
import { isPortalActor } from '@/lib/purchasing/access';
import { notFoundResponse, xmlResponse } from '@/app/b2b/invoices/document-response';

export const dynamic = 'force-dynamic';

/** GET: a credit note as EN 16931 CII XML (document type 381), scoped like its invoice. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const actor = await getActor();
  if (!isPortalActor(actor)) return notFoundResponse();
  const doc = await getCreditNoteDocument(await getDb(), actor, id);
  return doc.ok ? xmlResponse(doc.value) : notFoundResponse();
}
