import { describe, expect, it } from 'vitest';
import { classifyLegalNote, resolveLegalNotes } from './legal-notes';

describe('classifyLegalNote', () => {
  it.each([
    ["Pénalités de retard : trois fois le taux d'intérêt légal.", ['PMD']],
    ['PENALITES DE RETARD : 10 %', ['PMD']],
    ["Intérêts de retard au taux de la BCE majoré de 10 points", ['PMD']],
    ['Indemnité forfaitaire pour frais de recouvrement : 40 €', ['PMT']],
    ['En cas de retard de paiement, une indemnité forfaitaire de 40 € est due.', ['PMT']],
    ["Pas d'escompte pour paiement anticipé.", ['AAB']],
    ['Escompte de 2 % pour paiement sous 8 jours.', ['AAB']],
    [
      'Pénalités de retard : 3 fois le taux légal ; indemnité forfaitaire pour frais de recouvrement : 40 €.',
      ['PMD', 'PMT'],
    ],
    ['TVA acquittée sur les débits.', []],
  ])('%j → %j', (note, subjects) => {
    expect(classifyLegalNote(note)).toEqual(subjects);
  });

  it('recognises the invoicing service’s sentences, typographic apostrophes included', () => {
    // The texts lib/invoicing/terms.ts puts in legalNotes (copied, so this test does not depend on that module).
    const notes = [
      'Pénalités de retard : trois fois le taux d’intérêt légal, exigibles dès le lendemain de la date d’échéance.',
      'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.',
      'Pas d’escompte pour paiement anticipé.',
    ];
    expect(notes.map(classifyLegalNote)).toEqual([['PMD'], ['PMT'], ['AAB']]);
    // Content decides, not position: the same notes in another order map the same way.
    expect(resolveLegalNotes([...notes].reverse()).map((n) => n.subjectCode)).toEqual(['PMD', 'PMT', 'AAB']);
  });
});

describe('resolveLegalNotes', () => {
  const notes = [
    'TVA acquittée sur les débits.',
    "Pas d'escompte pour paiement anticipé.",
    'Pénalités de retard : 3 fois le taux légal ; indemnité forfaitaire pour frais de recouvrement : 40 €.',
  ];

  it('orders PMD, PMT, AAB, then REG; a note covering two subjects appears under each', () => {
    expect(resolveLegalNotes(notes)).toEqual([
      { subjectCode: 'PMD', content: notes[2] },
      { subjectCode: 'PMT', content: notes[2] },
      { subjectCode: 'AAB', content: notes[1] },
      { subjectCode: 'REG', content: notes[0] },
    ]);
  });

  it('lets explicit texts win, and keeps a legal note thereby left without a subject under REG', () => {
    const resolved = resolveLegalNotes(notes, { pmd: 'Pénalités : taux BCE + 10 points', aab: "Pas d'escompte" });
    expect(resolved).toEqual([
      { subjectCode: 'PMD', content: 'Pénalités : taux BCE + 10 points' },
      { subjectCode: 'PMT', content: notes[2] },
      { subjectCode: 'AAB', content: "Pas d'escompte" },
      { subjectCode: 'REG', content: notes[0] },
      { subjectCode: 'REG', content: notes[1] },
    ]);
  });

  it('ignores blank notes and blank explicit texts', () => {
    expect(resolveLegalNotes(['  ', "Pas d'escompte."], { aab: ' ' })).toEqual([{ subjectCode: 'AAB', content: "Pas d'escompte." }]);
  });
});
