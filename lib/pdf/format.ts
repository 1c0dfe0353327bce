/**
 * Pure French formatting of what a commercial document prints besides amounts and rates (those come
 * from lib/money): calendar dates, quantities, unit prices per base quantity, addresses.
 */
import { formatMoney } from '@/lib/money';
import type { DocumentAddress } from '@/lib/documents/types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date `YYYY-MM-DD` (already a Europe/Paris day, so no time zone is involved)
 * as `JJ/MM/AAAA`. Throws a RangeError on anything else, or on a day that does not exist
 * (`2026-02-30`): a stored document with such a date is a bug.
 */
export function formatDateFr(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  const [, year = '', month = '', day = ''] = match;
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (probe.getUTCFullYear() !== Number(year) || probe.getUTCMonth() !== Number(month) - 1 || probe.getUTCDate() !== Number(day)) {
    throw new RangeError(`No such day: ${isoDate}`);
  }
  return `${day}/${month}/${year}`;
}

const QUANTITY = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3, useGrouping: true });

/**
 * Formats a quantity as fr-FR prints it: up to 3 decimals after a comma, no trailing zeros,
 * thousands grouped (`2`, `1,5`, `0,125`, `1 200`). Throws a RangeError on a non-finite number.
 */
export function formatQuantity(quantity: number): string {
  if (!Number.isFinite(quantity)) throw new RangeError(`Not a quantity: ${quantity}`);
  return QUANTITY.format(quantity);
}

/**
 * A unit price as printed in the lines table: `formatMoney(cents)`, followed by `/ N` when the
 * price is for N units (`12,50 € / 100`).
 */
export function formatUnitPrice(unitPriceCents: number, baseQuantity: number): string {
  const price = formatMoney(unitPriceCents);
  return baseQuantity > 1 ? `${price} / ${formatQuantity(baseQuantity)}` : price;
}

const REGION = new Intl.DisplayNames(['fr'], { type: 'region' });

/** The French name of an ISO 3166-1 alpha-2 country (`DE` → `Allemagne`), or the code itself. */
export function countryName(code: string): string {
  try {
    return REGION.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * The lines of a postal address: line 1, line 2 if any, `postal code city`, and the country's
 * name unless it is `homeCountry` (the seller's: a French invoice does not print "France" for a
 * French buyer, but an intra-EU one does print "Allemagne").
 */
export function formatAddressLines(address: DocumentAddress, homeCountry: string): string[] {
  const lines = [address.line1];
  if (address.line2 != null && address.line2.trim() !== '') lines.push(address.line2);
  lines.push(`${address.postalCode} ${address.city}`.trim());
  if (address.country.toUpperCase() !== homeCountry.toUpperCase()) lines.push(countryName(address.country));
  return lines;
}
