import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceShopBasket } from './pricing';

describe('priceShopBasket', () => {
  it('charges standard shipping under 60 € and splits it over the rates pro rata', () => {
    const r = priceShopBasket(
      [
        { productId: 'a', quantity: 2, unitPriceTtcCents: 1999, vatRateBp: 2000 },
        { productId: 'b', quantity: 1, unitPriceTtcCents: 499, vatRateBp: 550 },
      ],
      'standard',
    );
    expect(r.goodsTtcCents).toBe(4497);
    expect(r.shippingTtcCents).toBe(490);
    expect(r.tax.totalGrossCents).toBe(4497 + 490);
    const shipping = r.tax.adjustments.filter((a) => a.kind === 'charge');
    // Exact shares 490 × 3998 / 4497 = 435,6… and 490 × 499 / 4497 = 54,37…: floors 435 + 54, and
    // the leftover cent goes to the largest remainder (0,6 at 20 %).
    expect(shipping.map((a) => [a.vatRateBp, a.amountCents])).toEqual([
      [2000, 436],
      [550, 54],
    ]);
  });

  it('offers standard shipping from 60 € TTC of goods, never express', () => {
    const items = [{ productId: 'a', quantity: 3, unitPriceTtcCents: 2000, vatRateBp: 2000 }];
    expect(priceShopBasket(items, 'standard').shippingTtcCents).toBe(0);
    expect(priceShopBasket(items, 'express').shippingTtcCents).toBe(1290);
    expect(priceShopBasket([{ ...items[0]!, unitPriceTtcCents: 1999 }], 'standard').shippingTtcCents).toBe(490);
  });

  it('the customer pays exactly the sum of the prices shown plus shipping', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 50 }),
            unitPriceTtcCents: fc.integer({ min: 1, max: 500_000 }),
            vatRateBp: fc.constantFrom(2000, 1000, 550, 210, 0),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom('standard', 'express', 'pickup' as const),
        (raw, method) => {
          const items = raw.map((r, i) => ({ ...r, productId: String(i) }));
          const r = priceShopBasket(items, method);
          const shown = items.reduce((s, i) => s + i.quantity * i.unitPriceTtcCents, 0);
          expect(r.goodsTtcCents).toBe(shown);
          expect(r.tax.totalGrossCents).toBe(shown + r.shippingTtcCents);
          expect(r.tax.totalNetCents + r.tax.totalVatCents).toBe(r.tax.totalGrossCents);
        },
      ),
    );
  });
});
