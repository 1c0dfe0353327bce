/** Demo purchasing frame: agreements with negotiated prices HT, limits and budgets. */
export interface DemoAgreement {
  company: string;
  reference: string;
  title: string;
  ceilingHtCents: number | null;
  lines: { sku: string; unitPriceHtCents: number; maxQuantity?: number; tiers?: { minQuantity: number; unitPriceHtCents: number }[] }[];
}

export const demoAgreements: DemoAgreement[] = [
  {
    company: 'Atelier Lumière SAS',
    reference: 'CC-ATL-2026',
    title: 'Fournitures et consommables de l’atelier',
    ceilingHtCents: 3_000_000,
    lines: [
      { sku: 'BUR-STY-BLEU', unitPriceHtCents: 39, tiers: [{ minQuantity: 100, unitPriceHtCents: 33 }] },
      { sku: 'BUR-STY-NOIR', unitPriceHtCents: 39, tiers: [{ minQuantity: 100, unitPriceHtCents: 33 }] },
      { sku: 'BUR-RAM-A4', unitPriceHtCents: 349, tiers: [{ minQuantity: 50, unitPriceHtCents: 319 }, { minQuantity: 200, unitPriceHtCents: 299 }] },
      { sku: 'BUR-CLA-DOS', unitPriceHtCents: 199 },
      { sku: 'BUR-NOTE-12', unitPriceHtCents: 560 },
      { sku: 'CAF-GRA-1KG', unitPriceHtCents: 1290, maxQuantity: 200 },
      { sku: 'CAF-CAP-50', unitPriceHtCents: 1090 },
      { sku: 'CAF-SUC-1KG', unitPriceHtCents: 139 },
      { sku: 'HYG-SAV-5L', unitPriceHtCents: 790 },
      { sku: 'HYG-ESS-20', unitPriceHtCents: 1990 },
      { sku: 'HYG-GEL-1L', unitPriceHtCents: 465 },
      { sku: 'HYG-LAV-GAN', unitPriceHtCents: 520 },
      { sku: 'SAN-TRO-10', unitPriceHtCents: 2050 },
      { sku: 'INF-SOU-SF', unitPriceHtCents: 1490 },
    ],
  },
  {
    company: 'Transports Morel SA',
    reference: 'CC-MOR-2026',
    title: 'Consommables des dépôts',
    ceilingHtCents: null,
    lines: [
      { sku: 'HYG-PQ-48', unitPriceHtCents: 1350 },
      { sku: 'HYG-SAC-100', unitPriceHtCents: 365 },
      { sku: 'HYG-LAV-GAN', unitPriceHtCents: 540 },
      { sku: 'CAF-CAP-50', unitPriceHtCents: 1120 },
      { sku: 'BUR-RAM-A4', unitPriceHtCents: 359 },
    ],
  },
];

/** Purchasing rules per company, and limits per portal login. */
export const demoPurchasing = {
  'Atelier Lumière SAS': {
    allowOffContract: true,
    approvalThresholdHtCents: 500_000,
    budgetHtCents: 2_000_000,
    limits: { 'demandeur@atelier-lumiere.test': { order: 50_000, monthly: 200_000 } },
  },
  'Transports Morel SA': {
    allowOffContract: false,
    approvalThresholdHtCents: null,
    budgetHtCents: 1_000_000,
    limits: { 'demandeur@transports-morel.test': { order: 30_000, monthly: 100_000 } },
  },
} as const satisfies Record<string, { allowOffContract: boolean; approvalThresholdHtCents: number | null; budgetHtCents: number; limits: Record<string, { order: number; monthly: number }> }>;
