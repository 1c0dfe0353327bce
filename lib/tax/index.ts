/**
 * lib/tax — the pure VAT engine of Comptoir (spec/tax.md). No I/O, no framework import.
 */

/** Computes a document's lines, per-rate VAT and totals exactly to the cent. */
export { computeTaxes } from './compute-taxes';
/** Thrown by `computeTaxes` on invalid input, with a `code` and the `path` of the bad value. */
export { TaxInputError, type TaxInputErrorCode } from './errors';
/** Checks an EU VAT number's format (and, for France, its key and SIREN); lists the 27 prefixes. */
export { validateVatNumber, EU_VAT_COUNTRIES, type EuVatCountry, type VatNumberResult } from './vat-number';
/** Checks a SIREN (9 digits, Luhn) or a SIRET (14 digits, Luhn; La Poste's rule). */
export { validateSiren, validateSiret, type SirenResult } from './siren';
/** Why an identifier is invalid (a code for the UI's messages) and the validators' result shape. */
export type { IdentifierReason, IdentifierResult } from './identifier';
/** The types of the engine's input and output. */
export type {
  TaxAdjustmentInput,
  TaxAdjustmentResult,
  TaxBreakdownEntry,
  TaxInput,
  TaxLineInput,
  TaxLineResult,
  TaxMode,
  TaxResult,
  Treatment,
  VatCategory,
} from './types';
