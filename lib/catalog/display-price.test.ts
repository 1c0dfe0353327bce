import { describe, expect, it } from 'vitest';
import { businessUnitPrice, consumerUnitPrice } from './display-price';

describe('display prices', () => {
  it('keeps the consumer price TTC as stored and derives the VAT it contains', () => {
    expect(consumerUnitPrice(1999, 2000)).toEqual({ grossCents: 1999, netCents: 1666, vatCents: 333, vatRateBp: 2000 });
    expect(consumerUnitPrice(499, 550)).toEqual({ grossCents: 499, netCents: 473, vatCents: 26, vatRateBp: 550 });
  });

  it('computes the business TTC from HT', () => {
    expect(businessUnitPrice(47, 2000)).toEqual({ grossCents: 56, netCents: 47, vatCents: 9, vatRateBp: 2000 });
    expect(businessUnitPrice(1490, 1000)).toEqual({ grossCents: 1639, netCents: 1490, vatCents: 149, vatRateBp: 1000 });
  });
});
