import { getDb } from '@/db/client';
import { ciiOf, getInvoiceDocument } from '@/lib/invoicing/queries';
import { attachment, plainText, staffOrRefusal } from '../../document-response';

export const dynamic = 'force-dynamic';

/** GET: a B2B invoice as EN 16931 CII XML (checked before it leaves), for staff; B2C has none (404). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const who = await staffOrRefusal();
  if ('refusal' in who) return who.refusal;
  const doc = await getInvoiceDocument(await getDb(), who.actor, id);
  if (!doc.ok) return plainText(doc.error, 404);
  const xml = ciiOf(doc.value);
  if (!xml.ok) return plainText(xml.error, 404);
  return attachment(xml.value, 'application/xml; charset=utf-8', `${doc.value.number}.xml`);
}
