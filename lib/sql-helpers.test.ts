import { describe, expect, it } from 'vitest';
import { escapeLike, paginate, rowsOf } from './sql-helpers';

describe('sql helpers', () => {
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
  it.each([
    [0, 25, 1, { page: 1, pageCount: 1, offset: 0 }],
    [51, 25, 3, { page: 3, pageCount: 3, offset: 50 }],
    [51, 25, 99, { page: 3, pageCount: 3, offset: 50 }],
    [51, 25, -2, { page: 1, pageCount: 3, offset: 0 }],
    [51, 25, Number.NaN, { page: 1, pageCount: 3, offset: 0 }],
  ])('paginate(%i, %i, %s)', (total, size, page, expected) => {
    expect(paginate(total, size, page)).toEqual(expected);
  });
  it('reads rows from both drivers', () => {
    expect(rowsOf([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(rowsOf({ rows: [{ a: 2 }] })).toEqual([{ a: 2 }]);
  });
});
