import { describe, expect, it } from 'vitest';
import { EU_VAT_COUNTRIES, frenchVatKey, validateVatNumber } from './vat-number';

describe('validateVatNumber — France (key and SIREN)', () => {
  it.each([
    // SIREN, key computed by hand: (12 + 3 × (SIREN mod 97)) mod 97
    ['732829320', '44'],
    ['542051180', '59'],
    ['552032534', '27'],
    ['552100554', '96'],
    ['404833048', '83'],
    ['100000207', '03'], // key below 10: two digits with a leading zero
    ['100000306', '09'],
    ['100000371', '10'], // the first two-digit key
  ])('SIREN %s has key %s', (siren, key) => {
    expect(frenchVatKey(siren)).toBe(key);
    expect(validateVatNumber(`FR${key}${siren}`)).toEqual({ valid: true, country: 'FR', normalized: `FR${key}${siren}` });
  });

  it.each([
    ['FR45732829320', 'invalid_key'], // key off by one
    ['FR04732829320', 'invalid_key'],
    ['FR3100000207', 'invalid_format'], // 8-digit SIREN
    ['FR0310000020', 'invalid_format'],
    ['FR031000002070', 'invalid_format'], // 10 digits
    ['FR47732829321', 'invalid_checksum'], // right key for 732829321, but it fails Luhn
    ['FR32123456789', 'invalid_checksum'],
    ['FR3', 'invalid_format'],
    ['FR', 'invalid_format'],
    ['FRIO732829320', 'invalid_format'], // I and O are never used in keys
    ['FR4A73282932B', 'invalid_format'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(validateVatNumber(text)).toMatchObject({ valid: false, country: 'FR', reason });
  });

  it.each(['FRA1123456789', 'FR1A123456789', 'FRHZ732829321', 'FRZZ999999999'])(
    '%s (a key with letters) is checked for format only',
    (text) => {
      expect(validateVatNumber(text)).toEqual({ valid: true, country: 'FR', normalized: text });
    },
  );

  it('normalises spaces, no-break spaces, dots, dashes and case', () => {
    for (const text of [
      'fr 44 732 829 320',
      'FR44.732.829.320',
      'FR-44-732-829-320',
      'FR44\u00A0732\u202F829\u2009320',
      ' Fr44–732—829−320 ',
      'FR\t44\n732829320',
    ]) {
      expect(validateVatNumber(text)).toEqual({ valid: true, country: 'FR', normalized: 'FR44732829320' });
    }
    expect(validateVatNumber('FR44/732829320')).toMatchObject({ valid: false, normalized: 'FR44/732829320' });
  });
});

describe('validateVatNumber — the other member states (format only)', () => {
  // For each state: numbers that must pass, and numbers that must not (too short, too long, a
  // wrong character), so every part of each format is pinned.
  const cases: Record<string, { valid: string[]; invalid: string[] }> = {
    AT: { valid: ['U12345678'], invalid: ['U1234567', 'U123456789', '12345678', 'X12345678', 'U1234567A'] },
    BE: { valid: ['0123456789', '1123456789'], invalid: ['2123456789', '123456789', '01234567890', '012345678A'] },
    BG: { valid: ['123456789', '1234567890'], invalid: ['12345678', '12345678901', '12345678A'] },
    CY: { valid: ['12345678L'], invalid: ['1234567L', '123456789L', '123456789', '1234567AL'] },
    CZ: { valid: ['12345678', '123456789', '1234567890'], invalid: ['1234567', '12345678901', '1234567A'] },
    DE: { valid: ['123456789'], invalid: ['12345678', '1234567890', '12345678A', 'A12345678'] },
    DK: { valid: ['12345678'], invalid: ['1234567', '123456789', '1234567A'] },
    EE: { valid: ['123456789'], invalid: ['12345678', '1234567890', '12345678A'] },
    EL: { valid: ['123456789'], invalid: ['12345678', '1234567890', '12345678A'] },
    ES: {
      valid: ['X1234567X', 'A12345678', 'B1234567C', '12345678Z'],
      invalid: ['123456789', 'X123456X', 'X12345678X', '1234567ZZ', 'XX1234567', '1234567Z', '123456789Z'],
    },
    FI: { valid: ['12345678'], invalid: ['1234567', '123456789', '1234567A'] },
    HR: { valid: ['12345678901'], invalid: ['1234567890', '123456789012', '1234567890A'] },
    HU: { valid: ['12345678'], invalid: ['1234567', '123456789', '1234567A'] },
    IE: {
      valid: ['1234567T', '1234567TW', '1234567WA', '1A23456T', '1+23456T', '1*23456W'],
      invalid: ['1234567', '123456T', '12345678T', '1234567X', '1234567TJ', '1234567TWW', '1A2345T', 'AA23456T', '1A23456X', '1A234567T', '1/23456T'],
    },
    IT: { valid: ['12345678901'], invalid: ['1234567890', '123456789012', '1234567890A'] },
    LT: { valid: ['123456789', '123456789012'], invalid: ['12345678', '1234567890', '12345678901', '1234567890123', '12345678A'] },
    LU: { valid: ['12345678'], invalid: ['1234567', '123456789', '1234567A'] },
    LV: { valid: ['12345678901'], invalid: ['1234567890', '123456789012', '1234567890A'] },
    MT: { valid: ['12345678'], invalid: ['1234567', '123456789', '1234567A'] },
    NL: { valid: ['123456789B01'], invalid: ['123456789A01', '12345678B01', '1234567890B01', '123456789B1', '123456789B012', '123456789BB1', 'A23456789B01'] },
    PL: { valid: ['1234567890'], invalid: ['123456789', '12345678901', '123456789A'] },
    PT: { valid: ['123456789'], invalid: ['12345678', '1234567890', '12345678A'] },
    RO: { valid: ['12', '1234', '1234567890'], invalid: ['1', '0123', '12345678901', '123A'] },
    SE: { valid: ['123456789001', '999999999901'], invalid: ['123456789012', '12345678901', '1234567890010', '12345678900A', '123456789A01'] },
    SI: { valid: ['12345678'], invalid: ['1234567', '123456789', '1234567A'] },
    SK: { valid: ['1234567890'], invalid: ['123456789', '12345678901', '123456789A'] },
  };

  it('covers the 27 member states, Greece as EL', () => {
    expect(EU_VAT_COUNTRIES).toHaveLength(27);
    expect([...EU_VAT_COUNTRIES].sort()).toEqual([...Object.keys(cases), 'FR'].sort());
    expect(EU_VAT_COUNTRIES).toContain('EL');
    expect(EU_VAT_COUNTRIES).not.toContain('GR');
  });

  for (const [country, { valid, invalid }] of Object.entries(cases)) {
    it.each(valid)(`${country}%s is valid`, (body) => {
      expect(validateVatNumber(`${country}${body}`)).toEqual({ valid: true, country, normalized: `${country}${body}` });
      expect(validateVatNumber(`${country.toLowerCase()} ${body.toLowerCase()}`)).toEqual({
        valid: true,
        country,
        normalized: `${country}${body}`,
      });
    });
    it.each(invalid)(`${country}%s is refused`, (body) => {
      expect(validateVatNumber(`${country}${body}`)).toEqual({
        valid: false,
        country,
        normalized: `${country}${body}`,
        reason: 'invalid_format',
      });
    });
  }
});

describe('validateVatNumber — not a member state', () => {
  it.each([
    ['GR123456789', 'greece_is_el'],
    ['XI123456789', 'unknown_country'], // Northern Ireland: not one of the 27
    ['GB123456789', 'unknown_country'],
    ['CH123456789', 'unknown_country'],
    ['123456789', 'unknown_country'],
    ['F', 'unknown_country'],
    ['TO123456789', 'unknown_country'], // an inherited Object property name must not count
  ])('%s → %s', (text, reason) => {
    expect(validateVatNumber(text)).toEqual({ valid: false, country: null, normalized: text, reason });
  });

  it('refuses an empty text', () => {
    expect(validateVatNumber('')).toEqual({ valid: false, country: null, normalized: '', reason: 'empty' });
    expect(validateVatNumber(' .-\u00A0')).toEqual({ valid: false, country: null, normalized: '', reason: 'empty' });
  });
});
