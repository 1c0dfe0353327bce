import { describe, expect, it } from 'vitest';
import { computeTaxes } from './compute-taxes';
import { TaxInputError, type TaxInputErrorCode } from './errors';
import type { TaxInput } from './types';

const ok = { quantity: 1, unitPriceCents: 100, vatRateBp: 2000 };
const doc = (patch: Record<string, unknown>): TaxInput => ({ mode: 'tax_exclusive', lines: [ok], ...patch }) as TaxInput;
const withLine = (patch: Record<string, unknown>): TaxInput => doc({ lines: [ok, { ...ok, ...patch }] });

describe('computeTaxes — invalid input throws a TaxInputError naming the value', () => {
  it.each([
    // [case, input, code, path, message]
    ['not an object', null, 'invalid_input', undefined, /^computeTaxes expects an object \{ mode, lines, … \}$/],
    ['a string', 'doc', 'invalid_input', undefined, /^computeTaxes expects an object/],
    ['no line', doc({ lines: [] }), 'no_lines', 'lines', /^lines must be a non-empty array: a document has at least one line$/],
    ['lines not an array', doc({ lines: 'x' }), 'no_lines', 'lines', /^lines must be a non-empty array/],
    ['lines missing', { mode: 'tax_exclusive' }, 'no_lines', 'lines', /^lines must be a non-empty array/],
    ['a line not an object', doc({ lines: [ok, 3] }), 'invalid_input', 'lines[1]', /^lines\[1\] must be an object, got 3$/],
    ['a null line', doc({ lines: [null] }), 'invalid_input', 'lines[0]', /^lines\[0\] must be an object, got null$/],
    ['unknown mode', doc({ mode: 'ttc' }), 'unknown_mode', 'mode', /^mode must be 'tax_inclusive' or 'tax_exclusive', got "ttc"$/],
    ['missing mode', { lines: [ok] }, 'unknown_mode', 'mode', /got undefined$/],
    ['unknown treatment', doc({ treatment: 'eu' }), 'unknown_treatment', 'treatment', /^treatment must be 'domestic', 'intra_eu_goods', 'reverse_charge' or 'export', got "eu"$/],
    ['null treatment', doc({ treatment: null }), 'unknown_treatment', 'treatment', /got null$/],
    ['export in tax-inclusive', doc({ mode: 'tax_inclusive', treatment: 'export' }), 'treatment_requires_tax_exclusive', 'treatment', /^treatment 'export' applies to business customers only: use mode 'tax_exclusive'$/],
    ['intra-EU in tax-inclusive', doc({ mode: 'tax_inclusive', treatment: 'intra_eu_goods' }), 'treatment_requires_tax_exclusive', 'treatment', /intra_eu_goods/],
    ['reverse charge in tax-inclusive', doc({ mode: 'tax_inclusive', treatment: 'reverse_charge' }), 'treatment_requires_tax_exclusive', 'treatment', /reverse_charge/],
    ['zero quantity', withLine({ quantity: 0 }), 'quantity_not_positive', 'lines[1].quantity', /^lines\[1\]\.quantity must be greater than 0, got 0$/],
    ['negative quantity', withLine({ quantity: -2 }), 'quantity_not_positive', 'lines[1].quantity', /got -2$/],
    ['quantity with 4 decimals', withLine({ quantity: 1.0005 }), 'quantity_precision', 'lines[1].quantity', /^lines\[1\]\.quantity must have at most 3 decimals, got 1\.0005$/],
    ['quantity below a thousandth', withLine({ quantity: 0.0004 }), 'quantity_precision', 'lines[1].quantity', /at most 3 decimals/],
    ['quantity of float noise', withLine({ quantity: 0.1 + 0.2 }), 'quantity_precision', 'lines[1].quantity', /at most 3 decimals, got 0\.30000000000000004$/],
    ['huge quantity', withLine({ quantity: 1e13 }), 'too_large', 'lines[1].quantity', /^lines\[1\]\.quantity is too large to be computed exactly, got 10000000000000$/],
    ['NaN quantity', withLine({ quantity: Number.NaN }), 'not_a_number', 'lines[1].quantity', /^lines\[1\]\.quantity must be a finite number, got NaN$/],
    ['infinite quantity', withLine({ quantity: Infinity }), 'not_a_number', 'lines[1].quantity', /got Infinity$/],
    ['string quantity', withLine({ quantity: '2' }), 'not_a_number', 'lines[1].quantity', /got "2"$/],
    ['fractional price', withLine({ unitPriceCents: 12.5 }), 'not_an_integer', 'lines[1].unitPriceCents', /^lines\[1\]\.unitPriceCents must be an integer number of cents, got 12\.5$/],
    ['negative price', withLine({ unitPriceCents: -1 }), 'negative', 'lines[1].unitPriceCents', /^lines\[1\]\.unitPriceCents must not be negative, got -1$/],
    ['unsafe price', withLine({ unitPriceCents: 2 ** 53 }), 'too_large', 'lines[1].unitPriceCents', /^lines\[1\]\.unitPriceCents is too large to be computed exactly, got 9007199254740992$/],
    ['missing price', withLine({ unitPriceCents: undefined }), 'not_a_number', 'lines[1].unitPriceCents', /must be a finite number, got undefined$/],
    ['NaN price', withLine({ unitPriceCents: Number.NaN }), 'not_a_number', 'lines[1].unitPriceCents', /got NaN$/],
    ['discount below 0', withLine({ discountBp: -1 }), 'discount_out_of_range', 'lines[1].discountBp', /^lines\[1\]\.discountBp must be an integer number of basis points from 0 to 10000 \(500 = 5 %\), got -1$/],
    ['discount above 10000', withLine({ discountBp: 10001 }), 'discount_out_of_range', 'lines[1].discountBp', /got 10001$/],
    ['fractional discount', withLine({ discountBp: 2.5 }), 'discount_out_of_range', 'lines[1].discountBp', /got 2\.5$/],
    ['string discount', withLine({ discountBp: '5' }), 'not_a_number', 'lines[1].discountBp', /^lines\[1\]\.discountBp must be a finite number, got "5"$/],
    ['rate below 0', withLine({ vatRateBp: -1 }), 'rate_out_of_range', 'lines[1].vatRateBp', /^lines\[1\]\.vatRateBp must be an integer number of basis points from 0 to 10000 \(2000 = 20 %\), got -1$/],
    ['rate above 10000', withLine({ vatRateBp: 10001 }), 'rate_out_of_range', 'lines[1].vatRateBp', /got 10001$/],
    ['fractional rate', withLine({ vatRateBp: 19.6 }), 'rate_out_of_range', 'lines[1].vatRateBp', /got 19\.6$/],
    ['missing rate', withLine({ vatRateBp: undefined }), 'not_a_number', 'lines[1].vatRateBp', /^lines\[1\]\.vatRateBp must be a finite number, got undefined$/],
    ['base quantity 0', withLine({ baseQuantity: 0 }), 'base_quantity', 'lines[1].baseQuantity', /^lines\[1\]\.baseQuantity must be a positive integer, got 0$/],
    ['fractional base quantity', withLine({ baseQuantity: 2.5 }), 'base_quantity', 'lines[1].baseQuantity', /got 2\.5$/],
    ['unsafe base quantity', withLine({ baseQuantity: 2 ** 53 }), 'base_quantity', 'lines[1].baseQuantity', /got 9007199254740992$/],
    ['NaN base quantity', withLine({ baseQuantity: Number.NaN }), 'not_a_number', 'lines[1].baseQuantity', /^lines\[1\]\.baseQuantity must be a finite number, got NaN$/],
    ['charges not an array', doc({ charges: {} }), 'invalid_input', 'charges', /^charges must be an array when given, got \[object Object\]$/],
    ['allowances not an array', doc({ allowances: 5 }), 'invalid_input', 'allowances', /^allowances must be an array when given, got 5$/],
    ['a charge not an object', doc({ charges: [{ amountCents: 1 }, 'x'] }), 'invalid_input', 'charges[1]', /^charges\[1\] must be an object, got "x"$/],
    ['an allowance null', doc({ allowances: [null] }), 'invalid_input', 'allowances[0]', /^allowances\[0\] must be an object, got null$/],
    ['negative charge', doc({ charges: [{ amountCents: -5 }] }), 'negative', 'charges[0].amountCents', /^charges\[0\]\.amountCents must not be negative, got -5$/],
    ['fractional allowance', doc({ allowances: [{ amountCents: 0.5 }] }), 'not_an_integer', 'allowances[0].amountCents', /^allowances\[0\]\.amountCents must be an integer number of cents, got 0\.5$/],
    ['charge rate out of range', doc({ charges: [{ amountCents: 1, vatRateBp: 20000 }] }), 'rate_out_of_range', 'charges[0].vatRateBp', /^charges\[0\]\.vatRateBp must be an integer/],
    ['allowance rate out of range', doc({ allowances: [{ amountCents: 1, vatRateBp: -1 }] }), 'rate_out_of_range', 'allowances[0].vatRateBp', /^allowances\[0\]\.vatRateBp/],
    ['charge reason not a string', doc({ charges: [{ amountCents: 1, reason: 5 }] }), 'invalid_input', 'charges[0].reason', /^charges\[0\]\.reason must be a string when given, got 5$/],
    ['allowance reason not a string', doc({ allowances: [{ amountCents: 1, reason: null }] }), 'invalid_input', 'allowances[0].reason', /^allowances\[0\]\.reason must be a string when given, got null$/],
    ['allowance beyond its rate', doc({ allowances: [{ amountCents: 101, vatRateBp: 2000 }] }), 'allowances_exceed_amount', 'allowances', /^allowances at rate 2000 bp \(101 cents\) exceed the lines and charges at that rate \(100 cents\)$/],
    ['allowance on a rate without lines', doc({ allowances: [{ amountCents: 1, vatRateBp: 550 }] }), 'allowances_exceed_amount', 'allowances', /^allowances at rate 550 bp \(1 cents\) exceed the lines and charges at that rate \(0 cents\)$/],
    ['unrated allowance beyond the document', doc({ allowances: [{ amountCents: 101 }] }), 'allowances_exceed_amount', 'allowances', /\(101 cents\) exceed .* \(100 cents\)$/],
    ['line total beyond exact range', withLine({ quantity: 2, unitPriceCents: 2 ** 53 - 1 }), 'too_large', 'lines[1]', /^lines\[1\] total is too large to be computed exactly$/],
    ['sum of lines beyond exact range', doc({ lines: [{ ...ok, unitPriceCents: 2 ** 53 - 1 }, { ...ok, unitPriceCents: 2 ** 53 - 1, vatRateBp: 550 }] }), 'too_large', undefined, /^The sum of the line totals is too large to be computed exactly$/],
    ['charges beyond exact range', doc({ charges: [{ amountCents: 2 ** 53 - 1, vatRateBp: 550 }, { amountCents: 2 ** 53 - 1, vatRateBp: 550 }] }), 'too_large', undefined, /^The amount at rate 550 is too large to be computed exactly$/],
    ['lines and charges beyond exact range', doc({ charges: [{ amountCents: 2 ** 53 - 1, vatRateBp: 2000 }] }), 'too_large', undefined, /^The amount at rate 2000 is too large/],
    ['allowances beyond exact range', doc({ lines: [{ ...ok, unitPriceCents: 2 ** 53 - 1 }], allowances: [{ amountCents: 2 ** 53 - 1, vatRateBp: 2000 }, { amountCents: 2 ** 53 - 1, vatRateBp: 2000 }] }), 'too_large', undefined, /^The amount at rate 2000 is too large/],
    ['gross beyond exact range', doc({ lines: [{ ...ok, unitPriceCents: 2 ** 53 - 1 }] }), 'too_large', undefined, /^The document total is too large to be computed exactly$/],
  ] as [string, unknown, TaxInputErrorCode, string | undefined, RegExp][])('%s', (_case, input, code, path, message) => {
    let error: unknown;
    try {
      computeTaxes(input as TaxInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TaxInputError);
    expect(error).toBeInstanceOf(Error);
    const e = error as TaxInputError;
    expect(e.name).toBe('TaxInputError');
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
  });

  it('accepts the boundaries', () => {
    expect(() =>
      computeTaxes(
        doc({
          lines: [
            { quantity: 0.001, unitPriceCents: 0, vatRateBp: 0, discountBp: 0, baseQuantity: 1 },
            { quantity: 1.005, unitPriceCents: 2 ** 52, vatRateBp: 10000, discountBp: 10000 },
          ],
          charges: [{ amountCents: 0, vatRateBp: 0 }, { amountCents: 0, vatRateBp: 10000, reason: '' }],
          allowances: [],
        }),
      ),
    ).not.toThrow();
    expect(computeTaxes(doc({ lines: [{ ...ok, unitPriceCents: 2 ** 53 - 1, vatRateBp: 0 }] })).totalGrossCents).toBe(
      2 ** 53 - 1,
    );
  });
});
