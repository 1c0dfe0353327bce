import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatRateBp } from '@/lib/money';
import { toWinAnsi } from './win-ansi';

/** What WinAnsi (Windows-1252) encodes, per the table pdfkit uses for the standard fonts. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function encodable(text: string): boolean {
  return [...text].every((c) => {
    const code = c.codePointAt(0) ?? 0;
    return c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(c);
  });
}

describe('toWinAnsi', () => {
  it.each([
    ['the narrow no-break space of formatMoney becomes a no-break space', '1\u202F234,56\u00A0€', '1\u00A0234,56\u00A0€'],
    ['figure space', '1\u2007000', '1\u00A0000'],
    ['thin and em spaces become plain spaces', 'a\u2009b\u2003c', 'a b c'],
    ['tab', 'a\tb', 'a b'],
    ['line feeds are kept, CR LF folded', 'a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['zero-width and soft hyphen vanish', 'a\u200Bb\u00ADc\uFEFF', 'abc'],
    ['non-breaking hyphen and minus sign', 'Crème\u2011brûlée \u22123', 'Crème-brûlée -3'],
    ['French typography is kept', '« Devis » l’été — œuvre … 5 € ‰ Ÿ', '« Devis » l’été — œuvre … 5 € ‰ Ÿ'],
    ['decomposed accents are composed', 'e\u0301te\u0301', 'été'],
    ['accents outside Latin-1 fall back to the base letter', 'Kraków ąęș Őz', 'Kraków aes Oz'],
    ['letters with no decomposition and symbols become ?', 'Łódź → ✓', '?ódz ? ?'],
    ['emoji (astral) become one ?', 'ok 👍', 'ok ?'],
    ['control characters vanish', 'a\u0000b\u0007c\u0085', 'abc'],
  ])('%s', (_, input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });

  it('keeps every amount and rate lib/money prints, with no-break spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 10000 }), (cents, bp) => {
        for (const s of [formatMoney(cents), formatRateBp(bp)]) {
          const out = toWinAnsi(s);
          expect(out).toBe(s.replace(/\u202F/g, '\u00A0'));
          expect(encodable(out)).toBe(true);
        }
      }),
    );
  });

  it('always returns encodable text, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (input) => {
        const out = toWinAnsi(input);
        expect(encodable(out)).toBe(true);
        expect(toWinAnsi(out)).toBe(out);
      }),
    );
  });

  it('leaves encodable text untouched', () => {
    const alphabet = [...' azAZ09,.;:!?\'"()«»’€éèêàçùôœÉÀÇ—–…\u00A0\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet)).map((a) => a.join('')), (input) => {
        expect(toWinAnsi(input)).toBe(input);
      }),
    );
  });
});
