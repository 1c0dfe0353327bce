import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryVisual, productDecoration, productInitials } from './product-visual';

describe('productInitials', () => {
  it.each([
    ['Café moulu pur arabica 250 g', 'CM'],
    ['Stylo bille bleu', 'SB'],
    ['Jus d’orange pur jus 1 L', 'JO'],
    ['Écran 24 pouces Full HD', 'ÉP'],
    ['Notes repositionnables 76×76, lot de 12', 'NR'],
    ['Plateau-repas Classique', 'PR'],
    ['Trombones', 'T'],
    ['24/6', ''],
  ])('%s → %s', (name, initials) => {
    expect(productInitials(name)).toBe(initials);
  });
});

describe('categoryVisual', () => {
  it('gives each demo rayon its own pictogram', () => {
    const slugs = ['fournitures-de-bureau', 'cafe-epicerie', 'traiteur', 'hygiene-entretien', 'informatique', 'librairie-presse', 'sante', 'mobilier'];
    expect(new Set(slugs.map((s) => categoryVisual(s).pictogram)).size).toBe(slugs.length);
    expect(new Set(slugs.map((s) => categoryVisual(s).background)).size).toBe(slugs.length);
  });

  it('is stable for any slug and only yields colours and path data', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), (slug) => {
        const v = categoryVisual(slug);
        expect(categoryVisual(slug)).toEqual(v);
        expect(v.background).toMatch(/^#[0-9a-f]{6}$/);
        expect(v.foreground).toMatch(/^#[0-9a-f]{6}$/);
        expect(v.pictogram).toMatch(/^[MLHVACZmlhvacz0-9 .-]+$/);
      }),
    );
  });
});

describe('productDecoration', () => {
  it('is stable per name and varies across names', () => {
    expect(productDecoration('Stylo bille bleu')).toEqual(productDecoration('Stylo bille bleu'));
    const names = ['Stylo bille bleu', 'Stylo bille noir', 'Stylo gel rétractable', 'Surligneurs, pochette de 4', 'Ramette papier A4 80 g'];
    expect(new Set(names.map((n) => JSON.stringify(productDecoration(n)))).size).toBeGreaterThan(1);
  });
});
