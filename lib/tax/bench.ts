/**
 * Benchmark of computeTaxes (npm run bench:tax): documents of 1, 10 and 200 lines with mixed
 * rates, discounts and an unrated shipping charge, in both modes. Prints lines/s and documents/s.
 */
import { computeTaxes } from './compute-taxes';
import type { TaxInput, TaxLineInput, TaxMode } from './types';

const RATES = [2000, 1000, 550, 2000, 210, 2000, 0];

function makeDocument(lineCount: number, mode: TaxMode): TaxInput {
  const lines: TaxLineInput[] = [];
  for (let i = 0; i < lineCount; i++) {
    lines.push({
      quantity: 1 + ((i * 7) % 13) + (i % 4) * 0.25,
      unitPriceCents: 99 + ((i * 7919) % 25_000),
      discountBp: i % 3 === 0 ? 500 : 0,
      baseQuantity: i % 10 === 9 ? 100 : 1,
      vatRateBp: RATES[i % RATES.length]!,
    });
  }
  return {
    mode,
    lines,
    charges: [{ amountCents: 690, reason: 'Livraison' }],
    allowances: lineCount > 1 ? [{ amountCents: 150, reason: 'Remise' }] : [],
  };
}

function measure(doc: TaxInput, minMs = 400): { docsPerSecond: number; linesPerSecond: number } {
  let sink = 0;
  // Warm up, then time batches until minMs elapsed.
  for (let i = 0; i < 2000; i++) sink += computeTaxes(doc).totalGrossCents;
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0n;
  const batch = Math.max(1, Math.floor(20_000 / doc.lines.length));
  do {
    for (let i = 0; i < batch; i++) sink += computeTaxes(doc).totalGrossCents;
    runs += batch;
    elapsedNs = process.hrtime.bigint() - start;
  } while (elapsedNs < BigInt(minMs) * 1_000_000n);
  if (sink === -1) console.log(sink); // keeps the work observable
  const seconds = Number(elapsedNs) / 1e9;
  return { docsPerSecond: runs / seconds, linesPerSecond: (runs * doc.lines.length) / seconds };
}

const format = (n: number) => Math.round(n).toLocaleString('fr-FR');

console.log(`computeTaxes on Node ${process.version}, one core`);
console.log('mode           lines   documents/s         lines/s');
for (const mode of ['tax_exclusive', 'tax_inclusive'] as const) {
  for (const lineCount of [1, 10, 200]) {
    const { docsPerSecond, linesPerSecond } = measure(makeDocument(lineCount, mode));
    console.log(
      `${mode.padEnd(14)} ${String(lineCount).padStart(5)} ${format(docsPerSecond).padStart(13)} ${format(linesPerSecond).padStart(15)}`,
    );
  }
}
