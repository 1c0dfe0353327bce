/**
 * Which EN 16931 note subject (BT-22) a French legal note of an invoice belongs to.
 *
 * A B2B invoice must state the late-payment penalty rate (PMD), the fixed 40 € recovery indemnity
 * (PMT) and the early-payment discount terms or "Pas d'escompte pour paiement anticipé" (AAB).
 * `CommercialDocument.legalNotes` holds these as the sentences printed on the PDF. The export either
 * takes the three texts explicitly (`notes: { pmd, pmt, aab }`) or recognises them in `legalNotes`
 * by the words the law itself uses, compared without case or accents:
 *
 * | subject | a note is recognised when it contains                          |
 * |---------|-----------------------------------------------------------------|
 * | AAB     | "escompte"                                                      |
 * | PMT     | "indemnité forfaitaire" or "frais de recouvrement"              |
 * | PMD     | "pénalité" or "intérêts de retard" or "taux d'intérêt"          |
 *
 * A note may match several subjects (one sentence covering penalty and indemnity): it is then
 * exported once under each. A note matching none is exported under REG (regulatory information).
 * An explicit text replaces the recognised notes of its subject; a legal note thereby left without
 * any subject is exported under REG, so no printed sentence is ever dropped.
 */
import { NOTE_SUBJECT } from './cii-constants';

/** The three French payment-terms subjects. */
export type PaymentNoteSubject = 'PMD' | 'PMT' | 'AAB';

/** Explicit texts for the three subjects (each optional; a given one wins over `legalNotes`). */
export interface PaymentNotes {
  /** Late-payment penalty (subject PMD). */
  pmd?: string | null;
  /** 40 € recovery indemnity (subject PMT). */
  pmt?: string | null;
  /** Early-payment discount or its absence (subject AAB). */
  aab?: string | null;
}

/** One exported note: BT-22 content and BT-21 subject code. */
export interface CiiNote {
  content: string;
  subjectCode: string;
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019\u02bc]/g, "'")
    .toLowerCase();

const PATTERNS: readonly [PaymentNoteSubject, RegExp][] = [
  ['PMD', /penalite|interets? de retard|taux d'interet/],
  ['PMT', /indemnite forfaitaire|frais de recouvrement/],
  ['AAB', /escompte/],
];

/** The payment subjects a legal note covers, in the order PMD, PMT, AAB (empty when none). */
export function classifyLegalNote(note: string): PaymentNoteSubject[] {
  const folded = fold(note);
  return PATTERNS.filter(([, pattern]) => pattern.test(folded)).map(([subject]) => subject);
}

const SUBJECTS: readonly [PaymentNoteSubject, keyof PaymentNotes][] = [
  ['PMD', 'pmd'],
  ['PMT', 'pmt'],
  ['AAB', 'aab'],
];

/**
 * The notes of the three payment subjects and the other legal notes, in this order: PMD, PMT, AAB
 * (explicit text, or every legal note recognised for it), then REG for the remaining legal notes.
 * Blank notes are left out.
 */
export function resolveLegalNotes(legalNotes: readonly string[], explicit: PaymentNotes = {}): CiiNote[] {
  const notes = legalNotes.filter((n) => n.trim() !== '').map((text) => ({ text, subjects: classifyLegalNote(text) }));
  const used = new Set<number>();
  const out: CiiNote[] = [];
  for (const [subject, key] of SUBJECTS) {
    const given = explicit[key];
    if (given !== undefined && given !== null && given.trim() !== '') {
      out.push({ content: given, subjectCode: subject });
      continue;
    }
    notes.forEach((note, i) => {
      if (note.subjects.includes(subject)) {
        out.push({ content: note.text, subjectCode: subject });
        used.add(i);
      }
    });
  }
  notes.forEach((note, i) => {
    if (!used.has(i)) out.push({ content: note.text, subjectCode: NOTE_SUBJECT.regulatory });
  });
  return out;
}
