import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYearOf, monthOf, parisDate } from './periods';

describe('periods', () => {
  it.each([
    ['2026-11-28', 12, '2026-01-01', '2026-12-31'],
    ['2026-11-28', 3, '2026-04-01', '2027-03-31'],
    ['2026-03-31', 3, '2025-04-01', '2026-03-31'],
    ['2026-04-01', 3, '2026-04-01', '2027-03-31'],
    ['2026-06-30', 6, '2025-07-01', '2026-06-30'],
    ['2024-02-10', 2, '2023-03-01', '2024-02-29'],
  ])('%s with year end month %i → %s … %s', (date, end, start, finish) => {
    expect(fiscalYearOf(date, end)).toEqual({ start, end: finish });
  });

  it('every date lies in its fiscal year, which spans twelve months', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), (d, end) => {
        const date = d.toISOString().slice(0, 10);
        const fy = fiscalYearOf(date, end);
        expect(fy.start <= date && date <= fy.end).toBe(true);
        const [sy, sm] = fy.start.split('-').map(Number) as [number, number];
        const [ey, em] = fy.end.split('-').map(Number) as [number, number];
        expect((ey - sy) * 12 + em - sm).toBe(11);
      }),
    );
  });

  it('months and Paris dates', () => {
    expect(monthOf('2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
