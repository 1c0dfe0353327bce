import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Café moulu pur arabica 250 g', 'cafe-moulu-pur-arabica-250-g'],
    ['Jus d’orange pur jus 1 L', 'jus-d-orange-pur-jus-1-l'],
    ['  Écran 24 pouces  ', 'ecran-24-pouces'],
    ['Notes 76×76, lot de 12', 'notes-76-76-lot-de-12'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});
