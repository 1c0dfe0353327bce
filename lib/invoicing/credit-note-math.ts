import { formatRateBp } from '@/lib/money';
import { computeTaxes, type TaxMode, type Treatment } from '@/lib/tax';

/**
 * The pure part of a credit note: what may still be credited, and the amounts of a partial credit
 * computed by lib/tax in the invoice's mode and treatment. Crediting the last units of a line
 * credits exactly what remains of that line (so partial notes never add up to more than the line).
 */

export interface InvoicedLine {
  id: string;
  quantity: number;
  unitPriceCents: number;
  baseQuantity: number;
  discountBp: number;
  vatRateBp: number;
  lineTotalCents: number;
}

export interface CreditedSoFar {
  /** Per invoice line id: quantity and line total already credited. */
  byLine: Map<string, { quantity: number; lineTotalCents: number }>;
  /** Per VAT rate: HT and gross already credited. */
  byRate: Map<number, { netCents: number; grossCents: number }>;
  grossCents: number;
}

export interface InvoicedRate {
  vatRateBp: number;
  taxableCents: number;
  vatCents: number;
}

/** What earlier credit notes took per VAT rate, from their stored breakdowns: HT and TTC. */
export function creditedByRate(notes: readonly { breakdown: readonly { vatRateBp: number; taxableCents: number; vatCents: number }[] }[]): Map<number, { netCents: number; grossCents: number }> {
  const byRate = new Map<number, { netCents: number; grossCents: number }>();
  for (const n of notes) {
    for (const b of n.breakdown) {
      const cur = byRate.get(b.vatRateBp) ?? { netCents: 0, grossCents: 0 };
      byRate.set(b.vatRateBp, { netCents: cur.netCents + b.taxableCents, grossCents: cur.grossCents + b.taxableCents + b.vatCents });
    }
  }
  return byRate;
}

export type CreditRequest =
  | { mode: 'lines'; lines: { invoiceLineId: string; quantity: number }[] }
  | { mode: 'amounts'; amounts: { vatRateBp: number; amountCents: number }[] };

export type CreditComputation =
  | {
      ok: true;
      lines: { invoiceLineId: string | null; vatRateBp: number; quantity: number; lineTotalCents: number; netCents: number; category: string }[];
      breakdown: { vatRateBp: number; category: 'S' | 'Z' | 'K' | 'AE' | 'G'; taxableCents: number; vatCents: number }[];
      totalNetCents: number;
      totalVatCents: number;
      totalGrossCents: number;
      mentions: string[];
    }
  | { ok: false; error: string };

const thousandths = (q: number) => Math.round(q * 1000);

/** The total lib/tax gives a line of the invoice for `quantity` units (in the invoice's mode). */
function lineTotalOf(invoice: { mode: TaxMode; treatment: Treatment }, line: InvoicedLine, quantity: number): number {
  const r = computeTaxes({
    mode: invoice.mode,
    treatment: invoice.treatment,
    lines: [{ quantity, unitPriceCents: line.unitPriceCents, baseQuantity: line.baseQuantity, discountBp: line.discountBp, vatRateBp: line.vatRateBp }],
  });
  return r.lines[0]!.lineTotalCents;
}

export function computeCredit(
  invoice: { mode: TaxMode; treatment: Treatment; grossCents: number; lines: readonly InvoicedLine[]; rates: readonly InvoicedRate[] },
  done: CreditedSoFar,
  request: CreditRequest,
): CreditComputation {
  const taxLines: { quantity: number; unitPriceCents: number; baseQuantity: number; discountBp: number; vatRateBp: number }[] = [];
  const refs: { invoiceLineId: string | null; quantity: number }[] = [];
  if (request.mode === 'lines') {
    if (request.lines.length === 0) return { ok: false, error: 'Choisissez au moins une ligne à créditer.' };
    const seen = new Set<string>();
    for (const r of request.lines) {
      const line = invoice.lines.find((l) => l.id === r.invoiceLineId);
      if (!line || seen.has(r.invoiceLineId)) return { ok: false, error: 'Ligne de facture introuvable.' };
      seen.add(r.invoiceLineId);
      const already = done.byLine.get(line.id) ?? { quantity: 0, lineTotalCents: 0 };
      const left = thousandths(line.quantity) - thousandths(already.quantity);
      const asked = thousandths(r.quantity);
      if (asked <= 0) return { ok: false, error: 'Quantité à créditer invalide.' };
      if (asked > left) return { ok: false, error: `Il ne reste que ${String(left / 1000).replace('.', ',')} à créditer sur cette ligne.` };
      // What the line is worth once `already + asked` units are credited, minus what was credited:
      // partial notes then add up exactly to the line, and the last units credit its last cent.
      const cumulative = asked === left ? line.lineTotalCents : lineTotalOf(invoice, line, (thousandths(already.quantity) + asked) / 1000);
      const amount = cumulative - already.lineTotalCents;
      if (amount <= 0) return { ok: false, error: 'Cette quantité représente moins d’un centime : créditez-en davantage.' };
      taxLines.push({ quantity: 1, unitPriceCents: amount, baseQuantity: 1, discountBp: 0, vatRateBp: line.vatRateBp });
      refs.push({ invoiceLineId: line.id, quantity: r.quantity });
    }
  } else {
    if (request.amounts.length === 0) return { ok: false, error: 'Indiquez au moins un montant.' };
    for (const a of request.amounts) {
      if (!invoice.rates.some((r) => r.vatRateBp === a.vatRateBp)) return { ok: false, error: 'Ce taux de TVA ne figure pas sur la facture.' };
      if (!Number.isSafeInteger(a.amountCents) || a.amountCents <= 0) return { ok: false, error: 'Montant à créditer invalide.' };
      taxLines.push({ quantity: 1, unitPriceCents: a.amountCents, baseQuantity: 1, discountBp: 0, vatRateBp: a.vatRateBp });
      refs.push({ invoiceLineId: null, quantity: 1 });
    }
  }
  const tax = computeTaxes({ mode: invoice.mode, treatment: invoice.treatment, lines: taxLines });
  if (tax.totalGrossCents <= 0) return { ok: false, error: 'Le montant de cet avoir serait nul.' };
  for (const b of tax.breakdown) {
    const rate = invoice.rates.find((r) => r.vatRateBp === b.vatRateBp);
    const before = done.byRate.get(b.vatRateBp) ?? { netCents: 0, grossCents: 0 };
    if (!rate) return { ok: false, error: 'Ce taux de TVA ne figure pas sur la facture.' };
    if (before.netCents + b.taxableCents > rate.taxableCents || before.grossCents + b.taxableCents + b.vatCents > rate.taxableCents + rate.vatCents) {
      return { ok: false, error: `Cet avoir dépasse ce qui reste à créditer au taux de ${formatRateBp(b.vatRateBp)}.` };
    }
    // Each note's VAT is its own base × rate (BR-CO-17); rounded note by note it could add up to
    // more than the invoice charged on the rate: refused rather than giving back VAT never paid.
    if (before.grossCents - before.netCents + b.vatCents > rate.vatCents) {
      return { ok: false, error: `Avec les arrondis des avoirs précédents, cet avoir rendrait plus de TVA à ${formatRateBp(b.vatRateBp)} que la facture n’en porte : réduisez-le d’un centime.` };
    }
  }
  if (done.grossCents + tax.totalGrossCents > invoice.grossCents) return { ok: false, error: 'Cet avoir dépasse ce qui reste à créditer sur la facture.' };
  return {
    ok: true,
    lines: tax.lines.map((l, i) => ({ invoiceLineId: refs[i]!.invoiceLineId, vatRateBp: l.vatRateBp, quantity: refs[i]!.quantity, lineTotalCents: l.lineTotalCents, netCents: l.netCents, category: l.category })),
    breakdown: tax.breakdown,
    totalNetCents: tax.totalNetCents,
    totalVatCents: tax.totalVatCents,
    totalGrossCents: tax.totalGrossCents,
    mentions: tax.mentions,
  };
}
