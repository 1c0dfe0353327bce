/**
 * SIREN (9 digits) and SIRET (SIREN + 5-digit establishment number), checked with Luhn.
 */
import { normalizeIdentifier, type IdentifierReason, type IdentifierResult } from './identifier';
import { passesLuhn } from './luhn';


/** The result of validateSiren / validateSiret (the country is always France). */
export type SirenResult = IdentifierResult<'FR'>;

/** La Poste's SIREN: its establishments' SIRETs use a different check (see validateSiret). */
const LA_POSTE_SIREN = '356000000';
/** La Poste's head office, whose SIRET follows the ordinary Luhn rule. */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

function result(normalized: string, reason?: IdentifierReason): SirenResult {
  return reason === undefined
    ? { valid: true, country: 'FR', normalized }
    : { valid: false, country: 'FR', normalized, reason };
}

/** Validates a SIREN: 9 digits (spaces, dots, dashes ignored) passing the Luhn check. */
export function validateSiren(text: string): SirenResult {
  const normalized = normalizeIdentifier(text);
  if (normalized === '') return result(normalized, 'empty');
  if (!/^\d{9}$/.test(normalized)) return result(normalized, 'invalid_format');
  return result(normalized, passesLuhn(normalized) ? undefined : 'invalid_checksum');
}

/**
 * Validates a SIRET: 14 digits passing Luhn. Exception: La Poste's establishments (SIREN
 * 356000000) are numbered beyond what Luhn allows, so INSEE checks them by the sum of their digits
 * being a multiple of 5 — except the head office, 356 000 000 00048, which passes Luhn.
 */
export function validateSiret(text: string): SirenResult {
  const normalized = normalizeIdentifier(text);
  if (normalized === '') return result(normalized, 'empty');
  if (!/^\d{14}$/.test(normalized)) return result(normalized, 'invalid_format');
  let ok: boolean;
  if (normalized.startsWith(LA_POSTE_SIREN) && normalized !== LA_POSTE_HEAD_OFFICE) {
    let sum = 0;
    for (let i = 0; i < normalized.length; i++) sum += normalized.charCodeAt(i) - 48;
    ok = sum % 5 === 0;
  } else {
    ok = passesLuhn(normalized);
  }
  return result(normalized, ok ? undefined : 'invalid_checksum');
}
