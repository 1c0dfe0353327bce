/**
 * VAT treatments: the EN 16931 category of every line and the legal mention the invoice must carry.
 */
import type { Treatment, VatCategory } from './types';

interface TreatmentRule {
  /** The category of every line and adjustment; null for domestic (S, or Z at rate 0). */
  readonly category: VatCategory | null;
  readonly mentions: readonly string[];
}

const RULES: Readonly<Record<Treatment, TreatmentRule>> = {
  domestic: { category: null, mentions: [] },
  intra_eu_goods: { category: 'K', mentions: ['Exonération de TVA, article 262 ter I du CGI'] },
  reverse_charge: { category: 'AE', mentions: ['Autoliquidation'] },
  export: { category: 'G', mentions: ['Exonération de TVA, article 262 I du CGI'] },
};

/** The category of an amount at `rateBp` under `treatment` (outside domestic the rate is 0). */
export function categoryOf(treatment: Treatment, rateBp: number): VatCategory {
  return RULES[treatment].category ?? (rateBp === 0 ? 'Z' : 'S');
}

/** The legal mentions `treatment` requires on the invoice (a fresh array). */
export function mentionsOf(treatment: Treatment): string[] {
  return [...RULES[treatment].mentions];
}
