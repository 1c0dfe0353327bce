import { describe, expect, it } from 'vitest';
import { saveDraftSchema } from '@/lib/quotes/schemas';
import { addressIdFor, centsToText, discountToText, draftInputFromForm, lineAmounts, lineErrorsAt, quantityToText } from './form-lines';

const QUOTE = '0b7c9a52-3c1e-4a43-9d0e-2a4bd8f1e001';

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe('draftInputFromForm', () => {
  it('groups the indexed line fields into rows ordered by index, whatever the entry order', () => {
    const input = draftInputFromForm(
      form([
        ['quoteId', QUOTE],
        ['baseVersion', '2'],
        ['title', 'Éclairage atelier'],
        ['lines.1.description', 'Pose'],
        ['lines.1.quantity', '1,5'],
        ['lines.0.productId', 'p-1'],
        ['lines.0.description', 'Luminaire'],
        ['lines.0.quantity', '12'],
        ['lines.0.unitPrice', '300,00'],
        ['lines.0.discount', '5'],
        ['lines.0.vatRateBp', '2000'],
        ['lines.1.unitPrice', '650'],
        ['lines.1.vatRateBp', '550'],
        ['lines.10.description', 'Dixième'],
        ['validUntil', '2030-01-31'],
        ['shipping', '45,00'],
        ['deliveryTerms', 'Sous 3 semaines'],
        ['paymentTerms', '30 jours'],
        ['clientNote', ''],
        ['internalNotes', 'marge 22 %'],
        ['deliveryAddressId', ''],
      ]),
    );
    expect(input).toEqual({
      quoteId: QUOTE,
      baseVersion: '2',
      title: 'Éclairage atelier',
      lines: [
        { productId: 'p-1', description: 'Luminaire', quantity: '12', unitPrice: '300,00', discount: '5', vatRateBp: '2000' },
        { productId: '', description: 'Pose', quantity: '1,5', unitPrice: '650', discount: '', vatRateBp: '550' },
        { productId: '', description: 'Dixième', quantity: '', unitPrice: '', discount: '', vatRateBp: '' },
      ],
      validUntil: '2030-01-31',
      shipping: '45,00',
      deliveryTerms: 'Sous 3 semaines',
      paymentTerms: '30 jours',
      clientNote: '',
      internalNotes: 'marge 22 %',
      deliveryAddressId: '',
    });
  });

  it('ignores unknown fields, malformed keys and files; missing fields are empty', () => {
    const f = form([
      ['lines.0.description', 'Café'],
      ['lines.0.evil', 'x'],
      ['lines.x.description', 'non'],
      ['lines.1234.description', 'trop loin'],
      ['lines..description', 'vide'],
      ['lines.0.constructor', 'proto'],
    ]);
    f.append('lines.0.quantity', new Blob(['1']), 'q.txt');
    expect(draftInputFromForm(f)).toEqual({
      quoteId: '',
      baseVersion: '',
      title: '',
      lines: [{ productId: '', description: 'Café', quantity: '', unitPrice: '', discount: '', vatRateBp: '' }],
      validUntil: '',
      shipping: '',
      deliveryTerms: '',
      paymentTerms: '',
      clientNote: '',
      internalNotes: '',
      deliveryAddressId: '',
    });
  });

  it('produces what the service schema accepts, and points errors at the row shown', () => {
    const ok = saveDraftSchema.safeParse(
      draftInputFromForm(
        form([
          ['quoteId', QUOTE],
          ['baseVersion', '1'],
          ['title', 'Devis'],
          ['lines.0.description', 'Audit'],
          ['lines.0.quantity', '0,125'],
          ['lines.0.unitPrice', '1 234,56'],
          ['lines.0.discount', ''],
          ['lines.0.vatRateBp', '2000'],
        ]),
      ),
    );
    expect(ok.success && ok.data.lines[0]).toEqual({ description: 'Audit', quantity: 0.125, unitPrice: 123456, discount: 0, vatRateBp: 2000 });

    const bad = saveDraftSchema.safeParse(
      draftInputFromForm(
        form([
          ['quoteId', QUOTE],
          ['baseVersion', '1'],
          ['title', 'Devis'],
          ['lines.0.description', 'Audit'],
          ['lines.0.quantity', '1'],
          ['lines.0.unitPrice', '10'],
          ['lines.0.vatRateBp', '2000'],
          ['lines.1.description', 'Conseil'],
          ['lines.1.quantity', '1,2345'],
          ['lines.1.unitPrice', '10'],
          ['lines.1.vatRateBp', '2000'],
        ]),
      ),
    );
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['lines.1.quantity']);
  });
});

describe('lineErrorsAt', () => {
  const errors = { 'lines.1.quantity': ['Quantité invalide'], 'lines.1.unitPrice': ['Prix'], 'lines.10.quantity': ['autre'], 'lines.1.bogus': ['x'], title: ['Titre'], 'lines.2.vatRateBp': [] };
  it.each([
    [1, { quantity: ['Quantité invalide'], unitPrice: ['Prix'] }],
    [10, { quantity: ['autre'] }],
    [0, {}],
    [2, {}],
  ])('row %i', (index, expected) => {
    expect(lineErrorsAt(errors, index)).toEqual(expected);
  });
  it('no errors at all', () => expect(lineErrorsAt(undefined, 0)).toEqual({}));
});

describe('values shown in the builder', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [123456, '1234,56'],
    [30000, '300,00'],
  ])('centsToText(%i) = %s', (cents, text) => expect(centsToText(cents)).toBe(text));

  it.each([
    [12, '12'],
    [1.5, '1,5'],
    [0.125, '0,125'],
    [2.05, '2,05'],
    [1000000, '1000000'],
  ])('quantityToText(%d) = %s', (q, text) => expect(quantityToText(q)).toBe(text));

  it.each([
    [0, ''],
    [500, '5'],
    [250, '2,5'],
    [1275, '12,75'],
    [10000, '100'],
  ])('discountToText(%i) = %s', (bp, text) => expect(discountToText(bp)).toBe(text));

  it('round-trips through the parsers used by the schema', () => {
    for (const cents of [0, 1, 99, 100, 123456, 99999999]) expect(lineAmounts({ quantity: '1', unitPrice: centsToText(cents), discount: '', vatRateBp: '2000' })?.unitPriceHtCents).toBe(cents);
    for (const q of [1, 0.001, 2.5, 999.999]) expect(lineAmounts({ quantity: quantityToText(q), unitPrice: '1', discount: '', vatRateBp: '2000' })?.quantity).toBe(q);
    for (const bp of [0, 1, 550, 1275, 10000]) expect(lineAmounts({ quantity: '1', unitPrice: '1', discount: discountToText(bp), vatRateBp: '2000' })?.discountBp).toBe(bp);
  });
});

describe('lineAmounts', () => {
  it.each([
    [{ quantity: '2,5', unitPrice: '10', discount: '5', vatRateBp: '550' }, { quantity: 2.5, unitPriceHtCents: 1000, discountBp: 500, vatRateBp: 550 }],
    [{ quantity: '1', unitPrice: '0', discount: '', vatRateBp: '0' }, { quantity: 1, unitPriceHtCents: 0, discountBp: 0, vatRateBp: 0 }],
    [{ quantity: '1,2345', unitPrice: '10', discount: '', vatRateBp: '2000' }, null],
    [{ quantity: '', unitPrice: '10', discount: '', vatRateBp: '2000' }, null],
    [{ quantity: '1', unitPrice: 'dix', discount: '', vatRateBp: '2000' }, null],
    [{ quantity: '1', unitPrice: '10', discount: '120', vatRateBp: '2000' }, null],
    [{ quantity: '1', unitPrice: '10', discount: '', vatRateBp: '1900' }, null],
    [{ quantity: '1', unitPrice: '10', discount: '', vatRateBp: '' }, null],
  ])('%j → %j', (line, expected) => expect(lineAmounts(line)).toEqual(expected));
});

describe('addressIdFor', () => {
  const addresses = [
    { id: 'a1', label: 'Siège — 1 rue du Test, 69001 Lyon (FR)' },
    { id: 'a2', label: '5 quai Ouest, 69002 Lyon (FR)' },
  ];
  const at = (line1: string, postalCode: string) => ({ name: 'X', line1, line2: null, postalCode, city: 'Lyon', country: 'FR' });
  it('finds the address a version stored, labelled or not', () => {
    expect(addressIdFor(addresses, at('1 rue du Test', '69001'))).toBe('a1');
    expect(addressIdFor(addresses, at('5 quai Ouest', '69002'))).toBe('a2');
  });
  it('falls back to the default when it is gone or none was stored', () => {
    expect(addressIdFor(addresses, at('9 rue Disparue', '69003'))).toBe('');
    expect(addressIdFor(addresses, null)).toBe('');
  });
});
