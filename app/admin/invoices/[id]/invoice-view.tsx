import type { ReactNode } from 'react';
import { DocumentTotals } from '@/app/_components/document-totals';
import { Money } from '@/app/_components/money';
import type { DocumentParty } from '@/lib/documents/types';
import { frInvoicesAdmin as m } from '@/lib/i18n/fr-invoices-admin';
import type { InvoiceDetail } from '@/lib/invoicing/queries';
import { formatRateBp } from '@/lib/money';
import { CalendarDate, formatQuantity } from '../invoice-ui';

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });
const countryOf = (code: string) => (code === 'FR' ? null : (countryNames.of(code) ?? code));

const categoryNote = m.categories;

function Party({ title, party }: { title: string; party: DocumentParty }) {
  const a = party.address;
  const ids = [
    party.siren ? `${m.siren} ${party.siren}` : null,
    party.siret ? `${m.siret} ${party.siret}` : null,
    party.vatNumber ? `${m.vatNumber} ${party.vatNumber}` : null,
    party.rcs ? (/^RCS\b/i.test(party.rcs) ? party.rcs : `${m.rcs} ${party.rcs}`) : null,
  ].filter(Boolean);
  return (
    <div className="min-w-0">
      <h3 className="text-xs font-medium uppercase tracking-wide text-neutral-500">{title}</h3>
      <address className="mt-1 text-sm not-italic text-neutral-800">
        <span className="font-medium text-neutral-900">{party.name}</span>
        {party.legalForm || party.shareCapital ? (
          <span className="text-neutral-600">
            {' '}
            {[party.legalForm, party.shareCapital ? m.capital(party.shareCapital) : null].filter(Boolean).join(' ')}
          </span>
        ) : null}
        <br />
        {a.line1}
        {a.line2 ? (
          <>
            <br />
            {a.line2}
          </>
        ) : null}
        <br />
        {a.postalCode} {a.city}
        {countryOf(a.country) ? ` — ${countryOf(a.country)}` : ''}
        {ids.length ? <span className="mt-1 block text-xs text-neutral-600">{ids.join(' · ')}</span> : null}
        {party.email ? <span className="block break-all text-xs text-neutral-600">{party.email}</span> : null}
        {party.iban ? (
          <span className="block text-xs text-neutral-600">
            {m.iban} <span className="font-mono">{party.iban}</span>
          </span>
        ) : null}
      </address>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-neutral-900">{children}</dd>
    </div>
  );
}

/**
 * The invoice exactly as issued — parties, lines, charges and allowances, VAT per rate, totals,
 * mentions and terms — read from what was stored at issue, never recomputed.
 */
export function InvoiceView({ detail }: { detail: InvoiceDetail }) {
  const { invoice: inv, lines, adjustments } = detail;
  const suffix = inv.priceMode === 'tax_inclusive' ? 'TTC' : 'HT';
  const hasDiscount = lines.some((l) => l.discountBp > 0);
  const th = 'whitespace-nowrap px-3 py-2 font-medium';
  const wide = 'hidden sm:table-cell';
  const delivery = inv.deliveryAddress;

  return (
    <section aria-labelledby="invoice-document" className="rounded-lg border border-neutral-200 bg-white">
      <h2 id="invoice-document" className="border-b border-neutral-100 px-4 py-3 font-semibold">
        {m.document}
      </h2>

      <div className="grid gap-4 px-4 py-3 sm:grid-cols-2 lg:grid-cols-3">
        <Party title={m.seller} party={inv.seller} />
        <Party title={m.buyerParty} party={inv.buyer} />
        {delivery ? (
          <div className="min-w-0">
            <h3 className="text-xs font-medium uppercase tracking-wide text-neutral-500">{m.deliveryAddress}</h3>
            <address className="mt-1 text-sm not-italic text-neutral-800">
              {delivery.name}
              <br />
              {delivery.line1}
              {delivery.line2 ? `, ${delivery.line2}` : ''}
              <br />
              {delivery.postalCode} {delivery.city}
              {countryOf(delivery.country) ? ` — ${countryOf(delivery.country)}` : ''}
            </address>
          </div>
        ) : null}
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 border-t border-neutral-100 px-4 py-3 sm:grid-cols-3 lg:grid-cols-5">
        <Meta label={m.nature}>{m.natures[inv.nature]}</Meta>
        <Meta label={m.treatment}>{m.treatments[inv.treatment]}</Meta>
        <Meta label={m.deliveryDate}>
          <CalendarDate value={inv.deliveryDate} />
        </Meta>
        <Meta label={m.purchaseOrderRef}>{inv.purchaseOrderRef ?? <span className="text-neutral-500">{m.none}</span>}</Meta>
        <Meta label={m.order}>{inv.orderNumber}</Meta>
      </dl>

      <div className="overflow-x-auto border-t border-neutral-100">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{m.lines}</caption>
          <thead className="bg-neutral-50 text-left text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              <th scope="col" className={`${th} ${wide}`}>{m.sku}</th>
              <th scope="col" className={th}>{m.description}</th>
              <th scope="col" className={`${th} ${wide} text-right`}>{m.quantity}</th>
              <th scope="col" className={`${th} ${wide} text-right`}>{m.unitPrice}</th>
              {hasDiscount ? <th scope="col" className={`${th} ${wide} text-right`}>{m.discount}</th> : null}
              <th scope="col" className={`${th} ${wide} text-right`}>{m.vatRate}</th>
              <th scope="col" className={`${th} text-right`}>{m.lineTotal}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {lines.map((l) => (
              <tr key={l.id}>
                <td className={`${wide} whitespace-nowrap px-3 py-2 font-mono text-xs text-neutral-700`}>{l.sku ?? <span className="font-sans text-neutral-500">{m.freeText}</span>}</td>
                <td className="px-3 py-2 sm:min-w-[12rem]">
                  {l.description}
                  <span className="mt-0.5 block text-xs text-neutral-500 sm:hidden">
                    {l.sku ? <span className="font-mono">{l.sku} · </span> : null}
                    {formatQuantity(l.quantity)} × <Money cents={l.unitPriceCents} suffix={suffix} />
                    {l.baseQuantity > 1 ? ` ${m.per(l.baseQuantity)}` : ''}
                    {l.discountBp > 0 ? ` · ${m.discount} ${formatRateBp(l.discountBp)}` : ''} · {m.vatRate} {formatRateBp(l.vatRateBp)}
                  </span>
                </td>
                <td className={`${wide} tabular px-3 py-2 text-right`}>{formatQuantity(l.quantity)}</td>
                <td className={`${wide} whitespace-nowrap px-3 py-2 text-right`}>
                  <Money cents={l.unitPriceCents} suffix={suffix} />
                  {l.baseQuantity > 1 ? <span className="block text-xs text-neutral-500">{m.per(l.baseQuantity)}</span> : null}
                </td>
                {hasDiscount ? <td className={`${wide} tabular px-3 py-2 text-right`}>{l.discountBp > 0 ? formatRateBp(l.discountBp) : m.none}</td> : null}
                <td className={`${wide} tabular whitespace-nowrap px-3 py-2 text-right`}>{formatRateBp(l.vatRateBp)}</td>
                <td className="px-3 py-2 text-right font-medium">
                  <Money cents={l.lineTotalCents} suffix={suffix} />
                </td>
              </tr>
            ))}
          </tbody>
          {adjustments.length > 0 ? (
            <tbody className="divide-y divide-neutral-100 border-t border-neutral-200">
              <tr>
                <th scope="rowgroup" colSpan={hasDiscount ? 7 : 6} className="bg-neutral-50 px-3 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">
                  {m.adjustments}
                </th>
              </tr>
              {adjustments.map((a) => (
                <tr key={a.id}>
                  <td className={`${wide} px-3 py-2 text-xs text-neutral-500`}>{a.kind === 'charge' ? m.charge : m.allowance}</td>
                  <td className="px-3 py-2">
                    {a.reason}
                    <span className="mt-0.5 block text-xs text-neutral-500 sm:hidden">
                      {m.vatRate} {formatRateBp(a.vatRateBp)}
                    </span>
                  </td>
                  <td className={wide} />
                  <td className={wide} />
                  {hasDiscount ? <td className={wide} /> : null}
                  <td className={`${wide} tabular whitespace-nowrap px-3 py-2 text-right`}>{formatRateBp(a.vatRateBp)}</td>
                  <td className="px-3 py-2 text-right font-medium">
                    <Money cents={a.kind === 'allowance' ? -a.amountCents : a.amountCents} suffix={suffix} />
                  </td>
                </tr>
              ))}
            </tbody>
          ) : null}
        </table>
      </div>

      <div className="border-t border-neutral-200 px-4 py-3">
        <DocumentTotals breakdown={inv.vatBreakdown} totalNetCents={inv.totalNetCents} totalVatCents={inv.totalVatCents} totalGrossCents={inv.totalGrossCents} rateNote={(c) => categoryNote[c as keyof typeof categoryNote]} />
      </div>

      <dl className="grid gap-3 border-t border-neutral-100 px-4 py-3 text-sm md:grid-cols-2">
        <Meta label={m.paymentTerms}>
          {inv.paymentTerms}
          <span className="block text-neutral-700">
            {m.dueDate} : <CalendarDate value={inv.dueDate} />
          </span>
        </Meta>
        {inv.mentions.length ? (
          <Meta label={m.mentions}>
            <ul className="list-disc pl-5 text-xs text-neutral-700">
              {inv.mentions.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </Meta>
        ) : null}
        {inv.legalNotes.length ? (
          <Meta label={m.legalNotes}>
            <ul className="list-disc pl-5 text-xs text-neutral-700">
              {inv.legalNotes.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </Meta>
        ) : null}
      </dl>
    </section>
  );
}
