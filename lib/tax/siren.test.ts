import { describe, expect, it } from 'vitest';
import { passesLuhn } from './luhn';
import { validateSiren, validateSiret } from './siren';

describe('passesLuhn', () => {
  it.each([
    ['0', true],
    ['18', true], // 1·2 + 8 = 10
    ['59', true], // 5·2 = 10 → 1, + 9 = 10
    ['19', false],
    ['732829320', true],
    ['732829321', false],
    ['79927398713', true], // the textbook example
    ['79927398710', false],
    ['35600000000048', true],
  ])('%s → %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe('validateSiren', () => {
  it.each(['732829320', '542051180', '356000000', '005520135'])('%s is valid', (siren) => {
    expect(validateSiren(siren)).toEqual({ valid: true, country: 'FR', normalized: siren });
  });

  it('normalises spaces, dots and dashes', () => {
    expect(validateSiren(' 732 829 320 ')).toEqual({ valid: true, country: 'FR', normalized: '732829320' });
    expect(validateSiren('732.829.320')).toEqual({ valid: true, country: 'FR', normalized: '732829320' });
    expect(validateSiren('732\u202F829-320')).toEqual({ valid: true, country: 'FR', normalized: '732829320' });
  });

  it.each([
    ['732829321', 'invalid_checksum'],
    ['123456789', 'invalid_checksum'],
    ['73282932', 'invalid_format'],
    ['7328293200', 'invalid_format'],
    ['73282932A', 'invalid_format'],
    ['A732829320', 'invalid_format'],
    ['', 'empty'],
    ['  ', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(validateSiren(text)).toMatchObject({ valid: false, country: 'FR', reason });
  });
});

describe('validateSiret', () => {
  it.each([
    '73282932000074',
    '35600000000048', // La Poste head office: ordinary Luhn (digit sum 26)
    '35600000049837', // a La Poste establishment: digit sum 45, a multiple of 5 (fails Luhn)
    '35600000000047', // digit sum 25 (fails Luhn)
    '35600000100004', // not La Poste (SIREN 356000001): Luhn, digit sum 19
  ])('%s is valid', (siret) => {
    expect(validateSiret(siret)).toEqual({ valid: true, country: 'FR', normalized: siret });
  });

  it('normalises spaces', () => {
    expect(validateSiret('732 829 320 00074')).toEqual({ valid: true, country: 'FR', normalized: '73282932000074' });
  });

  it.each([
    ['73282932000075', 'invalid_checksum'],
    ['35600000012345', 'invalid_checksum'], // La Poste: digit sum 29
    ['35600000000049', 'invalid_checksum'], // La Poste: digit sum 27
    ['35600000000030', 'invalid_checksum'], // La Poste: passes Luhn, but digit sum 17
    ['35600000100000', 'invalid_checksum'], // not La Poste: digit sum 15, but fails Luhn
    ['7328293200007', 'invalid_format'],
    ['732829320000740', 'invalid_format'],
    ['7328293200007A', 'invalid_format'],
    ['', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(validateSiret(text)).toEqual({ valid: false, country: 'FR', normalized: text, reason });
  });
});
