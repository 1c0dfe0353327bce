import type { ReactNode } from 'react';
import { DateTime } from '@/app/_components/date-time';
import { DocumentTotals } from '@/app/_components/document-totals';
import { Money } from '@/app/_components/money';
import { frQuotesAdmin as m } from '@/lib/i18n/fr-quotes-admin';
import { formatMoney, formatRateBp } from '@/lib/money';
import type { QuoteVersionView } from '@/lib/quotes/views';
import { CalendarDate, formatQuantity } from '../quote-ui';

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-neutral-900">{children}</dd>
    </div>
  );
}

/** A sent version exactly as frozen: lines, VAT per rate, totals, validity and terms (read only). */
export function VersionView({ version: v, acceptable, pdfHref }: { version: QuoteVersionView; acceptable: boolean; pdfHref: string }) {
  const hasDiscount = v.lines.some((l) => l.discountBp > 0);
  const th = 'whitespace-nowrap px-3 py-2 font-medium';
  const wide = 'hidden sm:table-cell';
  const address = v.deliveryAddress;
  return (
    <article aria-labelledby={`version-${v.version}-title`} className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3 px-4 pt-3">
        <h3 id={`version-${v.version}-title`} className="font-semibold">
          {m.versionTab(v.version)}{' '}
          <span className={`ml-1 text-xs font-medium ${acceptable ? 'text-green-800' : 'text-neutral-500'}`}>{acceptable ? m.acceptable : m.notAcceptable}</span>
        </h3>
        <a href={pdfHref} className="inline-flex items-center gap-1 rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-100">
          {m.pdf(v.version)}
        </a>
      </header>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 px-4 sm:grid-cols-4">
        <Meta label={m.sentOn}>{v.sentAt ? <DateTime value={v.sentAt} /> : m.none}</Meta>
        <Meta label={m.validUntil}>
          <CalendarDate value={v.validUntil} />
        </Meta>
        <Meta label={m.buyer}>{v.buyer?.name ?? m.none}</Meta>
        <Meta label={m.deliveryAddress}>
          {address ? (
            <address className="not-italic">
              {address.line1}
              {address.line2 ? `, ${address.line2}` : ''}, {address.postalCode} {address.city}
              {address.country !== 'FR' ? ` (${countryNames.of(address.country) ?? address.country})` : ''}
            </address>
          ) : (
            m.none
          )}
        </Meta>
      </dl>

      <div className="overflow-x-auto border-y border-neutral-100">
        <table className="min-w-full text-sm">
          <caption className="sr-only">
            {m.linesCaption} — {m.versionTab(v.version)}
          </caption>
          <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              <th scope="col" className={`${th} ${wide}`}>{m.sku}</th>
              <th scope="col" className={th}>{m.lineDescription}</th>
              <th scope="col" className={`${th} ${wide} text-right`}>{m.quantity}</th>
              <th scope="col" className={`${th} ${wide} text-right`}>{m.unitPrice}</th>
              {hasDiscount ? <th scope="col" className={`${th} ${wide} text-right`}>{m.discount}</th> : null}
              <th scope="col" className={`${th} ${wide} text-right`}>{m.vatRate}</th>
              <th scope="col" className={`${th} text-right`}>{m.lineTotal}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {v.lines.map((l) => (
              <tr key={l.position}>
                <td className={`${wide} whitespace-nowrap px-3 py-2 font-mono text-xs text-neutral-700`}>{l.sku ?? <span className="font-sans text-neutral-500">{m.freeText}</span>}</td>
                <td className="px-3 py-2 sm:min-w-[12rem]">
                  {l.description}
                  <span className="mt-0.5 block text-xs text-neutral-500 sm:hidden">
                    {l.sku ? <span className="font-mono">{l.sku} · </span> : null}
                    {formatQuantity(l.quantity)} × {formatMoney(l.unitPriceHtCents)}
                    {l.discountBp > 0 ? ` · −${formatRateBp(l.discountBp)}` : ''} · {m.vatRate} {formatRateBp(l.vatRateBp)}
                  </span>
                </td>
                <td className={`${wide} tabular px-3 py-2 text-right`}>{formatQuantity(l.quantity)}</td>
                <td className={`${wide} px-3 py-2 text-right`}>
                  <Money cents={l.unitPriceHtCents} />
                </td>
                {hasDiscount ? <td className={`${wide} tabular px-3 py-2 text-right`}>{l.discountBp > 0 ? formatRateBp(l.discountBp) : '—'}</td> : null}
                <td className={`${wide} tabular whitespace-nowrap px-3 py-2 text-right`}>{formatRateBp(l.vatRateBp)}</td>
                <td className="px-3 py-2 text-right font-medium">
                  <Money cents={l.netCents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="px-4">
        <DocumentTotals breakdown={v.vatBreakdown} totalNetCents={v.totalNetCents} totalVatCents={v.totalVatCents} totalGrossCents={v.totalGrossCents} />
      </div>

      <dl className="grid gap-3 border-t border-neutral-100 px-4 pb-4 pt-3 text-sm sm:grid-cols-2">
        <Meta label={m.deliveryTerms}>{v.deliveryTerms ? <span className="whitespace-pre-line">{v.deliveryTerms}</span> : m.none}</Meta>
        <Meta label={m.paymentTerms}>{v.paymentTerms ? <span className="whitespace-pre-line">{v.paymentTerms}</span> : m.none}</Meta>
        {v.clientNote ? (
          <Meta label={m.clientNote}>
            <span className="whitespace-pre-line">{v.clientNote}</span>
          </Meta>
        ) : null}
        {v.mentions.length ? (
          <Meta label={m.mentions}>
            <ul className="list-disc pl-5 text-xs text-neutral-700">
              {v.mentions.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </Meta>
        ) : null}
      </dl>
    </article>
  );
}
