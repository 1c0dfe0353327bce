import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  adjustStockSchema,
  centsToInput,
  createCategorySchema,
  createProductSchema,
  formatDelta,
  productListQuerySchema,
  updateProductSchema,
} from './admin-schemas';
import { parseMoney } from '@/lib/money';

const base = {
  sku: 'bur-test-1',
  name: 'Stylo plume',
  slug: '',
  description: '  Une belle plume.  ',
  unit: '',
  categoryId: '',
  vatRateBp: '2000',
  b2cPriceTtc: '19,99',
  b2bListPriceHt: '1 234,56 €',
  isActive: 'on',
};

const fieldErrors = (error: z.ZodError) => z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;

describe('createProductSchema', () => {
  it('parses a French form into cents, an upper-case SKU and defaults', () => {
    const r = createProductSchema.parse(base);
    expect(r).toEqual({
      sku: 'BUR-TEST-1',
      name: 'Stylo plume',
      slug: undefined,
      description: 'Une belle plume.',
      unit: 'pièce',
      categoryId: null,
      vatRateBp: 2000,
      b2cPriceTtcCents: 1999,
      b2bListPriceHtCents: 123456,
      isActive: true,
      isFeatured: false,
      initialStock: 0,
    });
  });

  it.each([
    ['12,50', 1250],
    ['8,00', 800],
    ['0', 0],
    ['1\u202F234,56\u00A0€', 123456],
    ['12.5', 1250],
  ])('reads the price %s as %i cents', (text, cents) => {
    expect(createProductSchema.parse({ ...base, b2cPriceTtc: text }).b2cPriceTtcCents).toBe(cents);
  });

  it.each(['12,345', 'abc', '', '-3', '1.2.3'])('puts the parseMoney message for %j beside the price field', (text) => {
    const r = createProductSchema.safeParse({ ...base, b2cPriceTtc: text, b2bListPriceHt: text });
    expect(r.success).toBe(false);
    const fe = fieldErrors(r.error!);
    const expected = parseMoney(text);
    expect(expected.ok).toBe(false);
    expect(fe.b2cPriceTtc).toEqual([(expected as { error: string }).error]);
    expect(fe.b2bListPriceHt).toEqual([(expected as { error: string }).error]);
  });

  it.each(['A', '-ABC', 'ABC DEF', 'ÉTÉ-1', 'A'.repeat(33)])('refuses the SKU %j', (sku) => {
    const r = createProductSchema.safeParse({ ...base, sku });
    expect(fieldErrors(r.error!).sku).toHaveLength(1);
  });

  it('accepts only the French VAT rates', () => {
    for (const rate of ['2000', '1000', '550', '210', '0']) expect(createProductSchema.safeParse({ ...base, vatRateBp: rate }).success).toBe(true);
    for (const rate of ['1960', '850', 'abc', '']) expect(fieldErrors(createProductSchema.safeParse({ ...base, vatRateBp: rate }).error!).vatRateBp).toBeDefined();
  });

  it('validates slug, category id and initial stock', () => {
    const r = createProductSchema.safeParse({ ...base, slug: 'Pas un slug !', categoryId: 'not-a-uuid', initialStock: '-4' });
    const fe = fieldErrors(r.error!);
    expect(Object.keys(fe).sort()).toEqual(['categoryId', 'initialStock', 'slug']);
    expect(createProductSchema.parse({ ...base, slug: 'Stylo-Plume', initialStock: ' 12 ' })).toMatchObject({ slug: 'stylo-plume', initialStock: 12 });
  });

  it('requires a product id when editing', () => {
    expect(fieldErrors(updateProductSchema.safeParse(base).error!).productId).toBeDefined();
    const id = '00000000-0000-4000-8000-000000000001';
    expect(updateProductSchema.parse({ ...base, productId: id })).toMatchObject({ productId: id, b2cPriceTtcCents: 1999 });
  });
});

describe('adjustStockSchema', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['+20', 20],
    ['20', 20],
    ['-3', -3],
    ['\u22123', -3],
    [' + 1 000 ', 1000],
  ])('reads %j as %i', (delta, n) => {
    expect(adjustStockSchema.parse({ productId: id, delta, reason: 'Inventaire' })).toEqual({ productId: id, delta: n, kind: 'adjustment', reason: 'Inventaire' });
  });

  it.each(['0', '+0', '1,5', 'abc', '', '2000000'])('refuses the quantity %j', (delta) => {
    expect(fieldErrors(adjustStockSchema.safeParse({ productId: id, delta, reason: 'Inventaire' }).error!).delta).toBeDefined();
  });

  it('needs a reason, and a positive quantity for a receipt', () => {
    expect(fieldErrors(adjustStockSchema.safeParse({ productId: id, delta: '+1', reason: '  ' }).error!).reason).toBeDefined();
    expect(fieldErrors(adjustStockSchema.safeParse({ productId: id, delta: '-1', kind: 'receipt', reason: 'Livraison' }).error!).delta).toBeDefined();
    expect(fieldErrors(adjustStockSchema.safeParse({ productId: id, delta: '+1', kind: 'order', reason: 'Livraison' }).error!).kind).toBeDefined();
    expect(fieldErrors(adjustStockSchema.safeParse({ productId: 'x', delta: '+1', reason: 'Livraison' }).error!).productId).toBeDefined();
  });
});

describe('createCategorySchema', () => {
  it('defaults the order to 0 and checks it', () => {
    expect(createCategorySchema.parse({ name: ' Papeterie ', slug: '', description: '' })).toEqual({ name: 'Papeterie', slug: undefined, description: '', sortOrder: 0 });
    expect(fieldErrors(createCategorySchema.safeParse({ name: '', sortOrder: '1,5' }).error!)).toMatchObject({ name: expect.any(Array), sortOrder: expect.any(Array) });
  });
});

describe('productListQuerySchema', () => {
  it('ignores what it does not understand', () => {
    expect(productListQuerySchema.parse({ q: ' stylo ', category: 'nope', status: 'all', page: 'x' })).toEqual({ q: 'stylo', category: undefined, status: undefined, page: 1 });
    expect(productListQuerySchema.parse({ category: 'none', status: 'inactive', page: '3' })).toMatchObject({ category: 'none', status: 'inactive', page: 3 });
  });
});

describe('formatting helpers', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [1250, '12,50'],
    [123456, '1234,56'],
  ])('centsToInput(%i) = %s, which parseMoney reads back', (cents, text) => {
    expect(centsToInput(cents)).toBe(text);
    expect(parseMoney(text)).toEqual({ ok: true, cents });
  });

  it('signs stock deltas', () => {
    expect(formatDelta(20)).toBe('+20');
    expect(formatDelta(-3)).toBe('\u22123');
  });
});
