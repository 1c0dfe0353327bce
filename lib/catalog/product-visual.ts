/**
 * lib/catalog/product-visual — the generated picture of a product: its category's colours and
 * pictogram with the initials of its name. Pure: nothing is fetched, nothing is stored.
 */

export interface ProductVisual {
  /** Background tint. */
  background: string;
  /** Initials and pictogram colour (contrast ≥ 4.5:1 on the background). */
  foreground: string;
  /** SVG path data of the category's pictogram, drawn as a stroke in a 24×24 box. */
  pictogram: string;
}

const PICTOGRAMS = {
  pen: 'M4 20l1-4L16 5l3 3L8 19l-4 1z M14 7l3 3',
  cup: 'M4 9h12v4a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5V9z M16 10h1.5a2.5 2.5 0 0 1 0 5H16 M8 3.5v3 M12 3.5v3',
  plate: 'M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16z M12 8.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7z',
  drop: 'M12 3c3.2 4.2 6 7.6 6 11a6 6 0 0 1-12 0c0-3.4 2.8-6.8 6-11z',
  screen: 'M3 5h18v11H3z M9 20h6 M12 16v4',
  book: 'M5 4.5A1.5 1.5 0 0 1 6.5 3H19v15H6.5A1.5 1.5 0 0 0 5 19.5z M5 19.5A1.5 1.5 0 0 0 6.5 21H19',
  cross: 'M10 4h4v6h6v4h-6v6h-4v-6H4v-4h6z',
  chair: 'M7 3h10v8H7z M5 11h14v3H5z M7 14v7 M17 14v7',
  box: 'M3 7.5L12 3l9 4.5v9L12 21l-9-4.5z M3 7.5l9 4.5 9-4.5 M12 12v9',
} as const;

type Palette = Omit<ProductVisual, 'pictogram'>;

// Tailwind 50/100 tints with their 800/900 shades: calm, and AA for the initials.
const PALETTES: readonly Palette[] = [
  { background: '#eff6ff', foreground: '#1e40af' }, // blue
  { background: '#fef3c7', foreground: '#78350f' }, // amber
  { background: '#ffedd5', foreground: '#9a3412' }, // orange
  { background: '#ccfbf1', foreground: '#115e59' }, // teal
  { background: '#e0e7ff', foreground: '#3730a3' }, // indigo
  { background: '#ffe4e6', foreground: '#9f1239' }, // rose
  { background: '#dcfce7', foreground: '#166534' }, // green
  { background: '#f5f5f4', foreground: '#44403c' }, // stone
];

const KNOWN: Record<string, { palette: number; pictogram: keyof typeof PICTOGRAMS }> = {
  'fournitures-de-bureau': { palette: 0, pictogram: 'pen' },
  'cafe-epicerie': { palette: 1, pictogram: 'cup' },
  traiteur: { palette: 2, pictogram: 'plate' },
  'hygiene-entretien': { palette: 3, pictogram: 'drop' },
  informatique: { palette: 4, pictogram: 'screen' },
  'librairie-presse': { palette: 5, pictogram: 'book' },
  sante: { palette: 6, pictogram: 'cross' },
  mobilier: { palette: 7, pictogram: 'chair' },
};

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * The colours and pictogram of a category: fixed for the demo's rayons, otherwise a palette chosen
 * from the slug (stable across requests) with a parcel pictogram. Null (no category) is neutral.
 */
export function categoryVisual(categorySlug: string | null): ProductVisual {
  if (categorySlug === null) return { ...PALETTES[7]!, pictogram: PICTOGRAMS.box };
  // Own keys only: a slug such as "toString" must not find Object.prototype members.
  const known = Object.hasOwn(KNOWN, categorySlug) ? KNOWN[categorySlug] : undefined;
  if (known) return { ...PALETTES[known.palette]!, pictogram: PICTOGRAMS[known.pictogram] };
  return { ...PALETTES[hash(categorySlug) % PALETTES.length]!, pictogram: PICTOGRAMS.box };
}

/** Where a product's two background discs sit (one of four layouts, stable per name), in a 160×120 box. */
export function productDecoration(name: string): { cx: number; cy: number; r: number }[] {
  const layouts = [
    [{ cx: 132, cy: -4, r: 46 }, { cx: 18, cy: 126, r: 34 }],
    [{ cx: 24, cy: -8, r: 44 }, { cx: 150, cy: 118, r: 36 }],
    [{ cx: 150, cy: 60, r: 40 }, { cx: 6, cy: 20, r: 26 }],
    [{ cx: 84, cy: 136, r: 48 }, { cx: 150, cy: 4, r: 24 }],
  ];
  return layouts[hash(name) % layouts.length]!;
}

/**
 * Up to two initials from the first words of a name that start with a letter, skipping one-letter
 * words: "Café moulu pur arabica 250 g" → "CM", "Jus d’orange" → "JO", "Écran 24 pouces" → "ÉP".
 */
export function productInitials(name: string): string {
  const words = name.match(/\p{L}[\p{L}\p{M}]*/gu) ?? [];
  return words
    .filter((w) => w.length > 1)
    .slice(0, 2)
    .map((w) => w.charAt(0).toLocaleUpperCase('fr-FR'))
    .join('');
}
