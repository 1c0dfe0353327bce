/**
 * lib/pdf — renders a frozen `CommercialDocument` (quote, invoice, credit note) to an A4 PDF with
 * the French layout and mentions. Pure: no database, no framework, no file read beyond pdfkit's own
 * font metrics. It prints the document's stored figures and never recomputes a price or a tax.
 */
import PDFDocument from 'pdfkit';
import type { CommercialDocument, DocumentLine } from '@/lib/documents/types';
import { formatMoney, formatRateBp } from '@/lib/money';
import { formatAddressLines, formatDateFr, formatQuantity, formatUnitPrice } from './format';
import { frPdf } from './messages-fr';
import { BODY_BOTTOM, CONTENT_WIDTH, FOOTER_HEIGHT, MARGIN, PageWriter, type Column } from './page-writer';

/** A file embedded in the PDF (the Factur-X XML: `factur-x.xml`, `text/xml`, `Alternative`). */
export interface PdfAttachment {
  name: string;
  /** Bytes, or text (encoded as UTF-8) — never a path. */
  content: Uint8Array | string;
  mimeType: string;
  description?: string;
  /** The file's /AFRelationship to the document (PDF/A-3, Factur-X). Default `Data`. */
  relationship?: 'Alternative' | 'Data' | 'Source';
}

/** Options of `renderDocumentPdf`. */
export interface RenderDocumentPdfOptions {
  /** Embedded files, each listed in /EmbeddedFiles and referenced from the catalog's /AF array. */
  attachments?: PdfAttachment[];
  /** The PDF's title (document information and viewer title bar). Default `Facture F-…`. */
  title?: string;
}

const m = frPdf;
const GAP = 12;

/** pdfkit's file() accepts a relationship that @types/pdfkit does not declare yet. */
type FileOptions = PDFKit.Mixins.PDFAttachmentOptions & { relationship?: PdfAttachment['relationship'] };

/**
 * Renders `doc` to PDF bytes: seller letterhead, title and number by kind, buyer and delivery,
 * references, the lines table (paginated, header repeated), charges and allowances, the VAT
 * breakdown, totals, the treatment's mentions verbatim, terms and notes, bank details on invoices
 * and `Page n / N` on every page. Attachments are embedded and referenced from /AF.
 */
export async function renderDocumentPdf(doc: CommercialDocument, options: RenderDocumentPdfOptions = {}): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: options.title ?? m.defaultTitle(doc.kind, doc.number),
      Author: doc.seller.name,
      Subject: m.defaultTitle(doc.kind, doc.number),
      Creator: 'Comptoir',
    },
  });
  const chunks: Uint8Array[] = [];
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const writer = new PageWriter(pdf);
  drawHeading(writer, doc);
  drawParties(writer, doc);
  drawReferences(writer, doc);
  drawLines(writer, doc);
  drawAdjustments(writer, doc);
  drawTotals(writer, doc);
  drawMentionsAndTerms(writer, doc);
  drawPageFurniture(writer, doc);

  for (const attachment of options.attachments ?? []) {
    const content = typeof attachment.content === 'string' ? new TextEncoder().encode(attachment.content) : attachment.content;
    const now = new Date();
    const fileOptions: FileOptions = {
      name: attachment.name,
      type: attachment.mimeType,
      relationship: attachment.relationship ?? 'Data',
      creationDate: now,
      modifiedDate: now,
      ...(attachment.description === undefined ? {} : { description: attachment.description }),
    };
    // A Uint8Array is embedded as is; pdfkit would read a string as a file path.
    pdf.file(content as Buffer, fileOptions);
  }

  pdf.end();
  await finished;
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const present = (v: string | null | undefined): v is string => v != null && v.trim() !== '';

function drawHeading(w: PageWriter, doc: CommercialDocument): void {
  const seller = doc.seller;
  const leftWidth = 255;
  const rightX = MARGIN + leftWidth + 20;
  const rightWidth = CONTENT_WIDTH - leftWidth - 20;
  const top = w.y;

  let left = top;
  left += w.textAt(seller.name, MARGIN, left, leftWidth, { size: 13, bold: true }) + 2;
  const capital = m.capital(seller.legalForm ?? null, present(seller.shareCapital) ? seller.shareCapital : null);
  const identity = [
    present(seller.siren) ? m.siren(seller.siren) : null,
    present(seller.siret) ? m.siret(seller.siret) : null,
  ].filter(present);
  const sellerLines = [
    capital,
    ...formatAddressLines(seller.address, seller.address.country),
    identity.join(' — '),
    seller.rcs ?? '',
    present(seller.vatNumber) ? m.vatNumber(seller.vatNumber) : '',
    present(seller.email) ? m.email(seller.email) : '',
    present(seller.phone) ? m.phone(seller.phone) : '',
  ].filter(present);
  for (const line of sellerLines) left += w.textAt(line, MARGIN, left, leftWidth, { size: 8.5, muted: true }) + 1;

  let right = top;
  right += w.textAt(m.kinds[doc.kind], rightX, right, rightWidth, { size: 20, bold: true, align: 'right' }) + 2;
  const headingLines: { text: string; bold?: boolean }[] = [];
  if (doc.kind === 'quote' && doc.version !== undefined) headingLines.push({ text: m.version(doc.version) });
  headingLines.push({ text: m.number(doc.number), bold: true });
  headingLines.push({ text: m.issuedOn(formatDateFr(doc.issueDate)) });
  if (doc.kind === 'quote' && present(doc.validUntil)) headingLines.push({ text: m.validUntil(formatDateFr(doc.validUntil)) });
  const invoice = doc.references?.invoiceNumber;
  if (doc.kind === 'credit_note' && present(invoice)) {
    const issued = doc.references?.invoiceIssueDate;
    headingLines.push({ text: m.creditNoteOf(invoice, present(issued) ? formatDateFr(issued) : null) });
  }
  for (const line of headingLines) {
    right += w.textAt(line.text, rightX, right, rightWidth, { size: 10, bold: line.bold ?? false, align: 'right' }) + 2;
  }
  w.y = Math.max(left, right) + GAP;
  w.rule();
  w.y += GAP;
}

function partyLines(doc: CommercialDocument): string[] {
  const buyer = doc.buyer;
  return [
    ...formatAddressLines(buyer.address, doc.seller.address.country),
    present(buyer.siren) ? m.siren(buyer.siren) : '',
    present(buyer.vatNumber) ? m.vatNumber(buyer.vatNumber) : '',
  ].filter(present);
}

function drawParties(w: PageWriter, doc: CommercialDocument): void {
  const columnWidth = (CONTENT_WIDTH - 20) / 2;
  const buyerX = MARGIN + columnWidth + 20;
  const pad = 8;
  const inner = columnWidth - 2 * pad;

  const buyerBlock = [m.buyer, doc.buyer.name, ...partyLines(doc)];
  const deliveryBlock: string[] = [];
  if (doc.deliveryAddress != null) {
    deliveryBlock.push(m.delivery);
    if (present(doc.deliveryAddress.name)) deliveryBlock.push(doc.deliveryAddress.name);
    deliveryBlock.push(...formatAddressLines(doc.deliveryAddress, doc.seller.address.country));
  }
  if (present(doc.deliveryDate)) deliveryBlock.push(m.deliveryDate(formatDateFr(doc.deliveryDate)));

  const styleOf = (block: string[], i: number) =>
    i === 0 ? { size: 7.5, muted: true } : i === 1 && block === buyerBlock ? { size: 10, bold: true } : { size: 9 };
  const heightOf = (block: string[], width: number) =>
    block.reduce((h, line, i) => h + w.measure(line, width, styleOf(block, i)) + 1, 0);
  const buyerHeight = heightOf(buyerBlock, inner) + 2 * pad;
  const deliveryHeight = heightOf(deliveryBlock, columnWidth);
  w.ensure(Math.max(buyerHeight, deliveryHeight));

  const top = w.y;
  let y = top;
  deliveryBlock.forEach((line, i) => {
    y += w.textAt(line, MARGIN, y, columnWidth, styleOf(deliveryBlock, i)) + 1;
  });
  w.box(buyerX, top, columnWidth, buyerHeight);
  let by = top + pad;
  buyerBlock.forEach((line, i) => {
    by += w.textAt(line, buyerX + pad, by, inner, styleOf(buyerBlock, i)) + 1;
  });
  w.y = Math.max(y, top + buyerHeight) + GAP;
}

function drawReferences(w: PageWriter, doc: CommercialDocument): void {
  const refs = doc.references ?? {};
  const parts = [
    present(refs.orderNumber) ? m.references.orderNumber(refs.orderNumber) : '',
    present(refs.purchaseOrderRef) ? m.references.purchaseOrderRef(refs.purchaseOrderRef) : '',
    present(refs.quoteNumber) ? m.references.quoteNumber(refs.quoteNumber) : '',
  ].filter(present);
  const lines: string[] = [];
  if (parts.length > 0) lines.push(parts.join('    '));
  if (doc.kind !== 'quote') lines.push(`${m.nature.label} : ${m.nature[doc.nature]}`);
  if (lines.length === 0) return;
  w.paragraphs(lines, { size: 9 });
  w.y += GAP - 2;
}

function lineRow(line: DocumentLine): string[] {
  return [
    line.sku ?? '',
    line.description,
    formatQuantity(line.quantity),
    formatUnitPrice(line.unitPriceCents, line.baseQuantity),
    line.discountBp === 0 ? '' : formatRateBp(line.discountBp),
    formatRateBp(line.vatRateBp),
    formatMoney(line.lineTotalCents),
  ];
}

function drawLines(w: PageWriter, doc: CommercialDocument): void {
  const inclusive = doc.mode === 'tax_inclusive';
  const columns: Column[] = [
    { header: m.columns.sku, width: 62 },
    { header: m.columns.description },
    { header: m.columns.quantity, width: 40, align: 'right' },
    { header: m.columns.unitPrice(inclusive), width: 78, align: 'right' },
    { header: m.columns.discount, width: 42, align: 'right' },
    { header: m.columns.vat, width: 36, align: 'right' },
    { header: m.columns.total(inclusive), width: 72, align: 'right' },
  ];
  const lines = [...doc.lines].sort((a, b) => a.position - b.position);
  w.table(columns, lines.map(lineRow), { repeatHeader: true });
  w.y += GAP;
}

function drawAdjustments(w: PageWriter, doc: CommercialDocument): void {
  if (doc.adjustments.length === 0) return;
  const inclusive = doc.mode === 'tax_inclusive';
  const columns: Column[] = [
    { header: m.adjustments.title },
    { header: m.columns.vat, width: 60, align: 'right' },
    { header: m.columns.total(inclusive), width: 90, align: 'right' },
  ];
  const rows = doc.adjustments.map((a) => [
    `${a.kind === 'charge' ? m.adjustments.charge : m.adjustments.allowance} : ${a.reason}`,
    formatRateBp(a.vatRateBp),
    // The stored amount is positive; an allowance is printed as what it is, a deduction.
    a.kind === 'charge' ? formatMoney(a.amountCents) : formatMoney(-a.amountCents),
  ]);
  w.table(columns, rows, { repeatHeader: true });
  w.y += GAP;
}

function drawTotals(w: PageWriter, doc: CommercialDocument): void {
  const breakdownWidth = 300;
  const totalsWidth = 200;
  const totalsX = MARGIN + CONTENT_WIDTH - totalsWidth;

  const breakdownColumns: Column[] = [
    { header: m.breakdown.rate },
    { header: m.breakdown.base, width: 80, align: 'right' },
    { header: m.breakdown.vat, width: 75, align: 'right' },
  ];
  const breakdownRows = doc.breakdown.map((b) => {
    const label = m.categories[b.category];
    return [
      label === null ? formatRateBp(b.vatRateBp) : `${formatRateBp(b.vatRateBp)} — ${label}`,
      formatMoney(b.taxableCents),
      formatMoney(b.vatCents),
    ];
  });

  const totals: { label: string; amount: string; strong?: boolean }[] = [
    { label: m.totals.net, amount: formatMoney(doc.totalNetCents) },
    { label: m.totals.vat, amount: formatMoney(doc.totalVatCents) },
    { label: m.totals.gross, amount: formatMoney(doc.totalGrossCents), strong: true },
  ];
  const prepaid = doc.prepaidCents ?? 0;
  if (prepaid > 0) {
    totals.push({ label: m.totals.prepaid, amount: formatMoney(prepaid) });
    // The only subtraction in this module: the amount due is, by definition, gross − prepaid.
    totals.push({ label: m.totals.due, amount: formatMoney(doc.totalGrossCents - prepaid), strong: true });
  }

  const rowHeight = (t: (typeof totals)[number]) => w.measure(t.amount, totalsWidth, { size: 10, bold: true }) + 6;
  const totalsHeight = totals.reduce((h, t) => h + rowHeight(t), 0);
  const breakdownHeight =
    w.measure(m.breakdown.title, breakdownWidth, { size: 9, bold: true }) +
    4 +
    w.tableHeight(breakdownColumns, breakdownRows, { width: breakdownWidth });
  w.ensure(Math.max(totalsHeight, breakdownHeight));

  const top = w.y;
  w.y += w.textAt(m.breakdown.title, MARGIN, w.y, breakdownWidth, { size: 9, bold: true }) + 4;
  w.table(breakdownColumns, breakdownRows, { width: breakdownWidth });
  const breakdownBottom = w.y;

  let y = top;
  for (const t of totals) {
    const style = { size: t.strong === true ? 10 : 9, bold: t.strong === true };
    w.textAt(t.label, totalsX, y + 3, totalsWidth / 2, style);
    w.textAt(t.amount, totalsX + totalsWidth / 2, y + 3, totalsWidth / 2, { ...style, align: 'right' });
    y += rowHeight(t);
    w.rule(totalsX, totalsWidth, y);
  }
  w.y = Math.max(breakdownBottom, y) + GAP;
}

function drawMentionsAndTerms(w: PageWriter, doc: CommercialDocument): void {
  w.paragraphs(doc.mentions, { size: 9, bold: true });
  const terms = [
    present(doc.paymentTerms) ? m.paymentTerms(doc.paymentTerms) : '',
    present(doc.dueDate) ? m.dueDate(formatDateFr(doc.dueDate)) : '',
    present(doc.deliveryTerms) ? m.deliveryTerms(doc.deliveryTerms) : '',
  ].filter(present);
  if (doc.mentions.length > 0 && terms.length > 0) w.y += 4;
  w.paragraphs(terms, { size: 9 });
  const legal = (doc.legalNotes ?? []).filter(present);
  if (legal.length > 0) {
    w.y += 4;
    w.paragraphs(legal, { size: 7.5, muted: true });
  }
  const notes = (doc.notes ?? []).filter(present);
  if (notes.length > 0) {
    w.y += 6;
    w.paragraphs([m.notes], { size: 9, bold: true });
    w.paragraphs(notes, { size: 9 });
  }
}

/** On every page: `(suite)` at the top of continuation pages, bank details on invoices, `Page n / N`. */
function drawPageFurniture(w: PageWriter, doc: CommercialDocument): void {
  const pdf = w.doc;
  const range = pdf.bufferedPageRange();
  const bank =
    doc.kind === 'invoice' && present(doc.seller.iban)
      ? m.bank(doc.seller.iban, present(doc.seller.bic) ? doc.seller.bic : null)
      : null;
  const footerY = BODY_BOTTOM + 10;
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Writing below the body's bottom margin would make pdfkit open a page: lift it meanwhile.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    if (i > 0) {
      w.textAt(m.continued(m.kinds[doc.kind], doc.number), MARGIN, MARGIN - 18, CONTENT_WIDTH, { size: 7.5, muted: true });
    }
    w.rule(MARGIN, CONTENT_WIDTH, footerY - 4);
    if (bank !== null) w.textAt(bank, MARGIN, footerY, CONTENT_WIDTH - 80, { size: 7.5, muted: true });
    w.textAt(m.page(i + 1, range.count), MARGIN + CONTENT_WIDTH - 80, footerY, 80, { size: 7.5, muted: true, align: 'right' });
    pdf.page.margins.bottom = bottom;
  }
}
