/**
 * The 14 standard PDF fonts (Helvetica…) only encode WinAnsi (Windows-1252). pdfkit does not check:
 * a character outside it is written as garbage bytes — the narrow no-break space U+202F that Intl
 * and lib/money put in `1 234,56 €` prints as ` /` (STACK-NOTES 24). Every string the PDF prints
 * goes through `toWinAnsi` first.
 */

/** Code points above Latin-1 that WinAnsi encodes in 0x80–0x9F (the table pdfkit uses). */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);

/** Characters WinAnsi lacks, replaced by the nearest one it has. */
const SUBSTITUTES: ReadonlyMap<number, string> = new Map([
  // No-break spaces (narrow, figure, word joiner's visible cousins) keep amounts on one line.
  [0x202f, '\u00A0'],
  [0x2007, '\u00A0'],
  [0x2060, ''],
  // Breaking spaces of every width.
  [0x2000, ' '],
  [0x2001, ' '],
  [0x2002, ' '],
  [0x2003, ' '],
  [0x2004, ' '],
  [0x2005, ' '],
  [0x2006, ' '],
  [0x2008, ' '],
  [0x2009, ' '],
  [0x200a, ' '],
  [0x205f, ' '],
  [0x3000, ' '],
  [0x0009, ' '],
  // Invisible characters (a soft hyphen is in WinAnsi, but pdfkit would always print it).
  [0x200b, ''],
  [0x200c, ''],
  [0x200d, ''],
  [0xfeff, ''],
  [0x00ad, ''],
  // Dashes, minus, primes.
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2015, '—'],
  [0x2212, '-'],
  [0x2032, '’'],
  [0x2033, '”'],
  [0x2027, '·'],
  [0x2044, '/'],
]);

function isWinAnsi(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
}

/**
 * Returns `text` with only characters the standard fonts can print: no-break spaces of every kind
 * become U+00A0 (so `1 234,56 €` neither breaks nor loses a glyph), other spaces a plain space,
 * dashes and minus a hyphen, letters with a diacritic WinAnsi lacks their base letter (`ą` → `a`),
 * line feeds are kept, control characters and stray combining marks dropped, and anything else
 * (`ł`, `→`, emoji) becomes `?` — visibly, never silently wrong.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) ?? 0;
    const substitute = SUBSTITUTES.get(code);
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    if (code === 0x0a || isWinAnsi(code)) {
      out += char;
      continue;
    }
    if (/[\p{Cc}\p{M}]/u.test(char)) continue;
    // A letter with a diacritic WinAnsi lacks (ą, ő, ș…): keep its base letter.
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base.length > 0 && [...base].every((c) => isWinAnsi(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}
