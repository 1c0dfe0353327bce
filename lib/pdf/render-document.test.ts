import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { CommercialDocument, DocumentLine, DocumentParty } from '@/lib/documents/types';
import { formatMoney, formatRateBp } from '@/lib/money';
import { renderDocumentPdf } from './render-document';

/*
 * The PDF is read back with pdf.js (the engine of Firefox's viewer), so these tests see what a
 * reader sees: the text it can select and copy, page by page, and the files it lists as attached.
 * Set PDF_OUT=/some/dir to also write every rendered PDF there and look at it.
 */

const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

interface Extracted {
  pages: string[];
  /** Every text run in drawing order (a wrapped cell's lines follow each other), whitespace collapsed. */
  flat: string;
  attachments: Record<string, { filename: string; content: Uint8Array; description?: string }> | null;
}

/** No-break spaces become plain ones: pdf.js extracts U+00A0 as a space. */
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

async function extract(bytes: Uint8Array, name: string): Promise<Extracted> {
  const out = process.env.PDF_OUT;
  if (out !== undefined && out !== '') {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `${name}.pdf`), bytes);
  }
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 }).promise;
  const pages: string[] = [];
  const stream: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    // Rebuild the visual lines: text runs sharing a baseline, left to right, joined by ' | '.
    stream.push(...content.items.map((item) => ('str' in item ? item.str : '')));
    const runs = content.items
      .flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: { y: number; runs: typeof runs }[] = [];
    for (const run of runs) {
      const last = lines.at(-1);
      if (last !== undefined && Math.abs(last.y - run.y) < 1.5) last.runs.push(run);
      else lines.push({ y: run.y, runs: [run] });
    }
    pages.push(plain(lines.map((l) => l.runs.sort((a, b) => a.x - b.x).map((r) => r.str).join(' | ')).join('\n')));
  }
  if (out !== undefined && out !== '') fs.writeFileSync(path.join(out, `${name}.txt`), pages.join('\n\f\n'));
  const attachments = (await pdf.getAttachments()) as Extracted['attachments'];
  await pdf.destroy();
  return { pages, flat: plain(stream.join(' ')).replace(/\s+/g, ' '), attachments };
}

const seller: DocumentParty = {
  name: 'Comptoir Lyonnais de Fournitures',
  legalForm: 'SAS',
  shareCapital: '150\u202F000\u00A0€',
  address: { line1: '12 rue de la République', line2: 'Bâtiment B', postalCode: '69002', city: 'Lyon', country: 'FR' },
  siren: '812345676',
  siret: '81234567600012',
  vatNumber: 'FR40812345676',
  rcs: 'RCS Lyon 812 345 676',
  email: 'facturation@comptoir.example',
  phone: '04 72 00 00 00',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
};

const b2bBuyer: DocumentParty = {
  name: 'Atelier Lumière SARL',
  address: { line1: '5 avenue Jean Jaurès', postalCode: '75019', city: 'Paris', country: 'FR' },
  siren: '552100554',
  vatNumber: 'FR20552100554',
};

function line(position: number, over: Partial<DocumentLine>): DocumentLine {
  return {
    position,
    sku: `SKU-${position}`,
    description: `Article ${position}`,
    quantity: 1,
    unitPriceCents: 1000,
    baseQuantity: 1,
    discountBp: 0,
    vatRateBp: 2000,
    category: 'S',
    lineTotalCents: 1000,
    netCents: 1000,
    ...over,
  };
}

/** B2B, domestic, HT: 20 % and 5,5 %, a 10 % discount, a price per 100, a fractional quantity, shipping. */
const b2bInvoice: CommercialDocument = {
  kind: 'invoice',
  number: 'F-2026-000123',
  issueDate: '2026-03-02',
  mode: 'tax_exclusive',
  treatment: 'domestic',
  currency: 'EUR',
  seller,
  buyer: b2bBuyer,
  deliveryAddress: { name: 'Atelier Lumière — entrepôt', line1: '18 rue des Ateliers', postalCode: '93100', city: 'Montreuil', country: 'FR' },
  deliveryDate: '2026-02-27',
  nature: 'both',
  lines: [
    line(1, { sku: 'STY-BLEU', description: 'Stylo bille bleu, pointe moyenne', quantity: 200, unitPriceCents: 1250, baseQuantity: 100, discountBp: 1000, lineTotalCents: 2250, netCents: 2250 }),
    line(2, { sku: 'PAP-A4-80', description: 'Ramette papier A4 80 g, 500 feuilles', quantity: 40, unitPriceCents: 459, lineTotalCents: 18360, netCents: 18360 }),
    line(3, { sku: 'LIV-COMPTA', description: 'Guide pratique de la comptabilité', quantity: 3, unitPriceCents: 2990, vatRateBp: 550, lineTotalCents: 8970, netCents: 8970 }),
    line(4, { sku: 'SRV-INSTALL', description: 'Installation et formation sur site (demi-journée)', quantity: 1.5, unitPriceCents: 90000, lineTotalCents: 135000, netCents: 135000 }),
  ],
  adjustments: [{ kind: 'charge', reason: 'Frais de port', vatRateBp: 2000, category: 'S', amountCents: 1500, netCents: 1500 }],
  breakdown: [
    { vatRateBp: 2000, category: 'S', taxableCents: 157110, vatCents: 31422 },
    { vatRateBp: 550, category: 'S', taxableCents: 8970, vatCents: 493 },
  ],
  totalNetCents: 166080,
  totalVatCents: 31915,
  totalGrossCents: 197995,
  mentions: [],
  dueDate: '2026-04-01',
  paymentTerms: 'Virement à 30 jours',
  deliveryTerms: 'Franco de port dès 500 € HT',
  legalNotes: [
    'Pénalités de retard : trois fois le taux d’intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.',
    'Pas d’escompte pour paiement anticipé.',
  ],
  notes: ['Merci de rappeler le numéro de facture dans votre virement.'],
  references: { orderNumber: 'CMD-2026-000456', purchaseOrderRef: 'BC-7781', quoteNumber: 'DEV-2026-000012 v2' },
};

const quote: CommercialDocument = {
  ...b2bInvoice,
  kind: 'quote',
  number: 'DEV-2026-000012 v2',
  version: 2,
  issueDate: '2026-02-10',
  validUntil: '2026-03-12',
  deliveryAddress: null,
  deliveryDate: null,
  dueDate: null,
  legalNotes: [],
  references: {},
};

const intraEuInvoice: CommercialDocument = {
  kind: 'invoice',
  number: 'F-2026-000124',
  issueDate: '2026-03-03',
  mode: 'tax_exclusive',
  treatment: 'intra_eu_goods',
  currency: 'EUR',
  seller,
  buyer: {
    name: 'Müller Bürobedarf GmbH',
    address: { line1: 'Hauptstraße 7', postalCode: '10115', city: 'Berlin', country: 'DE' },
    vatNumber: 'DE123456789',
  },
  nature: 'goods',
  lines: [
    line(1, { sku: 'CLA-LEVIER', description: 'Classeur à levier dos 80 mm', quantity: 500, unitPriceCents: 289, vatRateBp: 0, category: 'K', lineTotalCents: 144500, netCents: 144500 }),
  ],
  adjustments: [],
  breakdown: [{ vatRateBp: 0, category: 'K', taxableCents: 144500, vatCents: 0 }],
  totalNetCents: 144500,
  totalVatCents: 0,
  totalGrossCents: 144500,
  mentions: ['Exonération de TVA, article 262 ter I du CGI'],
  dueDate: '2026-04-02',
  paymentTerms: 'Virement à 30 jours',
};

const creditNote: CommercialDocument = {
  ...b2bInvoice,
  kind: 'credit_note',
  number: 'AV-2026-000004',
  issueDate: '2026-03-10',
  nature: 'goods',
  lines: [line(1, { sku: 'PAP-A4-80', description: 'Ramette papier A4 80 g, 500 feuilles (retour)', quantity: 10, unitPriceCents: 459, lineTotalCents: 4590, netCents: 4590 })],
  adjustments: [],
  breakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: 4590, vatCents: 918 }],
  totalNetCents: 4590,
  totalVatCents: 918,
  totalGrossCents: 5508,
  dueDate: null,
  notes: [],
  references: { invoiceNumber: 'F-2026-000123', invoiceIssueDate: '2026-03-02' },
};

/** B2C, TTC prices, paid by card at order. */
const b2cInvoice: CommercialDocument = {
  kind: 'invoice',
  number: 'F-2026-000200',
  issueDate: '2026-03-05',
  mode: 'tax_inclusive',
  treatment: 'domestic',
  currency: 'EUR',
  seller,
  buyer: { name: 'Camille Martin', address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'FR' } },
  nature: 'goods',
  lines: [
    line(1, { sku: 'CAR-A5', description: 'Carnet A5 ligné', quantity: 1, unitPriceCents: 1990, lineTotalCents: 1990, netCents: 1658 }),
    line(2, { sku: 'LIV-POCHE', description: 'Livre de poche', quantity: 2, unitPriceCents: 1250, vatRateBp: 550, lineTotalCents: 2500, netCents: 2370 }),
  ],
  adjustments: [
    { kind: 'charge', reason: 'Livraison', vatRateBp: 2000, category: 'S', amountCents: 490, netCents: 408 },
    { kind: 'allowance', reason: 'Code promo BIENVENUE', vatRateBp: 2000, category: 'S', amountCents: 300, netCents: 250 },
  ],
  breakdown: [
    { vatRateBp: 2000, category: 'S', taxableCents: 1816, vatCents: 364 },
    { vatRateBp: 550, category: 'S', taxableCents: 2370, vatCents: 130 },
  ],
  totalNetCents: 4186,
  totalVatCents: 494,
  totalGrossCents: 4680,
  prepaidCents: 4680,
  mentions: [],
};

const LONG = 'Description longue qui doit passer à la ligne dans la colonne Désignation du tableau des lignes, sans déborder sur les colonnes voisines';

function longDocument(count: number): CommercialDocument {
  const lines = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const cents = 1000 + n * 137;
    return line(n, { sku: `REF-${String(n).padStart(3, '0')}`, description: n % 20 === 0 ? `Ligne ${n} — ${LONG}` : `Ligne ${n}`, unitPriceCents: cents, lineTotalCents: cents, netCents: cents });
  });
  const net = lines.reduce((s, l) => s + l.netCents, 0);
  const vat = Math.round(net / 5);
  return {
    ...b2bInvoice,
    number: 'F-2026-000300',
    lines,
    adjustments: [],
    breakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: net, vatCents: vat }],
    totalNetCents: net,
    totalVatCents: vat,
    totalGrossCents: net + vat,
    legalNotes: [],
    notes: [],
  };
}

const money = (cents: number) => plain(formatMoney(cents));
const rate = (bp: number) => plain(formatRateBp(bp));

describe('renderDocumentPdf', () => {
  it('returns a PDF', async () => {
    const bytes = await renderDocumentPdf(b2bInvoice);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    expect(Buffer.from(bytes.subarray(-6)).toString('latin1')).toContain('%%EOF');
  });

  it('prints a B2B invoice: letterhead, parties, references, lines, charge, per-rate VAT, totals, terms', async () => {
    const { pages, flat } = await extract(await renderDocumentPdf(b2bInvoice), 'b2b-invoice');
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    const lines = text.split('\n');
    // Letterhead.
    for (const s of ['Comptoir Lyonnais de Fournitures', 'SAS au capital de 150 000 €', '12 rue de la République', 'Bâtiment B', '69002 Lyon', 'SIREN 812345676 — SIRET 81234567600012', 'RCS Lyon 812 345 676', 'N° TVA intracommunautaire : FR40812345676', 'Courriel : facturation@comptoir.example', 'Tél. : 04 72 00 00 00']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('France'); // a domestic address prints no country
    // Title, number, date.
    expect(lines).toContain('Facture');
    expect(text).toContain('N° F-2026-000123');
    expect(text).toContain('Date : 02/03/2026');
    // Buyer and delivery.
    for (const s of ['Client', 'Atelier Lumière SARL', '5 avenue Jean Jaurès', '75019 Paris', 'SIREN 552100554', 'N° TVA intracommunautaire : FR20552100554', 'Adresse de livraison', 'Atelier Lumière — entrepôt', '18 rue des Ateliers', '93100 Montreuil', 'Date de livraison : 27/02/2026']) {
      expect(text).toContain(s);
    }
    // References and nature.
    expect(text).toContain('Commande : CMD-2026-000456 | Votre bon de commande : BC-7781 | Devis : DEV-2026-000012 v2');
    expect(lines).toContain('Nature : Biens et services');
    // Lines table, HT: a price per 100 with its 10 % discount, a blank discount, 5,5 %, a fractional quantity.
    expect(lines).toContain('Réf. | Désignation | Qté | P.U. HT | Remise | TVA | Total HT');
    expect(lines).toContain('STY-BLEU | Stylo bille bleu, pointe moyenne | 200 | 12,50 € / 100 | 10 % | 20 % | 22,50 €');
    expect(lines).toContain('PAP-A4-80 | Ramette papier A4 80 g, 500 feuilles | 40 | 4,59 € | 20 % | 183,60 €');
    expect(lines).toContain('LIV-COMPTA | Guide pratique de la comptabilité | 3 | 29,90 € | 5,5 % | 89,70 €');
    expect(lines).toContain('SRV-INSTALL | Installation et formation sur site (demi-journée) | 1,5 | 900,00 € | 20 % | 1 350,00 €');
    // The shipping charge.
    expect(lines).toContain('Frais et remises | TVA | Total HT');
    expect(lines).toContain('Frais : Frais de port | 20 % | 15,00 €');
    // VAT breakdown: every rate with its base and VAT, as stored.
    expect(lines).toContain('Récapitulatif de la TVA');
    expect(lines).toContain('Taux | Base HT | TVA');
    for (const b of b2bInvoice.breakdown) {
      expect(lines).toContain(`${rate(b.vatRateBp)} | ${money(b.taxableCents)} | ${money(b.vatCents)}`);
    }
    expect(lines).toContain('20 % | 1 571,10 € | 314,22 €');
    expect(lines).toContain('5,5 % | 89,70 € | 4,93 €');
    // Totals exactly as formatMoney prints the stored figures: thousands separated, no missing glyph.
    expect(lines).toContain('Total HT | 1 660,80 €');
    expect(lines).toContain(`TVA | ${money(b2bInvoice.totalVatCents)}`);
    expect(lines).toContain('Total TTC | 1 979,95 €');
    expect(text).not.toContain('Net à payer');
    // Terms, legal notes, notes.
    expect(lines).toContain('Conditions de paiement : Virement à 30 jours');
    expect(lines).toContain('Date d’échéance : 01/04/2026');
    expect(lines).toContain('Conditions de livraison : Franco de port dès 500 € HT');
    expect(flat).toContain(b2bInvoice.legalNotes?.[0]);
    expect(lines).toContain('Pas d’escompte pour paiement anticipé.');
    expect(lines).toContain('Notes');
    expect(lines).toContain('Merci de rappeler le numéro de facture dans votre virement.');
    // Bank details and page number in the footer.
    expect(lines.at(-1)).toBe('IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP | Page 1 / 1');
  });

  it('prints a quote with its version and validity, without invoice-only parts', async () => {
    const { pages } = await extract(await renderDocumentPdf(quote), 'quote');
    const text = pages.join('\n');
    const lines = text.split('\n');
    expect(lines).toContain('Devis');
    expect(text).toContain('version 2');
    expect(text).toContain('N° DEV-2026-000012 v2');
    expect(text).toContain('Date : 10/02/2026');
    expect(text).toContain('Valable jusqu’au 12/03/2026');
    expect(lines).toContain('Total TTC | 1 979,95 €');
    expect(text).not.toContain('Nature :');
    expect(text).not.toContain('IBAN');
    expect(text).not.toContain('Facture');
    expect(text).not.toContain('Adresse de livraison');
    expect(lines.at(-1)).toBe('Page 1 / 1');
  });

  it('prints an intra-EU invoice with the buyer’s country, the exemption and its mention verbatim', async () => {
    const { pages } = await extract(await renderDocumentPdf(intraEuInvoice), 'intra-eu-invoice');
    const text = pages.join('\n');
    const lines = text.split('\n');
    expect(text).toContain('Müller Bürobedarf GmbH');
    expect(text).toContain('Hauptstraße 7');
    expect(text).toContain('10115 Berlin');
    expect(text).toContain('Allemagne');
    expect(text).toContain('N° TVA intracommunautaire : DE123456789');
    expect(lines).toContain('Nature : Livraison de biens');
    expect(lines).toContain('CLA-LEVIER | Classeur à levier dos 80 mm | 500 | 2,89 € | 0 % | 1 445,00 €');
    expect(lines).toContain('0 % — exonérée, intra-UE | 1 445,00 € | 0,00 €');
    expect(lines).toContain('Exonération de TVA, article 262 ter I du CGI');
    expect(lines).toContain('Total HT | 1 445,00 €');
    expect(lines).toContain('TVA | 0,00 €');
    expect(lines).toContain('Total TTC | 1 445,00 €');
  });

  it('prints a credit note with the invoice it corrects', async () => {
    const { pages } = await extract(await renderDocumentPdf(creditNote), 'credit-note');
    const text = pages.join('\n');
    const lines = text.split('\n');
    expect(lines).toContain('Avoir');
    expect(text).toContain('N° AV-2026-000004');
    expect(text).toContain('Avoir sur la facture F-2026-000123 du 02/03/2026');
    expect(lines).toContain('Nature : Livraison de biens');
    expect(lines).toContain('PAP-A4-80 | Ramette papier A4 80 g, 500 feuilles (retour) | 10 | 4,59 € | 20 % | 45,90 €');
    expect(lines).toContain('Total TTC | 55,08 €');
    expect(text).not.toContain('IBAN'); // bank details are for invoices
  });

  it('prints a tax-inclusive B2C invoice: TTC columns, an allowance as a deduction, already paid and net due', async () => {
    const { pages } = await extract(await renderDocumentPdf(b2cInvoice), 'b2c-invoice');
    const text = pages.join('\n');
    const lines = text.split('\n');
    expect(lines).toContain('Réf. | Désignation | Qté | P.U. TTC | Remise | TVA | Total TTC');
    expect(lines).toContain('CAR-A5 | Carnet A5 ligné | 1 | 19,90 € | 20 % | 19,90 €');
    expect(lines).toContain('Frais et remises | TVA | Total TTC');
    expect(lines).toContain('Frais : Livraison | 20 % | 4,90 €');
    expect(lines).toContain('Remise : Code promo BIENVENUE | 20 % | -3,00 €');
    expect(text).not.toMatch(/SIREN 5|N° TVA intracommunautaire : FR2/); // a consumer has neither
    expect(lines).toContain('20 % | 18,16 € | 3,64 €');
    expect(lines).toContain('5,5 % | 23,70 € | 1,30 €');
    expect(lines).toContain('Total HT | 41,86 €');
    expect(lines).toContain('TVA | 4,94 €');
    expect(lines).toContain('Total TTC | 46,80 €');
    expect(lines).toContain('Déjà réglé | 46,80 €');
    expect(lines).toContain('Net à payer | 0,00 €');
  });

  it('prints the amount still due after a partial payment', async () => {
    const { pages } = await extract(await renderDocumentPdf({ ...b2bInvoice, prepaidCents: 50000 }), 'partly-paid');
    const lines = pages.join('\n').split('\n');
    expect(lines).toContain('Déjà réglé | 500,00 €');
    expect(lines).toContain('Net à payer | 1 479,95 €');
  });

  it('paginates a 60-line document: every line once, the header on each page, page numbers', async () => {
    const doc = longDocument(60);
    const { pages, flat } = await extract(await renderDocumentPdf(doc), 'sixty-lines');
    expect(pages).toHaveLength(2);
    const [first = '', second = ''] = pages;
    expect(first.split('\n').at(-1)).toMatch(/\| Page 1 \/ 2$/);
    expect(second.split('\n').at(-1)).toMatch(/\| Page 2 \/ 2$/);
    expect(second.split('\n')[0]).toBe('Facture F-2026-000300 (suite)');
    // The table header is repeated at the top of the second page, before its first row.
    expect(second.split('\n')[1]).toBe('Réf. | Désignation | Qté | P.U. HT | Remise | TVA | Total HT');
    for (const page of pages) expect(page.split('\n').filter((l) => l.startsWith('Réf. | Désignation'))).toHaveLength(1);
    const rows = pages.flatMap((p) => p.split('\n')).filter((l) => l.startsWith('REF-'));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(doc.lines.map((l) => l.sku));
    expect(rows[0]).toBe(`REF-001 | Ligne 1 | 1 | ${money(1137)} | 20 % | ${money(1137)}`);
    expect(flat).toContain(`Ligne 60 — ${LONG}`); // a long description wraps but keeps every word
    expect(second).toContain(`Total TTC | ${money(doc.totalGrossCents)}`);
  });

  it('keeps adding pages for a longer document and numbers them all', async () => {
    const { pages } = await extract(await renderDocumentPdf(longDocument(150)), 'long');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} / ${pages.length}`);
      expect(page.match(/Page \d+ \/ \d+/g)).toHaveLength(1);
    });
    expect(pages.at(-1)).toContain('REF-150');
  });

  it('cuts a description longer than a page instead of losing the layout', async () => {
    const doc = { ...b2bInvoice, lines: [line(1, { description: 'mot '.repeat(3000) }), line(2, { sku: 'APRES' })] };
    const { pages } = await extract(await renderDocumentPdf(doc), 'huge-line');
    const text = pages.join('\n');
    expect(text).toContain('APRES');
    expect(text).toMatch(/mot mot…/); // cut, visibly
    expect(text).toContain('Total TTC | 1 979,95 €');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${pages.length}`));
  });

  it('prints characters the standard fonts lack as their nearest equivalent, never as stray glyphs', async () => {
    const doc = { ...b2bInvoice, lines: [line(1, { description: 'Crème\u2011brûlée Łódź ąę 1\u202F000 pièces \u2212 lot\u200B', sku: 'A\u2009B' })] };
    const { pages } = await extract(await renderDocumentPdf(doc), 'characters');
    const text = pages.join('\n');
    expect(text).toContain('A B | Crème-brûlée ?ódz ae 1 000 pièces - lot | 1 |');
  });

  it('embeds attachments, listed in /EmbeddedFiles and referenced from the catalog’s /AF', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><rsm:CrossIndustryInvoice>Müller</rsm:CrossIndustryInvoice>';
    const bytes = await renderDocumentPdf(b2bInvoice, {
      title: 'Facture F-2026-000123 — Comptoir',
      attachments: [
        { name: 'factur-x.xml', content: xml, mimeType: 'text/xml', description: 'Factur-X', relationship: 'Alternative' },
        { name: 'bon.bin', content: new Uint8Array([0, 1, 2, 255]), mimeType: 'application/octet-stream' },
      ],
    });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/Type /EmbeddedFile');
    expect(raw).toContain('(factur-x.xml)');
    expect(raw).toContain('/AFRelationship /Alternative');
    expect(raw).toContain('/AFRelationship /Data');
    expect(raw).toMatch(/\/AF \[\d+ 0 R \d+ 0 R\]/);
    expect(raw).toContain('/Subtype /text#2Fxml');
    const { attachments } = await extract(bytes, 'with-attachments');
    expect(Object.keys(attachments ?? {}).sort()).toEqual(['bon.bin', 'factur-x.xml']);
    expect(new TextDecoder().decode(attachments?.['factur-x.xml']?.content)).toBe(xml);
    expect(attachments?.['factur-x.xml']?.description).toBe('Factur-X');
    expect([...(attachments?.['bon.bin']?.content ?? [])]).toEqual([0, 1, 2, 255]);
  });

  it('embeds nothing without attachments', async () => {
    const raw = Buffer.from(await renderDocumentPdf(b2bInvoice)).toString('latin1');
    expect(raw).not.toContain('/EmbeddedFile');
    expect(raw).not.toContain('/AF [');
  });

  it('sets the title, author and language', async () => {
    const infoOf = async (bytes: Uint8Array) => {
      const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 }).promise;
      const { info } = await pdf.getMetadata();
      await pdf.destroy();
      return info as Record<string, unknown>;
    };
    const info = await infoOf(await renderDocumentPdf(creditNote, { title: 'Mon avoir' }));
    expect(info.Title).toBe('Mon avoir');
    expect(info.Author).toBe('Comptoir Lyonnais de Fournitures');
    expect(info.Language).toBe('fr-FR');
    expect((await infoOf(await renderDocumentPdf(creditNote))).Title).toBe('Avoir AV-2026-000004');
  });
});

describe('lib/pdf stays pure', () => {
  it('imports no database, framework, server-only or route module', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /from '(@\/db|@\/app|next|react|server-only|postgres|drizzle)|import 'server-only'/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
