import { getDb } from '@/db/client';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { roleCan } from '@/lib/auth/roles';
import { getActor } from '@/lib/auth/session';
import { renderDocumentPdf } from '@/lib/pdf/render-document';
import { quoteVersionDocument } from '@/lib/quotes/quote-document';
import { getQuoteForStaff } from '@/lib/quotes/staff-queries';
import { getSellerProfile } from '@/lib/seller/service';

export const dynamic = 'force-dynamic';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET: the PDF of one sent version of a quote, for staff holding `orders.manage` (getQuoteForStaff
 * checks it). Signed out is a 401, another role a 403; a draft, an unknown version or quote a 404 —
 * a draft has no PDF, since only what the client received is printed.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; version: string }> }): Promise<Response> {
  const { id, version } = await ctx.params;
  const actor = await getActor();
  if (!actor) return text(NOT_SIGNED_IN, 401);
  if (!roleCan(actor.role, 'orders.manage')) return text(NOT_ALLOWED, 403);
  if (!/^[1-9]\d{0,5}$/.test(version)) return text('Introuvable.', 404);
  const db = await getDb();
  const result = await getQuoteForStaff(db, actor, id);
  if (!result.ok) return text('Introuvable.', 404);
  const quote = result.value.quote;
  const v = quote.versions.find((x) => x.version === Number(version) && x.sent);
  if (!v) return text('Introuvable.', 404);
  const seller = await getSellerProfile(db);
  if (!seller) throw new Error('seller profile missing: the seed or the back office must create it');
  const pdf = await renderDocumentPdf(quoteVersionDocument(quote, v, seller), { title: `Devis ${quote.number} — version ${v.version}` });
  return new Response(pdf as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${quote.number}-v${v.version}.pdf"`,
      'Content-Length': String(pdf.byteLength),
      'Cache-Control': 'private, no-store',
    },
  });
}
