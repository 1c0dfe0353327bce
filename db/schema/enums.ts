import { pgEnum } from 'drizzle-orm/pg-core';

export const accountKind = pgEnum('account_kind', ['company', 'individual']);
export const accountStatus = pgEnum('account_status', ['prospect', 'active', 'suspended']);
export const addressKind = pgEnum('address_kind', ['billing', 'delivery']);
export const portalRole = pgEnum('portal_role', ['requester', 'purchaser', 'company_admin']);
export const userKind = pgEnum('user_kind', ['customer', 'business', 'staff']);
export const staffRole = pgEnum('staff_role', ['sales', 'admin']);
export const userStatus = pgEnum('user_status', ['active', 'deactivated']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
export const orderChannel = pgEnum('order_channel', ['b2c', 'b2b']);
export const priceMode = pgEnum('price_mode', ['tax_inclusive', 'tax_exclusive']);
export const orderStatus = pgEnum('order_status', [
  'pending_approval',
  'awaiting_payment',
  'credit_hold',
  'placed',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
  'rejected',
  'expired',
]);
export const orderOrigin = pgEnum('order_origin', ['cart', 'approval', 'quote']);
export const vatTreatment = pgEnum('vat_treatment', ['domestic', 'intra_eu_goods', 'reverse_charge', 'export']);
export const vatCategory = pgEnum('vat_category', ['S', 'Z', 'K', 'AE', 'G']);
export const paymentMethod = pgEnum('payment_method', ['card', 'bank_transfer', 'on_account']);
export const orderPaymentKind = pgEnum('order_payment_kind', ['capture', 'refund', 'transfer_received']);
export const adjustmentKind = pgEnum('adjustment_kind', ['charge', 'allowance']);
export const stockMovementKind = pgEnum('stock_movement_kind', ['order', 'cancel', 'adjustment', 'receipt']);
export const agreementStatus = pgEnum('agreement_status', ['draft', 'active', 'suspended', 'ended']);
export const budgetPeriodKind = pgEnum('budget_period_kind', ['fiscal_year', 'month']);
export const budgetEntryKind = pgEnum('budget_entry_kind', ['hold', 'commit', 'release']);
export const priceSource = pgEnum('price_source', ['agreement', 'list', 'quote', 'catalogue', 'free']);
export const purchaseProfile = pgEnum('purchase_profile', ['user', 'buyer', 'both']);
export const forecastStatus = pgEnum('forecast_status', ['expected', 'released', 'committed', 'spent']);
export const projectStatus = pgEnum('project_status', ['idea', 'planned', 'in_progress', 'done', 'abandoned']);
export const activityKind = pgEnum('activity_kind', ['call', 'meeting', 'visit', 'email', 'task', 'note']);
export const opportunityStage = pgEnum('opportunity_stage', ['qualification', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost']);
export const quoteRequestStatus = pgEnum('quote_request_status', ['submitted', 'in_progress', 'quoted', 'cancelled', 'declined']);
export const quoteStatus = pgEnum('quote_status', ['in_preparation', 'sent', 'accepted', 'changes_requested', 'declined', 'expired', 'withdrawn']);
export const quoteEventKind = pgEnum('quote_event_kind', ['request_status', 'quote_status', 'comment']);
export const documentNature = pgEnum('document_nature', ['goods', 'services', 'both']);
export const invoicePaymentMethod = pgEnum('invoice_payment_method', ['bank_transfer', 'card', 'cheque', 'direct_debit', 'other']);
export const creditNoteKind = pgEnum('credit_note_kind', ['full', 'partial']);
