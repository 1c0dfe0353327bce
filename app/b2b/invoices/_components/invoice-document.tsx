import type { ReactNode } from 'react';
import { DateTime } from '@/app/_components/date-time';
import { Money } from '@/app/_components/money';
import type { DocumentParty } from '@/lib/documents/types';
import { frInvoicesClient as m } from '@/lib/i18n/fr-invoices-client';
import type { InvoiceDetail } from '@/lib/invoicing/queries';
import { formatRateBp } from '@/lib/money';
import { countryName, formatQuantity } from '@/lib/pdf/format';

const d = m.detail;

function Party({ title, party, homeCountry, seller }: { title: string; party: DocumentParty; homeCountry: string; seller?: boolean }) {
  const a = party.address;
  const capital = seller ? d.capital(party.legalForm, party.shareCapital) : '';
  return (
    <section aria-label={title} className="text-sm">
      <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{title}</h3>
      <p className="font-medium text-neutral-900">{party.name}</p>
      {capital ? <p className="text-neutral-600">{capital}</p> : null}
      <address className="not-italic text-neutral-700">
        {a.line1}
        {a.line2 ? (
          <>
            <br />
            {a.line2}
          </>
        ) : null}
        <br />
        {a.postalCode} {a.city}
        {a.country.toUpperCase() !== homeCountry.toUpperCase() ? (
          <>
            <br />
            {countryName(a.country)}
          </>
        ) : null}
      </address>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-neutral-600">
        {party.siren ? (
          <>
            <dt>{d.siren}</dt>
            <dd className="tabular">{party.siren}</dd>
          </>
        ) : null}
        {party.siret ? (
          <>
            <dt>{d.siret}</dt>
            <dd className="tabular">{party.siret}</dd>
          </>
        ) : null}
        {party.vatNumber ? (
          <>
            <dt>{d.vatNumber}</dt>
            <dd className="tabular">{party.vatNumber}</dd>
          </>
        ) : null}
      </dl>
      {/* Stored as printed (« RCS Lyon 812 345 676 »): no label of our own. */}
      {party.rcs ? <p className="text-xs text-neutral-600">{party.rcs}</p> : null}
    </section>
  );
}

function rateLabel(rateBp: number, category: keyof typeof m.categories): string {
  const extra = m.categories[category];
  return extra ? `${formatRateBp(rateBp)} (${extra})` : formatRateBp(rateBp);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="font-medium text-neutral-900">{children}</dd>
    </div>
  );
}

/**
 * An issued invoice exactly as stored — parties, references, lines, charges and allowances, the
 * VAT breakdown, totals, the treatment's mentions, payment terms with the seller's bank details
 * and the legal notes — laid out like the PDF. `orderLink` renders the order reference.
 */
export function InvoiceDocument({ detail, orderLink }: { detail: InvoiceDetail; orderLink?: ReactNode }) {
  const inv = detail.invoice;
  const inclusive = inv.priceMode === 'tax_inclusive';
  const home = inv.seller.address.country;
  const hasDiscount = detail.lines.some((l) => l.discountBp > 0);
  const hasSku = detail.lines.some((l) => l.sku);
  const prepaid = inv.channel === 'b2c' ? Math.min(detail.paidCents, inv.totalGrossCents) : 0;
  return (
    <article aria-labelledby="invoice-title" className="rounded-xl border border-neutral-200 bg-white p-4 sm:p-6">
      <header className="mb-6 flex flex-wrap items-start justify-between gap-6">
        <Party title={d.seller} party={inv.seller} homeCountry={home} seller />
        <div className="text-sm sm:text-right">
          <h2 id="invoice-title" className="text-lg font-semibold">
            {d.title(inv.number)}
          </h2>
          <p className="text-neutral-600">
            {d.issueDate} : <DateTime value={inv.issueDate} withTime={false} />
          </p>
        </div>
      </header>

      <div className="mb-6 grid gap-6 sm:grid-cols-2">
        <Party title={d.buyer} party={inv.buyer} homeCountry={home} />
        {inv.deliveryAddress ? (
          <section aria-label={d.deliveredTo} className="text-sm">
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{d.deliveredTo}</h3>
            <address className="not-italic text-neutral-700">
              {inv.deliveryAddress.name}
              <br />
              {inv.deliveryAddress.line1}
              {inv.deliveryAddress.line2 ? (
                <>
                  <br />
                  {inv.deliveryAddress.line2}
                </>
              ) : null}
              <br />
              {inv.deliveryAddress.postalCode} {inv.deliveryAddress.city}
              {inv.deliveryAddress.country && inv.deliveryAddress.country.toUpperCase() !== home.toUpperCase() ? (
                <>
                  <br />
                  {countryName(inv.deliveryAddress.country)}
                </>
              ) : null}
            </address>
          </section>
        ) : null}
      </div>

      <dl className="mb-6 grid grid-cols-2 gap-4 rounded-lg bg-neutral-50 p-3 text-sm md:grid-cols-4">
        <Fact label={d.orderNumber}>{orderLink ?? inv.orderNumber}</Fact>
        {inv.purchaseOrderRef ? <Fact label={d.purchaseOrderRef}>{inv.purchaseOrderRef}</Fact> : null}
        {inv.deliveryDate ? (
          <Fact label={d.deliveryDate}>
            <DateTime value={inv.deliveryDate} withTime={false} />
          </Fact>
        ) : null}
        <Fact label={d.nature}>{m.nature[inv.nature]}</Fact>
      </dl>

      <div className="relative overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{d.linesCaption}</caption>
          <thead className="border-b border-neutral-200 text-left text-xs uppercase tracking-wide text-neutral-500">
            <tr>
              {hasSku ? <th scope="col" className="py-2 pr-3">{d.sku}</th> : null}
              <th scope="col" className="py-2 pr-3">{d.description}</th>
              <th scope="col" className="py-2 pr-3 text-right">{d.quantity}</th>
              <th scope="col" className="py-2 pr-3 text-right">{d.unitPrice(inclusive)}</th>
              {hasDiscount ? <th scope="col" className="py-2 pr-3 text-right">{d.discount}</th> : null}
              <th scope="col" className="py-2 pr-3 text-right">{d.vatRate}</th>
              <th scope="col" className="py-2 text-right">{d.lineTotal(inclusive)}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {detail.lines.map((l) => (
              <tr key={l.id}>
                {hasSku ? <td className="tabular whitespace-nowrap py-2 pr-3 text-neutral-600">{l.sku ?? m.common.none}</td> : null}
                <td className="py-2 pr-3">{l.description}</td>
                <td className="tabular py-2 pr-3 text-right">{formatQuantity(l.quantity)}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-right">
                  <Money cents={l.unitPriceCents} />
                  {l.baseQuantity > 1 ? <span className="text-neutral-500"> / {formatQuantity(l.baseQuantity)}</span> : null}
                </td>
                {hasDiscount ? <td className="tabular py-2 pr-3 text-right">{l.discountBp > 0 ? formatRateBp(l.discountBp) : m.common.none}</td> : null}
                <td className="whitespace-nowrap py-2 pr-3 text-right">{formatRateBp(l.vatRateBp)}</td>
                <td className="py-2 text-right">
                  <Money cents={l.lineTotalCents} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {detail.adjustments.length ? (
        <div className="relative mt-4 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">{d.adjustments}</caption>
            <tbody className="divide-y divide-neutral-100">
              {detail.adjustments.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    {a.kind === 'charge' ? d.charge : d.allowance} — {a.reason}
                  </th>
                  <td className="whitespace-nowrap py-2 pr-3 text-right">{rateLabel(a.vatRateBp, a.vatCategory)}</td>
                  <td className="py-2 text-right">
                    <Money cents={a.kind === 'allowance' ? -a.amountCents : a.amountCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="mb-1 text-left text-xs font-medium uppercase tracking-wide text-neutral-500">{d.breakdown}</caption>
            <thead className="text-left text-xs text-neutral-500">
              <tr>
                <th scope="col" className="pr-4 font-normal">{d.rate}</th>
                <th scope="col" className="pr-4 text-right font-normal">{d.base}</th>
                <th scope="col" className="text-right font-normal">{d.vat}</th>
              </tr>
            </thead>
            <tbody>
              {inv.vatBreakdown.map((b) => (
                <tr key={`${b.category}-${b.vatRateBp}`}>
                  <th scope="row" className="pr-4 text-left font-normal">{rateLabel(b.vatRateBp, b.category)}</th>
                  <td className="pr-4 text-right">
                    <Money cents={b.taxableCents} />
                  </td>
                  <td className="text-right">
                    <Money cents={b.vatCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section aria-label={d.totals} className="md:justify-self-end">
          <dl className="min-w-64 space-y-1 text-sm">
            <div className="flex justify-between gap-8">
              <dt>{m.common.totalNet}</dt>
              <dd>
                <Money cents={inv.totalNetCents} />
              </dd>
            </div>
            <div className="flex justify-between gap-8">
              <dt>{m.common.totalVat}</dt>
              <dd>
                <Money cents={inv.totalVatCents} />
              </dd>
            </div>
            <div className="flex justify-between gap-8 border-t border-neutral-200 pt-1 text-base font-semibold">
              <dt>{m.common.totalGross}</dt>
              <dd data-testid="invoice-total-ttc">
                <Money cents={inv.totalGrossCents} />
              </dd>
            </div>
            {prepaid > 0 ? (
              <>
                <div className="flex justify-between gap-8">
                  <dt>{d.prepaid}</dt>
                  <dd>
                    <Money cents={prepaid} />
                  </dd>
                </div>
                <div className="flex justify-between gap-8 font-semibold">
                  <dt>{d.netToPay}</dt>
                  <dd>
                    <Money cents={inv.totalGrossCents - prepaid} />
                  </dd>
                </div>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      {inv.mentions.length ? (
        <section aria-label={d.mentions} className="mt-6">
          <ul className="space-y-0.5 text-xs text-neutral-700">
            {inv.mentions.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="invoice-payment-terms" className="mt-6 grid gap-4 border-t border-neutral-200 pt-4 text-sm md:grid-cols-2">
        <div>
          <h3 id="invoice-payment-terms" className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">
            {d.paymentTerms}
          </h3>
          <p>{inv.paymentTerms}</p>
          <p className="mt-1">
            {m.common.dueDate} : <DateTime value={inv.dueDate} withTime={false} />
          </p>
        </div>
        {!inclusive && inv.seller.iban ? (
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-neutral-500">{d.bank}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
              <dt className="text-neutral-600">{d.iban}</dt>
              <dd className="tabular break-all">{inv.seller.iban}</dd>
              {inv.seller.bic ? (
                <>
                  <dt className="text-neutral-600">{d.bic}</dt>
                  <dd className="tabular">{inv.seller.bic}</dd>
                </>
              ) : null}
              <dt className="text-neutral-600">{d.transferReference}</dt>
              <dd className="font-medium">{inv.number}</dd>
            </dl>
          </div>
        ) : null}
      </section>

      {inv.legalNotes.length ? (
        <section aria-label={d.legalNotes} className="mt-4">
          <ul className="space-y-0.5 text-xs text-neutral-600">
            {inv.legalNotes.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
