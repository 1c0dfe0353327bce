import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { renderDocumentPdf } from '@/lib/pdf/render-document';
import { getCompanyQuote } from '@/lib/quotes/portal-queries';
import { quoteVersionDocument } from '@/lib/quotes/quote-document';
import { getSellerProfile } from '@/lib/seller/service';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET: the PDF of one sent version of a quote, for the users of the quote's company only
 * (getCompanyQuote scopes by the actor's company and hides unsent drafts). Anything else — signed
 * out, staff, another company, a draft or unknown version — is a 404 that says nothing.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; version: string }> }): Promise<Response> {
  const { id, version } = await ctx.params;
  if (!/^[1-9]\d{0,5}$/.test(version)) return notFound();
  const db = await getDb();
  const result = await getCompanyQuote(db, await getActor(), id);
  if (!result.ok) return notFound();
  const quote = result.value.quote;
  const v = quote.versions.find((x) => x.version === Number(version) && x.sent);
  if (!v) return notFound();
  const seller = await getSellerProfile(db);
  if (!seller) throw new Error('seller profile missing: the seed or the back office must create it');
  const pdf = await renderDocumentPdf(quoteVersionDocument(quote, v, seller), { title: `Devis ${quote.number} — version ${v.version}` });
  const filename = `${quote.number}-v${v.version}.pdf`;
  return new Response(pdf as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': String(pdf.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
}
