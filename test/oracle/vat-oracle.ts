/**
 * Independent reference implementation ("oracle") of the VAT-number, SIREN and SIRET checks of
 * spec/tax.md ("VAT numbers"), for differential testing of lib/tax.
 *
 * The spec fixes: normalisation (spaces, dots, dashes, case), a format check for each of the 27 EU
 * member states (Greece is EL), and for France the key kk = (12 + 3 × (SIREN mod 97)) mod 97 when kk
 * is two digits, plus the Luhn check of the SIREN. It does not spell out each state's format, so the
 * oracle carries three levels:
 *  - STRICT formats: numbers every reasonable reading of "the format" accepts (VIES's published
 *    shapes, restricted where implementations commonly differ: e.g. leading digit not 0 where some
 *    implementations require it, BE starting with 0, IE old 8-character form).
 *  - NATURAL formats (what `oracleValidateVatNumber` uses): the VIES published shapes.
 *  - LENIENT formats: a superset of every reasonable reading; anything outside must be rejected.
 * `oracleVatVerdict` says 'valid' (strict accepts), 'invalid' (lenient rejects) or 'ambiguous'.
 *
 * Interpretations:
 *  - Normalisation removes whitespace, '.' and '-', and upper-cases. The country is the 2-letter
 *    prefix of the normalised text (EL for Greece). A GR or XI prefix is 'ambiguous' (some readers
 *    may map GR to EL or accept Northern Ireland's XI); any other non-member prefix is invalid.
 *  - France: FR + 2-character key + 9-digit SIREN. With a two-digit key, both the key formula and
 *    the SIREN's Luhn check must hold. With a key containing a letter ("format-checked only"), the
 *    natural reading checks the format ([0-9A-Z] minus I and O) *and* the SIREN's Luhn; whether the
 *    Luhn check applies to letter keys is ambiguous, so letter-key numbers are 'valid' in the verdict
 *    only when the SIREN passes Luhn and the key avoids I/O, and 'ambiguous' otherwise (when the
 *    lenient format holds).
 *  - SIRET: 14 digits passing Luhn. Whether the embedded SIREN must also pass Luhn is ambiguous
 *    (natural reading: no); La Poste's SIRET exception is not implemented by the natural reading, and
 *    SIRETs of SIREN 356000000 are 'ambiguous' in the verdict.
 */

export interface OracleVatResult {
  valid: boolean;
  country: string | null;
  normalized: string;
  reason?: string;
}

export type OracleVerdict = 'valid' | 'invalid' | 'ambiguous';

export const EU_MEMBER_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;
export type EuPrefix = (typeof EU_MEMBER_PREFIXES)[number];

/** Strip whitespace, dots and dashes; upper-case. */
export function oracleNormalize(text: string): string {
  return text.replace(/[\s.\-]/g, '').toUpperCase();
}

/** Luhn check over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // position counted from the right, starting at 1; every second one is doubled
    const fromRight = digits.length - i;
    let d = Number(digits[i]);
    if (fromRight % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The French VAT key of a SIREN (0..96). */
export function frenchKey(siren: string): number {
  return (12 + 3 * Number(BigInt(siren) % 97n)) % 97;
}

/** Body formats after the 2-letter prefix. */
const NATURAL: Record<Exclude<EuPrefix, 'FR'>, RegExp> = {
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
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d[A-Z0-9+*]\d{5}[A-Z]|\d{7}[A-W][A-I]?)$/,
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
};

const STRICT: Record<Exclude<EuPrefix, 'FR'>, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^0\d{9}$/,
  BG: /^[1-9]\d{8,9}$/,
  CY: /^[013459]\d{7}[A-Z]$/,
  CZ: /^[1-9]\d{7,9}$/,
  DE: /^[1-9]\d{8}$/,
  DK: /^[1-9]\d{7}$/,
  EE: /^10\d{7}$/,
  EL: /^\d{9}$/,
  ES: /^(?:[ABCDEFGHJUV]\d{8}|\d{8}[TRWAGMYFPDXBNJZSQVHLCKE])$/,
  FI: /^\d{8}$/,
  HR: /^\d{11}$/,
  HU: /^[1-9]\d{7}$/,
  IE: /^[1-9]\d{6}[A-W]$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^[1-9]\d{7}$/,
  LV: /^\d{11}$/,
  MT: /^[1-9]\d{7}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^[1-9]\d{9}$/,
  PT: /^[1-9]\d{8}$/,
  RO: /^[1-9]\d{1,9}$/,
  SE: /^\d{10}01$/,
  SI: /^[1-9]\d{7}$/,
  SK: /^[1-9]\d{9}$/,
};

const LENIENT: Record<Exclude<EuPrefix, 'FR'>, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^\d{9,10}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{8,9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d[A-Z0-9+*]\d{5}[A-Z]{1,2}|\d{7}[A-Z]{1,2})$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^[0-9A-Z]{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
};

function isMember(prefix: string): prefix is EuPrefix {
  return (EU_MEMBER_PREFIXES as readonly string[]).includes(prefix);
}

/** French body check, per level. */
function frenchBody(body: string, level: 'strict' | 'natural' | 'lenient'): boolean {
  if (level === 'lenient') {
    if (!/^[0-9A-Z]{2}\d{9}$/.test(body)) return false;
  } else if (!/^[0-9A-HJ-NP-Z]{2}\d{9}$/.test(body)) return false;
  const key = body.slice(0, 2);
  const siren = body.slice(2);
  if (/^\d{2}$/.test(key)) {
    // decided by the spec at every level
    return Number(key) === frenchKey(siren) && luhnValid(siren);
  }
  if (level === 'lenient') return true;
  return luhnValid(siren);
}

/** Reference `validateVatNumber` (the "natural" reading). */
export function oracleValidateVatNumber(text: string): OracleVatResult {
  const normalized = oracleNormalize(text);
  const prefix = normalized.slice(0, 2);
  const body = normalized.slice(2);
  if (!/^[A-Z]{2}$/.test(prefix) || !isMember(prefix)) {
    return { valid: false, country: null, normalized, reason: 'unknown or missing country prefix' };
  }
  const ok = prefix === 'FR' ? frenchBody(body, 'natural') : NATURAL[prefix].test(body);
  return ok
    ? { valid: true, country: prefix, normalized }
    : { valid: false, country: prefix, normalized, reason: `not a valid ${prefix} VAT number` };
}

/** Which verdict every reasonable reading of the spec agrees on, if any. */
export function oracleVatVerdict(text: string): OracleVerdict {
  const normalized = oracleNormalize(text);
  const prefix = normalized.slice(0, 2);
  const body = normalized.slice(2);
  if (prefix === 'GR' || prefix === 'XI') return 'ambiguous';
  if (!/^[A-Z]{2}$/.test(prefix) || !isMember(prefix)) return 'invalid';
  if (prefix === 'FR') {
    if (frenchBody(body, 'strict')) return 'valid';
    if (!frenchBody(body, 'lenient')) return 'invalid';
    return 'ambiguous';
  }
  if (STRICT[prefix].test(body)) return 'valid';
  if (!LENIENT[prefix].test(body)) return 'invalid';
  return 'ambiguous';
}

/** Reference `validateSiren`: 9 digits passing Luhn. */
export function oracleValidateSiren(text: string): OracleVatResult {
  const normalized = oracleNormalize(text);
  if (!/^\d{9}$/.test(normalized)) return { valid: false, country: 'FR', normalized, reason: 'a SIREN has 9 digits' };
  if (!luhnValid(normalized)) return { valid: false, country: 'FR', normalized, reason: 'SIREN check digit is wrong' };
  return { valid: true, country: 'FR', normalized };
}

/** Reference `validateSiret` (natural reading): 14 digits passing Luhn. */
export function oracleValidateSiret(text: string): OracleVatResult {
  const normalized = oracleNormalize(text);
  if (!/^\d{14}$/.test(normalized)) return { valid: false, country: 'FR', normalized, reason: 'a SIRET has 14 digits' };
  if (!luhnValid(normalized)) return { valid: false, country: 'FR', normalized, reason: 'SIRET check digit is wrong' };
  return { valid: true, country: 'FR', normalized };
}

/**
 * SIRET verdict: 'ambiguous' when the SIRET passes Luhn but its SIREN does not, and for La Poste's
 * SIREN 356000000 (whose establishments follow another rule some implementations know about).
 */
export function oracleSiretVerdict(text: string): OracleVerdict {
  const n = oracleNormalize(text);
  if (/^356000000\d{5}$/.test(n)) return 'ambiguous';
  if (!/^\d{14}$/.test(n) || !luhnValid(n)) return 'invalid';
  return luhnValid(n.slice(0, 9)) ? 'valid' : 'ambiguous';
}

/** Complete 8 digits into a Luhn-valid 9-digit SIREN. */
export function completeSiren(eightDigits: string): string {
  for (let c = 0; c <= 9; c++) {
    const s = eightDigits + String(c);
    if (luhnValid(s)) return s;
  }
  throw new Error('unreachable');
}

/** The French VAT number of a SIREN with the numeric key. */
export function frenchVatNumber(siren: string): string {
  return `FR${String(frenchKey(siren)).padStart(2, '0')}${siren}`;
}
