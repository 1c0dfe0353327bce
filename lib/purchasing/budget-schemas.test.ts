import { describe, expect, it } from 'vitest';
import { changeBudgetAmountSchema, createBudgetSchema, fiscalYearLabel, fiscalYearStartDate } from './budget-schemas';
import { fiscalYearOf } from './periods';

describe('fiscal years chosen by their starting year', () => {
  it.each([
    [2026, 12, '2026-01-01', '2026-12-31', '2026'],
    [2026, 3, '2026-04-01', '2027-03-31', '2026-2027'],
    [2026, 6, '2026-07-01', '2027-06-30', '2026-2027'],
    [2027, 1, '2027-02-01', '2028-01-31', '2027-2028'],
  ])('year %i, fiscal year ending in month %i → %s … %s (%s)', (year, endMonth, start, end, label) => {
    const p = fiscalYearOf(fiscalYearStartDate(year, endMonth), endMonth);
    expect(p).toEqual({ start, end });
    expect(fiscalYearLabel(p.start, p.end)).toBe(label);
  });
});

describe('createBudgetSchema', () => {
  it('parses a monthly budget with a French amount and a trimmed cost centre', () => {
    expect(createBudgetSchema.parse({ label: ' Atelier ', periodKind: 'month', month: '2026-09', costCentre: '  Atelier  nord ', amount: '1 500,00 €' })).toEqual({
      label: 'Atelier',
      periodKind: 'month',
      year: undefined,
      month: '2026-09',
      costCentre: 'Atelier nord',
      amountHtCents: 150_000,
    });
  });
  it.each([
    [{ periodKind: 'fiscal_year', amount: '10' }, 'year'],
    [{ periodKind: 'month', amount: '10' }, 'month'],
    [{ periodKind: 'month', month: '2026-13', amount: '10' }, 'month'],
    [{ periodKind: 'fiscal_year', year: '1999', amount: '10' }, 'year'],
    [{ periodKind: 'week', year: '2026', amount: '10' }, 'periodKind'],
    [{ periodKind: 'fiscal_year', year: '2026', amount: '0' }, 'amount'],
    [{ periodKind: 'fiscal_year', year: '2026', amount: '-5' }, 'amount'],
    [{ periodKind: 'fiscal_year', year: '2026', amount: '12,345' }, 'amount'],
  ])('refuses %o on %s', (values, field) => {
    const r = createBudgetSchema.safeParse({ label: 'B', ...values });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });
  it('amount changes need a budget id and a positive amount', () => {
    expect(changeBudgetAmountSchema.safeParse({ budgetId: 'x', amount: '10' }).success).toBe(false);
    expect(changeBudgetAmountSchema.parse({ budgetId: '7f1c1f3e-3b5a-4c8e-9a53-2d3f4e5a6b7c', amount: '20 000' })).toEqual({
      budgetId: '7f1c1f3e-3b5a-4c8e-9a53-2d3f4e5a6b7c',
      amountHtCents: 2_000_000,
    });
  });
});
