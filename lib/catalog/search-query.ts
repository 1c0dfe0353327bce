/**
 * lib/catalog/search-query — turns what a shopper types into safe search terms. Pure: no I/O.
 *
 * The products' `search_document` is built with the 'simple' configuration over accent-folded,
 * lower-cased text (db/schema/catalog.ts), so the query is folded the same way here and each word
 * becomes a prefix term: "stylos" → `stylo:*` finds "stylo" (the stock 'french' stemmer does not),
 * "cafés" → `cafe:*` finds "Café". Only [a-z0-9] survive, so the result is always a valid
 * `to_tsquery` text whatever was typed.
 */

/** French words too common to narrow a search (the 'simple' configuration has no stop words). */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'en',
  'au',
  'aux',
  'pour',
  'un',
  'une',
]);

/** Longest text considered: a search box is not a document. */
export const MAX_QUERY_LENGTH = 200;
/** Most words kept (every word must match, so more only narrows to nothing). */
export const MAX_WORDS = 8;

// Letters that Unicode does not decompose into a base letter and a mark; unaccent() folds them alike.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/**
 * Folds case and accents as the database's `comptoir_fold` does: "Café CRÈME Œuf" → "cafe creme oeuf".
 * Compatibility forms are decomposed too ("ﬁ" → "fi", "²" → "2"). Never throws.
 */
export function foldText(input: string): string {
  return String(input ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøđłı]/g, (c) => LIGATURES[c] ?? c);
}

/**
 * Strips one French plural ending (a trailing `s` or `x` after a letter) from a word longer than
 * three letters: "stylos" → "stylo", "bureaux" → "bureau"; "bus", "prix" → "pri" is harmless since
 * every term is matched as a prefix. Expects a folded word.
 */
export function singularize(word: string): string {
  return word.length > 3 && /[a-z][sx]$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The words of a query that narrow a search: folded, split on anything but letters and digits,
 * without one-character words nor French stop words, singularized, de-duplicated, at most
 * MAX_WORDS. "Les cafés de l’Arabie" → ["cafe", "arabie"].
 */
export function searchWords(input: string): string[] {
  const words = foldText(String(input ?? '').slice(0, MAX_QUERY_LENGTH)).match(/[a-z0-9]+/g) ?? [];
  const kept: string[] = [];
  for (const word of words) {
    if (word.length < 2 || FRENCH_STOP_WORDS.has(word)) continue;
    const singular = singularize(word);
    if (!kept.includes(singular)) kept.push(singular);
    if (kept.length === MAX_WORDS) break;
  }
  return kept;
}

/**
 * The `to_tsquery('simple', …)` text for a query: every word as a prefix term, all required —
 * "Stylos bille" → "stylo:* & bille:*". Empty string when nothing searchable was typed (the
 * caller then searches nothing). Only ever contains [a-z0-9], ":*", " & ".
 */
export function toPrefixTsQuery(input: string): string {
  return searchWords(input)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/**
 * The text compared by trigram similarity with product names when the full-text search finds
 * nothing (typos): the same words, space-separated. "Stilos bleus" → "stilo bleu".
 */
export function toSimilarityText(input: string): string {
  return searchWords(input).join(' ');
}
