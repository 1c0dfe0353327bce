import { describe, expect, it } from 'vitest';
import { decideTreatment } from './treatment';

describe('decideTreatment', () => {
  it.each([
    ['French buyer in France', 'FR40529876542', 'FR', 'domestic'],
    ['Belgian buyer delivered in France', 'BE0456789133', 'FR', 'domestic'],
    ['Belgian buyer delivered in Belgium', 'BE0456789133', 'BE', 'intra_eu_goods'],
    ['Belgian buyer with a malformed number (format only outside France)', 'BE12345', 'BE', 'domestic'],
    ['no VAT number, delivered in Germany', null, 'DE', 'domestic'],
    ['Swiss buyer delivered in Switzerland', 'CHE-116.281.710 TVA', 'CH', 'export'],
    ['French buyer delivered in Switzerland', 'FR40529876542', 'CH', 'export'],
    ['Greek delivery with an EL number', 'EL123456789', 'GR', 'intra_eu_goods'],
  ] as const)('%s → %s', (_l, vat, country, expected) => {
    expect(decideTreatment({ vatNumber: vat }, country)).toBe(expected);
  });
});
