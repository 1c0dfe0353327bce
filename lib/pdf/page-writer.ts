/**
 * A thin layer over a pdfkit document for an A4 page laid out top to bottom: it keeps the cursor,
 * measures before it draws so a block never straddles the footer, and draws tables whose rows wrap
 * and whose header repeats on every page they continue on. Every string goes through `toWinAnsi`
 * (the standard fonts encode nothing else).
 */
import { toWinAnsi } from './win-ansi';

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 40;
/** Room kept at the bottom of every page for the bank details and the page number. */
export const FOOTER_HEIGHT = 30;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** The lowest y the body may reach. */
export const BODY_BOTTOM = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const HEADER_FILL = '#eef1f4';
const CELL_PADDING_X = 3;
const CELL_PADDING_Y = 3;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  muted?: boolean;
  align?: 'left' | 'right' | 'center';
}

export interface Column {
  header: string;
  /** Points; the one column without a width takes what is left of the table's width. */
  width?: number;
  align?: 'left' | 'right';
}

export interface TableOptions {
  x?: number;
  width?: number;
  size?: number;
  /** Draw the header again at the top of each new page the table continues on. */
  repeatHeader?: boolean;
}

export class PageWriter {
  /** The cursor: where the next block starts. */
  y = MARGIN;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  private apply(style: TextStyle): void {
    this.doc
      .font(style.bold === true ? BOLD : REGULAR)
      .fontSize(style.size ?? 9)
      .fillColor(style.muted === true ? MUTED : INK);
  }

  /** The height `text` takes when wrapped to `width` in `style`. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    this.apply(style);
    const printable = toWinAnsi(text);
    const lineHeight = this.doc.currentLineHeight(true);
    return printable.trim() === '' ? lineHeight : Math.max(lineHeight, this.doc.heightOfString(printable, { width }));
  }

  /** Draws `text` wrapped to `width` at (x, y) and returns the height it took; the cursor does not move. */
  textAt(text: string, x: number, y: number, width: number, style: TextStyle = {}, maxHeight?: number): number {
    const height = this.measure(text, width, style);
    const clipped = maxHeight !== undefined && height > maxHeight;
    this.doc.text(toWinAnsi(text), x, y, {
      width,
      align: style.align ?? 'left',
      ...(clipped ? { height: maxHeight, ellipsis: true } : {}),
    });
    return clipped ? maxHeight : height;
  }

  /** Starts a new page if a block of `height` does not fit above the footer. */
  ensure(height: number): void {
    if (this.y + height > BODY_BOTTOM) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Draws lines of text one under the other at the cursor, each paragraph kept on one page. */
  paragraphs(texts: readonly string[], style: TextStyle = {}, x = MARGIN, width = CONTENT_WIDTH, gap = 2): void {
    for (const text of texts) {
      const height = this.measure(text, width, style);
      if (height > BODY_BOTTOM - MARGIN) {
        // Longer than a page: let pdfkit flow it across pages (its bottom margin spares the footer).
        if (this.y + this.measure('x', width, style) > BODY_BOTTOM) this.newPage();
        this.apply(style);
        this.doc.text(toWinAnsi(text), x, this.y, { width, align: style.align ?? 'left' });
        this.y = this.doc.y + gap;
        continue;
      }
      this.ensure(height);
      this.textAt(text, x, this.y, width, style);
      this.y += height + gap;
    }
  }

  /** A horizontal rule across `width` at the cursor. */
  rule(x = MARGIN, width = CONTENT_WIDTH, y = this.y): void {
    this.doc.save().lineWidth(0.5).strokeColor(RULE).moveTo(x, y).lineTo(x + width, y).stroke().restore();
  }

  /** A box outline. */
  box(x: number, y: number, width: number, height: number): void {
    this.doc.save().lineWidth(0.75).strokeColor(RULE).rect(x, y, width, height).stroke().restore();
  }

  /**
   * Draws a table at the cursor: a shaded header, then one row per entry of `rows` (one string per
   * column), each row as tall as its tallest wrapped cell. A row that does not fit above the footer
   * starts a new page, where the header is drawn again when `repeatHeader`. A single cell taller
   * than a whole page is cut with an ellipsis (a description of several thousand characters).
   */
  private geometry(columns: readonly Column[], options: TableOptions) {
    const x = options.x ?? MARGIN;
    const width = options.width ?? CONTENT_WIDTH;
    const size = options.size ?? 8.5;
    const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
    const flexible = columns.filter((c) => c.width === undefined).length;
    const widths = columns.map((c) => c.width ?? (width - fixed) / Math.max(1, flexible));
    const lefts = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const cellWidth = (i: number) => (widths[i] ?? 0) - 2 * CELL_PADDING_X;
    const headerHeight =
      Math.max(...columns.map((c, i) => this.measure(c.header, cellWidth(i), { size, bold: true }))) + 2 * CELL_PADDING_Y;
    // The tallest a cell may be: a whole page under a repeated header.
    const maxCellHeight = BODY_BOTTOM - MARGIN - headerHeight - 2 * CELL_PADDING_Y;
    const rowHeight = (row: readonly string[]) =>
      Math.max(...columns.map((_, i) => Math.min(maxCellHeight, this.measure(row[i] ?? '', cellWidth(i), { size })))) +
      2 * CELL_PADDING_Y;
    return { x, width, size, lefts, cellWidth, headerHeight, maxCellHeight, rowHeight };
  }

  /** The height `table` would take with these rows, were it drawn on one page. */
  tableHeight(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): number {
    const g = this.geometry(columns, options);
    return rows.reduce((h, row) => h + g.rowHeight(row), g.headerHeight);
  }

  /**
   * Draws a table at the cursor: a shaded header, then one row per entry of `rows` (one string per
   * column), each row as tall as its tallest wrapped cell. A row that does not fit above the footer
   * starts a new page, where the header is drawn again when `repeatHeader`. A single cell taller
   * than a whole page is cut with an ellipsis (a description of several thousand characters).
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const { x, width, size, lefts, cellWidth, headerHeight, maxCellHeight, rowHeight } = this.geometry(columns, options);
    const drawHeader = () => {
      this.doc.save().rect(x, this.y, width, headerHeight).fill(HEADER_FILL).restore();
      columns.forEach((c, i) => {
        this.textAt(c.header, (lefts[i] ?? x) + CELL_PADDING_X, this.y + CELL_PADDING_Y, cellWidth(i), {
          size,
          bold: true,
          align: c.align ?? 'left',
        });
      });
      this.y += headerHeight;
    };

    // Never a header alone at the bottom of a page.
    const first = rows[0];
    this.ensure(headerHeight + (first === undefined ? 0 : rowHeight(first)));
    drawHeader();
    for (const row of rows) {
      const height = rowHeight(row);
      if (this.y + height > BODY_BOTTOM) {
        this.newPage();
        if (options.repeatHeader === true) drawHeader();
      }
      columns.forEach((c, i) => {
        this.textAt(
          row[i] ?? '',
          (lefts[i] ?? x) + CELL_PADDING_X,
          this.y + CELL_PADDING_Y,
          cellWidth(i),
          { size, align: c.align ?? 'left' },
          maxCellHeight,
        );
      });
      this.y += height;
      this.rule(x, width);
    }
  }
}
