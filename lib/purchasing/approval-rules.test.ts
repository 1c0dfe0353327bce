import { describe, expect, it } from 'vitest';
import { type ApprovalInput, approvalReasons } from './approval-rules';

const base: ApprovalInput = {
  orderNetCents: 30_000,
  orderLimitCents: 50_000,
  monthlyLimitCents: 200_000,
  monthSpentCents: 0,
  budgetRemainingCents: 100_000,
  hasOffContractLines: false,
  companyThresholdCents: 500_000,
};

describe('approvalReasons', () => {
  it.each([
    ['within every limit', {}, []],
    ['exactly at the order limit', { orderNetCents: 50_000 }, []],
    ['one cent over the order limit', { orderNetCents: 50_001 }, ['over_order_limit']],
    ['over the month', { monthSpentCents: 180_000 }, ['over_monthly_limit']],
    ['budget cannot cover', { budgetRemainingCents: 29_999 }, ['budget']],
    ['budget exactly covers', { budgetRemainingCents: 30_000 }, []],
    ['no budget configured', { budgetRemainingCents: null }, []],
    ['off contract', { hasOffContractLines: true }, ['off_contract']],
    ['over company threshold', { orderNetCents: 600_000, orderLimitCents: null, monthlyLimitCents: null, budgetRemainingCents: null }, ['over_company_threshold']],
    ['no limits at all', { orderNetCents: 10_000_000, orderLimitCents: null, monthlyLimitCents: null, budgetRemainingCents: null, companyThresholdCents: null }, []],
    [
      'several at once',
      { orderNetCents: 700_000, hasOffContractLines: true },
      ['over_order_limit', 'over_monthly_limit', 'budget', 'off_contract', 'over_company_threshold'],
    ],
  ] as const)('%s', (_label, change, expected) => {
    expect(approvalReasons({ ...base, ...change })).toEqual(expected);
  });
});
