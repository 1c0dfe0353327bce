/** Why a B2B order waits for a purchaser (spec/b2b.md, "Limits, budgets and approval"). */
export type ApprovalReason = 'over_order_limit' | 'over_monthly_limit' | 'budget' | 'off_contract' | 'over_company_threshold';

export const APPROVAL_REASON_LABELS: Record<ApprovalReason, string> = {
  over_order_limit: 'dépasse votre plafond par commande',
  over_monthly_limit: 'dépasse votre plafond mensuel',
  budget: 'le budget restant ne couvre pas la commande',
  off_contract: 'contient des articles hors contrat',
  over_company_threshold: 'dépasse le seuil d’approbation de l’entreprise',
};

export interface ApprovalInput {
  orderNetCents: number;
  orderLimitCents: number | null;
  monthlyLimitCents: number | null;
  /** HT already ordered by this person this month (orders placed or awaiting approval). */
  monthSpentCents: number;
  /** amount − held − committed of the budget the order counts against; null when no budget applies. */
  budgetRemainingCents: number | null;
  hasOffContractLines: boolean;
  companyThresholdCents: number | null;
}

/** The reasons an order needs approval; empty means it is placed at once. Pure. */
export function approvalReasons(i: ApprovalInput): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  if (i.orderLimitCents !== null && i.orderNetCents > i.orderLimitCents) reasons.push('over_order_limit');
  if (i.monthlyLimitCents !== null && i.monthSpentCents + i.orderNetCents > i.monthlyLimitCents) reasons.push('over_monthly_limit');
  if (i.budgetRemainingCents !== null && i.orderNetCents > i.budgetRemainingCents) reasons.push('budget');
  if (i.hasOffContractLines) reasons.push('off_contract');
  if (i.companyThresholdCents !== null && i.orderNetCents > i.companyThresholdCents) reasons.push('over_company_threshold');
  return reasons;
}
