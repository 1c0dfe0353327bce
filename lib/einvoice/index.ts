/**
 * lib/einvoice — EN 16931 e-invoicing of B2B documents (spec/tax.md, "Invoices"): export as
 * UN/CEFACT CII XML (Factur-X / ZUGFeRD EN 16931 profile) and an exact check of such XML.
 * Pure: no I/O, no database, no framework import.
 */

/** A B2B invoice or credit note as CII XML; the error it throws for documents it cannot export. */
export { exportCii, CiiExportError, type ExportCiiOptions, type CiiUnitCode, type CiiPaymentMeansCode } from './export-cii';
/** The EN 16931 calculation and category rules, checked to the cent on a CII XML string. */
export { checkCii, type CheckCiiResult, type CiiViolation } from './check-cii';
/** The business terms of a CII XML string (what checkCii checks), e.g. to compare with the document. */
export { readCii, type ReadCiiResult, type CiiInvoice } from './read-cii';
/** How legal notes map to the note subjects PMD, PMT and AAB. */
export { classifyLegalNote, resolveLegalNotes, type PaymentNotes, type PaymentNoteSubject, type CiiNote } from './legal-notes';
/** Integer cents as `1234.56`, exactly. */
export { formatCents } from './decimal';
