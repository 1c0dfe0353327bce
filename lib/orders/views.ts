import type { PostalAddress, StoredBreakdown } from '@/db/schema';
import type { OrderStatus } from './rules';

/** An order as the pages show it: amounts exactly as placed. */
export interface OrderView {
  id: string;
  number: string;
  channel: 'b2c' | 'b2b';
  priceMode: 'tax_inclusive' | 'tax_exclusive';
  status: OrderStatus;
  customerName: string;
  email: string;
  accountId: string | null;
  billingAddress: PostalAddress;
  deliveryAddress: PostalAddress;
  shippingMethod: string;
  paymentMethod: 'card' | 'bank_transfer' | 'on_account';
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  vatBreakdown: StoredBreakdown[];
  mentions: string[];
  createdAt: Date;
  placedAt: Date | null;
  lines: {
    position: number;
    productId: string | null;
    sku: string | null;
    description: string;
    quantity: number;
    unitPriceCents: number;
    discountBp: number;
    vatRateBp: number;
    lineTotalCents: number;
    netCents: number;
  }[];
  adjustments: { kind: 'charge' | 'allowance'; reason: string | null; vatRateBp: number; amountCents: number; netCents: number }[];
}

export interface OrderHistoryEntry {
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actorName: string | null;
  note: string | null;
  createdAt: Date;
}

export interface OrderPaymentEntry {
  kind: 'capture' | 'refund' | 'transfer_received';
  method: 'card' | 'bank_transfer' | 'on_account';
  amountCents: number;
  providerRef: string | null;
  createdAt: Date;
}
