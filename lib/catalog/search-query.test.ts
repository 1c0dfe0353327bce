import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, MAX_QUERY_LENGTH, MAX_WORDS, searchWords, singularize, toPrefixTsQuery, toSimilarityText } from './search-query';

describe('foldText', () => {
  it.each([
    ['Café', 'cafe'],
    ['CAFÉ CRÈME', 'cafe creme'],
    ['Œuf ÆTHER straße', 'oeuf aether strasse'],
    ['ﬁlm ²', 'film 2'],
    ['Ça été noël', 'ca ete noel'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('singularize', () => {
  it.each([
    ['stylos', 'stylo'],
    ['cafes', 'cafe'],
    ['bureaux', 'bureau'],
    ['prix', 'pri'],
    ['bus', 'bus'],
    ['gaz', 'gaz'],
    ['stylo', 'stylo'],
    ['a4s', 'a4s'],
    ['1000s', '1000s'],
  ])('%s → %s', (word, expected) => {
    expect(singularize(word)).toBe(expected);
  });
});

describe('toPrefixTsQuery', () => {
  it.each([
    ['cafe', 'cafe:*'],
    ['cafés', 'cafe:*'],
    ['CAFÉ', 'cafe:*'],
    ['stylos', 'stylo:*'],
    ['Stylo bille', 'stylo:* & bille:*'],
    ['  stylo   BILLE  bleu ', 'stylo:* & bille:* & bleu:*'],
    ['BUR-STY', 'bur:* & sty:*'],
    ['CAF-MOU-250', 'caf:* & mou:* & 250:*'],
    ['bureaux', 'bureau:*'],
    ['Café moulu pour le bureau', 'cafe:* & moulu:* & bureau:*'],
    ['les et de du des la le en au aux pour un une', ''],
    ['jus d’orange', 'jus:* & orange:*'],
    ["l'eau", 'eau:*'],
    ['Notes 76×76', 'note:* & 76:*'],
    ['papier A4 80 g', 'papier:* & a4:* & 80:*'],
    ['stylo stylos STYLO', 'stylo:*'],
    ['%_\'\\', ''],
    ['   ', ''],
    ['', ''],
    ['a b c', ''],
    ["x' | y & !z <-> (w):*", ''],
    ["café' & !drop:* | (", 'cafe:* & drop:*'],
    ['日本語 кофе', ''],
  ])('%j → %j', (input, expected) => {
    expect(toPrefixTsQuery(input)).toBe(expected);
  });

  it('keeps at most MAX_WORDS words', () => {
    const input = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda';
    expect(toPrefixTsQuery(input).split(' & ')).toHaveLength(MAX_WORDS);
  });

  it('never throws and only emits prefix terms of [a-z0-9] joined by " & "', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (input) => {
        const q = toPrefixTsQuery(input);
        expect(q).toMatch(/^(?:[a-z0-9]{2,}:\*(?: & [a-z0-9]{2,}:\*)*)?$/);
        expect(q.split(' & ').length).toBeLessThanOrEqual(MAX_WORDS);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case and accents: a query and its shouted, accented twin give the same terms', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,30}$/), (input) => {
        const accented = input.replace(/e/g, 'é').replace(/a/g, 'à').toUpperCase();
        expect(toPrefixTsQuery(accented)).toBe(toPrefixTsQuery(input));
      }),
    );
  });

  it('only searches for what was typed: every term (or its plural) is a word of the folded input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (input) => {
        const typed = foldText(input.slice(0, MAX_QUERY_LENGTH)).match(/[a-z0-9]+/g) ?? [];
        for (const word of searchWords(input)) {
          expect(typed.some((w) => w === word || w === `${word}s` || w === `${word}x`)).toBe(true);
        }
      }),
    );
  });
});

describe('toSimilarityText', () => {
  it.each([
    ['Stilos  bleus', 'stilo bleu'],
    ['cafee', 'cafee'],
    ['%_\'\\', ''],
  ])('%j → %j', (input, expected) => {
    expect(toSimilarityText(input)).toBe(expected);
  });
});
