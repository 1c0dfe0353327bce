/** Machine-readable reason of a `TaxInputError`. */
export type TaxInputErrorCode =
  | 'invalid_input'
  | 'no_lines'
  | 'not_a_number'
  | 'not_an_integer'
  | 'negative'
  | 'too_large'
  | 'quantity_not_positive'
  | 'quantity_precision'
  | 'base_quantity'
  | 'discount_out_of_range'
  | 'rate_out_of_range'
  | 'unknown_mode'
  | 'unknown_treatment'
  | 'treatment_requires_tax_exclusive'
  | 'allowances_exceed_amount';

/**
 * Thrown by `computeTaxes` on input it cannot compute exactly. Callers validate user input
 * beforehand, so reaching this is a bug in the caller; `code` and `path` say which value is wrong.
 */
export class TaxInputError extends Error {
  override readonly name = 'TaxInputError';

  constructor(
    readonly code: TaxInputErrorCode,
    message: string,
    /** Where the bad value is, e.g. `lines[2].quantity`. */
    readonly path?: string,
  ) {
    super(message);
  }
}
