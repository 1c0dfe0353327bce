import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('safeCallbackPath', () => {
  it.each([
    [null, '/home'],
    ['', '/home'],
    ['/b2b', '/b2b'],
    ['/crm?x=1', '/crm?x=1'],
    ['https://evil.test/', '/home'],
    ['//evil.test', '/home'],
    ['/\\evil.test', '/home'],
    ['javascript:alert(1)', '/home'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
