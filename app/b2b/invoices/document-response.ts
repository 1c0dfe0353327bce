import type { CommercialDocument } from '@/lib/documents/types';
import { ciiOf } from '@/lib/invoicing/queries';
import { renderDocumentPdf, type PdfAttachment } from '@/lib/pdf/render-document';

/**
 * The HTTP side of invoice and credit-note downloads (portal and customer account): a file as an
 * attachment named after the document's number, never cached; anything refused is a plain 404 so
 * a document of someone else is indistinguishable from one that does not exist.
 */

const fileName = (number: string, ext: 'pdf' | 'xml') => `${number.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

function download(body: Uint8Array | string, number: string, ext: 'pdf' | 'xml'): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'Content-Type': ext === 'pdf' ? 'application/pdf' : 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName(number, ext)}"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
}

export function notFoundResponse(): Response {
  return new Response('Document introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * The document as PDF. A B2B document (HT mode) embeds its checked EN 16931 XML as `factur-x.xml`
 * (relationship Alternative), so the buyer's software can read the same figures the page prints.
 */
export async function pdfResponse(doc: CommercialDocument): Promise<Response> {
  const attachments: PdfAttachment[] = [];
  if (doc.mode === 'tax_exclusive') {
    try {
      const xml = ciiOf(doc);
      if (xml.ok) attachments.push({ name: 'factur-x.xml', content: xml.value, mimeType: 'text/xml', relationship: 'Alternative', description: 'Factur-X / EN 16931' });
    } catch (error) {
      // An export that breaks a rule is our bug (the XML route fails loudly); the PDF itself stays
      // the legal document, so it is still served, without the attachment.
      console.error(`Factur-X attachment left out of ${doc.number}`, error);
    }
  }
  return download(await renderDocumentPdf(doc, { attachments }), doc.number, 'pdf');
}

/** The document as EN 16931 CII XML, or 404 for a B2C (tax-inclusive) document. */
export function xmlResponse(doc: CommercialDocument): Response {
  const xml = ciiOf(doc);
  return xml.ok ? download(xml.value, doc.number, 'xml') : notFoundResponse();
}
