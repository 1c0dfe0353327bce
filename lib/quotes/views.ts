import type { PostalAddress, QuoteBuyerSnapshot, StoredAdjustment, StoredBreakdown } from '@/db/schema';
import type { Treatment } from '@/lib/tax';
import type { QuoteState, RequestState } from './rules';

export interface QuoteListRow {
  id: string;
  number: string;
  title: string;
  accountId: string;
  accountName: string;
  status: QuoteState;
  latestSentVersion: number | null;
  validUntil: string | null;
  /** HT total of the latest sent version (the draft's for a quote never sent, staff only). */
  totalNetCents: number;
  updatedAt: Date;
}

export interface QuoteLineView {
  position: number;
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: number;
  unitPriceHtCents: number;
  discountBp: number;
  vatRateBp: number;
  vatCategory: 'S' | 'Z' | 'K' | 'AE' | 'G';
  lineTotalCents: number;
  netCents: number;
}

export interface QuoteVersionView {
  id: string;
  version: number;
  sent: boolean;
  sentAt: Date | null;
  validUntil: string | null;
  deliveryTerms: string;
  paymentTerms: string;
  clientNote: string;
  deliveryAddress: PostalAddress | null;
  treatment: Treatment;
  shippingHtCents: number;
  /** The parts of the delivery charge per VAT rate, as computed. */
  adjustments: StoredAdjustment[];
  totalNetCents: number;
  totalVatCents: number;
  totalGrossCents: number;
  vatBreakdown: StoredBreakdown[];
  mentions: string[];
  buyer: QuoteBuyerSnapshot | null;
  lines: QuoteLineView[];
}

export interface QuoteEventView {
  id: number;
  kind: 'request_status' | 'quote_status' | 'comment';
  fromState: string | null;
  toState: string | null;
  version: number | null;
  actorName: string | null;
  byStaff: boolean;
  note: string | null;
  at: Date;
}

export interface QuoteDetail {
  id: string;
  number: string;
  title: string;
  accountId: string;
  accountName: string;
  status: QuoteState;
  latestSentVersion: number | null;
  validUntil: string | null;
  requestId: string | null;
  requestNumber: string | null;
  opportunityId: string | null;
  orderId: string | null;
  orderNumber: string | null;
  decisionReason: string | null;
  /** Versions newest first: the client sees sent ones only; staff also the draft. */
  versions: QuoteVersionView[];
  events: QuoteEventView[];
}

export interface RequestListRow {
  id: string;
  number: string;
  title: string;
  accountName: string;
  requestedBy: string | null;
  status: RequestState;
  desiredDate: string | null;
  budgetHintHtCents: number | null;
  createdAt: Date;
}

export interface RequestDetail extends RequestListRow {
  accountId: string;
  description: string;
  declineReason: string | null;
  opportunityId: string | null;
  lines: { position: number; productId: string | null; sku: string | null; description: string; quantity: number }[];
  quotes: { id: string; number: string; status: QuoteState; latestSentVersion: number | null }[];
  events: QuoteEventView[];
}

export interface Paged<T> {
  rows: T[];
  page: number;
  pageCount: number;
  total: number;
}
