/**
 * What the identifier validators (VAT number, SIREN, SIRET) share.
 */

/**
 * Why an identifier is invalid, as a code the UI maps to a message:
 * - `empty`: nothing was typed;
 * - `unknown_country`: the prefix is not an EU member state;
 * - `greece_is_el`: Greek VAT numbers start with EL, not GR;
 * - `invalid_format`: wrong length or characters for that country (or for a SIREN/SIRET);
 * - `invalid_key`: the French VAT key does not match the SIREN;
 * - `invalid_checksum`: the SIREN or SIRET fails its check digit (Luhn, or La Poste's rule).
 */
export type IdentifierReason =
  | 'empty'
  | 'unknown_country'
  | 'greece_is_el'
  | 'invalid_format'
  | 'invalid_key'
  | 'invalid_checksum';

/** The result of a validator; `normalized` is the input without spaces, dots or dashes, upper-cased. */
export interface IdentifierResult<Country extends string | null> {
  valid: boolean;
  country: Country;
  normalized: string;
  reason?: IdentifierReason;
}

/** Strips whitespace (including no-break spaces), dots and dashes, and upper-cases. */
export function normalizeIdentifier(text: string): string {
  return text.replace(/[\s.\-\u2010-\u2015\u2212]/g, '').toUpperCase();
}
