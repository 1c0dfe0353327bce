/**
 * Readers that validate one input value each and throw a `TaxInputError` naming it.
 * The path (`lines[2].quantity`) is only built when a value is wrong: these run on the hot path.
 */
import { TaxInputError } from './errors';
import type { TaxMode, Treatment } from './types';

const MAX = Number.MAX_SAFE_INTEGER;

function pathOf(list: string, index: number, field: string): string {
  return `${list}[${index}].${field}`;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function requireFiniteNumber(value: unknown, path: string): number {
  // Number.isFinite, like Number.isInteger and Number.isSafeInteger below, is false for non-numbers.
  if (!Number.isFinite(value)) {
    throw new TaxInputError('not_a_number', `${path} must be a finite number, got ${describe(value)}`, path);
  }
  return value as number;
}

/** A non-negative integer amount of cents (prices and charge/allowance amounts). */
export function readAmount(value: unknown, list: string, index: number, field: string): number {
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
  const path = pathOf(list, index, field);
  const n = requireFiniteNumber(value, path);
  if (!Number.isInteger(n)) {
    throw new TaxInputError('not_an_integer', `${path} must be an integer number of cents, got ${n}`, path);
  }
  if (n < 0) {
    throw new TaxInputError('negative', `${path} must not be negative, got ${n}`, path);
  }
  throw new TaxInputError('too_large', `${path} is too large to be computed exactly, got ${n}`, path);
}

/** A VAT rate: an integer number of basis points in 0–10000. */
export function readRate(value: unknown, list: string, index: number): number {
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10000) return value as number;
  const path = pathOf(list, index, 'vatRateBp');
  requireFiniteNumber(value, path);
  throw new TaxInputError(
    'rate_out_of_range',
    `${path} must be an integer number of basis points from 0 to 10000 (2000 = 20 %), got ${describe(value)}`,
    path,
  );
}

/** A line discount: an integer number of basis points in 0–10000, default 0. */
export function readDiscount(value: unknown, index: number): number {
  if (value === undefined) return 0;
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10000) return value as number;
  const path = pathOf('lines', index, 'discountBp');
  requireFiniteNumber(value, path);
  throw new TaxInputError(
    'discount_out_of_range',
    `${path} must be an integer number of basis points from 0 to 10000 (500 = 5 %), got ${describe(value)}`,
    path,
  );
}

/** The base quantity of a price (the price is per N units): a positive integer, default 1. */
export function readBaseQuantity(value: unknown, index: number): number {
  if (value === undefined) return 1;
  if (Number.isSafeInteger(value) && (value as number) >= 1) return value as number;
  const path = pathOf('lines', index, 'baseQuantity');
  requireFiniteNumber(value, path);
  throw new TaxInputError('base_quantity', `${path} must be a positive integer, got ${describe(value)}`, path);
}

/**
 * A quantity as an integer number of thousandths. A double cannot hold 0,001 exactly, so
 * "at most 3 decimals" means: the number is the double nearest to k / 1000 for an integer k — which
 * is also "its shortest decimal form (String(q)) has at most 3 decimals". k is Math.round(q × 1000):
 * for a genuine k / 1000 the product is off by at most k·2^-52, far less than ½. So 1.005 is 1005
 * thousandths, while 1.0005 and float noise such as 0.1 + 0.2 (0.30000000000000004) are refused:
 * the caller computed the quantity with floats and must round it itself.
 */
export function readQuantityMilli(value: unknown, index: number): number {
  const path = pathOf('lines', index, 'quantity');
  const q = requireFiniteNumber(value, path);
  if (q <= 0) {
    throw new TaxInputError('quantity_not_positive', `${path} must be greater than 0, got ${q}`, path);
  }
  const milli = Math.round(q * 1000);
  if (milli > MAX) {
    throw new TaxInputError('too_large', `${path} is too large to be computed exactly, got ${q}`, path);
  }
  // Also refuses quantities below 0,0005, which round to 0 thousandths.
  if (milli / 1000 !== q) {
    throw new TaxInputError('quantity_precision', `${path} must have at most 3 decimals, got ${q}`, path);
  }
  return milli;
}

/** The document mode. */
export function readMode(value: unknown): TaxMode {
  if (value === 'tax_inclusive' || value === 'tax_exclusive') return value;
  throw new TaxInputError(
    'unknown_mode',
    `mode must be 'tax_inclusive' or 'tax_exclusive', got ${describe(value)}`,
    'mode',
  );
}

/** The treatment, default 'domestic'. */
export function readTreatment(value: unknown): Treatment {
  if (value === undefined) return 'domestic';
  if (value === 'domestic' || value === 'intra_eu_goods' || value === 'reverse_charge' || value === 'export') {
    return value;
  }
  throw new TaxInputError(
    'unknown_treatment',
    `treatment must be 'domestic', 'intra_eu_goods', 'reverse_charge' or 'export', got ${describe(value)}`,
    'treatment',
  );
}

/** An optional list (charges or allowances). */
export function readList<T>(value: readonly T[] | undefined, name: string): readonly T[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  throw new TaxInputError('invalid_input', `${name} must be an array when given, got ${describe(value)}`, name);
}

/** An element of a list must be an object. */
export function requireObject(value: unknown, list: string, index: number): void {
  if (typeof value !== 'object' || value === null) {
    const path = `${list}[${index}]`;
    throw new TaxInputError('invalid_input', `${path} must be an object, got ${describe(value)}`, path);
  }
}

/** An optional reason, passed through. */
export function readReason(value: unknown, list: string, index: number): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  const path = pathOf(list, index, 'reason');
  throw new TaxInputError('invalid_input', `${path} must be a string when given, got ${describe(value)}`, path);
}
