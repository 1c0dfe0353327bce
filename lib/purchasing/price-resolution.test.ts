import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgreementOffer, resolveB2bPrice } from './price-resolution';

const offer: AgreementOffer = {
  agreementId: 'a1',
  unitPriceHtCents: 349,
  tiers: [
    { minQuantity: 200, unitPriceHtCents: 299 },
    { minQuantity: 50, unitPriceHtCents: 319 },
  ],
  maxQuantity: null,
  orderedQuantity: 0,
};

describe('resolveB2bPrice', () => {
  it.each([
    [1, 349, null],
    [49, 349, null],
    [50, 319, 50],
    [199, 319, 50],
    [200, 299, 200],
    [5000, 299, 200],
  ])('%i units → %i cents (tier %s)', (quantity, price, tier) => {
    expect(resolveB2bPrice({ quantity, listPriceHtCents: 389, offer })).toEqual({
      unitPriceHtCents: price,
      source: 'agreement',
      agreementId: 'a1',
      tierMinQuantity: tier,
      exceedsMaxQuantity: false,
    });
  });

  it('falls back to the list price without an agreement line', () => {
    expect(resolveB2bPrice({ quantity: 3, listPriceHtCents: 389, offer: null })).toMatchObject({ unitPriceHtCents: 389, source: 'list', agreementId: null });
  });

  it('goes off contract, at the list price, past the agreement’s maximum quantity', () => {
    const capped = { ...offer, maxQuantity: 200, orderedQuantity: 180 };
    expect(resolveB2bPrice({ quantity: 20, listPriceHtCents: 389, offer: capped })).toMatchObject({ source: 'agreement' });
    expect(resolveB2bPrice({ quantity: 21, listPriceHtCents: 389, offer: capped })).toMatchObject({
      source: 'list',
      unitPriceHtCents: 389,
      exceedsMaxQuantity: true,
    });
  });

  it('never gives a higher negotiated price for a larger quantity when tiers decrease', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const p = (q: number) => resolveB2bPrice({ quantity: q, listPriceHtCents: 389, offer }).unitPriceHtCents;
        expect(p(large)).toBeLessThanOrEqual(p(small));
      }),
    );
  });
});
