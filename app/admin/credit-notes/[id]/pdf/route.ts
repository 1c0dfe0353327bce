import { getDb } from '@/db/client';
import { getCreditNoteDocument } from '@/lib/invoicing/queries';
import { renderDocumentPdf } from '@/lib/pdf/render-document';
import { attachment, plainText, staffOrRefusal } from '../../../invoices/document-response';

export const dynamic = 'force-dynamic';

/** GET: a credit note as issued, in PDF, for staff. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const who = await staffOrRefusal();
  if ('refusal' in who) return who.refusal;
  const doc = await getCreditNoteDocument(await getDb(), who.actor, id);
  if (!doc.ok) return plainText(doc.error, 404);
  const pdf = await renderDocumentPdf(doc.value);
  return attachment(pdf, 'application/pdf', `${doc.value.number}.pdf`);
}
