/** What the shop needs from a card payment provider; card data only passes through, never stored. */
export interface CardDetails {
  number: string;
  expiry: string;
  cvc: string;
  holder: string;
}

export type ChargeResult = { ok: true; providerRef: string } | { ok: false; declineMessage: string };

export interface PaymentProvider {
  charge(input: { amountCents: number; card: CardDetails; reference: string }): Promise<ChargeResult>;
  refund(input: { providerRef: string; amountCents: number; reference: string }): Promise<{ ok: boolean; providerRef?: string }>;
}
