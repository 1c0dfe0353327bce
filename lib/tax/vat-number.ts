/**
 * EU VAT numbers: format of the 27 member states, and the French key.
 * Other states' check digits are left to VIES, which also tells whether a number is active.
 */
import { normalizeIdentifier, type IdentifierResult } from './identifier';
import { passesLuhn } from './luhn';

/**
 * The body after the prefix, per member state (the formats VIES publishes). Greece is EL.
 */
const FORMATS = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
  FI: /^\d{8}$/,
  // Key: two digits, or (newer numbers) letters and digits without I and O.
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^[1-9]\d{1,9}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
} as const satisfies Record<string, RegExp>;

/** The VAT prefix of an EU member state (Greece is EL). */
export type EuVatCountry = keyof typeof FORMATS;

/** The 27 EU VAT prefixes, alphabetical. */
export const EU_VAT_COUNTRIES = Object.keys(FORMATS) as EuVatCountry[];

/** The result of validateVatNumber; `country` is null when the prefix is not an EU member state. */
export type VatNumberResult = IdentifierResult<EuVatCountry | null>;

function isEuVatCountry(prefix: string): prefix is EuVatCountry {
  return Object.hasOwn(FORMATS, prefix);
}

/** The French key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return key < 10 ? `0${key}` : String(key);
}

/**
 * Validates an EU VAT number after normalising it (spaces, dots, dashes, case): the prefix must be
 * one of the 27 member states and the body its format. For France with a two-digit key, the SIREN
 * must pass Luhn and the key must be (12 + 3 × (SIREN mod 97)) mod 97; keys with letters (numbers
 * issued to entities without a SIREN) are checked for format only. A valid result does not prove
 * the number is active: VIES does, online.
 */
export function validateVatNumber(text: string): VatNumberResult {
  const normalized = normalizeIdentifier(text);
  if (normalized === '') return { valid: false, country: null, normalized, reason: 'empty' };
  const prefix = normalized.slice(0, 2);
  if (!isEuVatCountry(prefix)) {
    const reason = prefix === 'GR' ? 'greece_is_el' : 'unknown_country';
    return { valid: false, country: null, normalized, reason };
  }
  const body = normalized.slice(2);
  if (!FORMATS[prefix].test(body)) return { valid: false, country: prefix, normalized, reason: 'invalid_format' };
  if (prefix === 'FR' && /^\d\d/.test(body)) {
    const siren = body.slice(2);
    if (!passesLuhn(siren)) return { valid: false, country: prefix, normalized, reason: 'invalid_checksum' };
    if (body.slice(0, 2) !== frenchVatKey(siren)) {
      return { valid: false, country: prefix, normalized, reason: 'invalid_key' };
    }
  }
  return { valid: true, country: prefix, normalized };
}
