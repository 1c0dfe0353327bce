import { getDb } from '@/db/client';
import { ciiOf, getInvoiceDocument } from '@/lib/invoicing/queries';
import { renderDocumentPdf } from '@/lib/pdf/render-document';
import { attachment, plainText, staffOrRefusal } from '../../document-response';

export const dynamic = 'force-dynamic';

/**
 * GET: the invoice as issued, in PDF, for staff. A B2B invoice embeds its EN 16931 CII data as
 * `factur-x.xml` (relationship Alternative), the Factur-X way of carrying both in one file.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const who = await staffOrRefusal();
  if ('refusal' in who) return who.refusal;
  const doc = await getInvoiceDocument(await getDb(), who.actor, id);
  if (!doc.ok) return plainText(doc.error, 404);
  const xml = doc.value.mode === 'tax_exclusive' ? ciiOf(doc.value) : null;
  const pdf = await renderDocumentPdf(doc.value, {
    attachments: xml?.ok ? [{ name: 'factur-x.xml', content: xml.value, mimeType: 'text/xml', relationship: 'Alternative', description: 'Factur-X EN 16931' }] : [],
  });
  return attachment(pdf, 'application/pdf', `${doc.value.number}.pdf`);
}
