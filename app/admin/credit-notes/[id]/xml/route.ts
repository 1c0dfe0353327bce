import { getDb } from '@/db/client';
import { ciiOf, getCreditNoteDocument } from '@/lib/invoicing/queries';
import { attachment, plainText, staffOrRefusal } from '../../../invoices/document-response';

export const dynamic = 'force-dynamic';

/** GET: a B2B credit note as EN 16931 CII XML (type 381, checked before it leaves), for staff. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const who = await staffOrRefusal();
  if ('refusal' in who) return who.refusal;
  const doc = await getCreditNoteDocument(await getDb(), who.actor, id);
  if (!doc.ok) return plainText(doc.error, 404);
  const xml = ciiOf(doc.value);
  if (!xml.ok) return plainText(xml.error, 404);
  return attachment(xml.value, 'application/xml; charset=utf-8', `${doc.value.number}.xml`);
}
