import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { creditNoteLines, creditNotes, invoiceAdjustments, invoiceLines, invoicePayments, invoices, orders, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { roleCan } from '@/lib/auth/roles';
import type { CommercialDocument } from '@/lib/documents/types';
import { checkCii, exportCii } from '@/lib/einvoice';
import { canPurchase, isPortalActor } from '@/lib/purchasing/access';
import { parisDate } from '@/lib/purchasing/periods';
import { fail, ok, type Result } from '@/lib/result';
import { paginate } from '@/lib/sql-helpers';
import { creditedByRate } from './credit-note-math';
import { creditNoteDocument, invoiceDocument } from './documents';
import { paymentStateOf, type InvoicePaymentState } from './terms';

export const INVOICES_PAGE_SIZE = 25;
const NOT_FOUND = 'Facture introuvable.';
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/**
 * Who sees which invoices: staff all of them; a client company's purchasers and admins the
 * company's, its requesters those of their own orders; a consumer their own receipts. The scope
 * is built from the actor only — never from an id the client sent.
 */
function scopeOf(actor: Actor | null): SQL | string {
  if (!actor) return NOT_SIGNED_IN;
  if (roleCan(actor.role, 'orders.manage')) return sql`true`;
  if (isPortalActor(actor)) {
    return canPurchase(actor)
      ? eq(invoices.accountId, actor.accountId)
      : and(eq(invoices.accountId, actor.accountId), sql`exists (select 1 from orders o where o.id = ${invoices.orderId} and o.placed_by_user_id = ${actor.userId})`)!;
  }
  if (actor.role === 'customer' && actor.accountId) return and(eq(invoices.accountId, actor.accountId), eq(invoices.channel, 'b2c'))!;
  return NOT_ALLOWED;
}

// Table-qualified on purpose: in a single-table select drizzle prints `${invoices.id}` as a bare
// "id", which inside these subqueries would name the payment's or credit note's own id.
const invoiceIdRef = sql.raw('"invoices"."id"');
const credited = sql<number>`coalesce((select sum(c.total_gross_cents) from credit_notes c where c.invoice_id = ${invoiceIdRef}), 0)`.mapWith(Number);
const paid = sql<number>`coalesce((select sum(p.amount_cents) from invoice_payments p where p.invoice_id = ${invoiceIdRef}), 0)`.mapWith(Number);
const remaining = sql`greatest(${invoices.totalGrossCents} - coalesce((select sum(c.total_gross_cents) from credit_notes c where c.invoice_id = ${invoiceIdRef}), 0) - coalesce((select sum(p.amount_cents) from invoice_payments p where p.invoice_id = ${invoiceIdRef}), 0), 0)`;

export interface InvoiceListRow {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  buyerName: string;
  orderNumber: string;
  channel: 'b2c' | 'b2b';
  totalGrossCents: number;
  creditedCents: number;
  paidCents: number;
  remainingCents: number;
  state: InvoicePaymentState;
}

export interface InvoiceList {
  rows: InvoiceListRow[];
  page: number;
  pageCount: number;
  total: number;
  /** Still due over the whole scope, and the overdue part of it. */
  dueCents: number;
  overdueCents: number;
}

export const INVOICE_STATES = ['unpaid', 'partially_paid', 'paid', 'overdue'] as const;

function stateCondition(state: string | undefined, today: string): SQL | undefined {
  switch (state) {
    case 'paid':
      return sql`${remaining} = 0`;
    case 'overdue':
      return sql`${remaining} > 0 and ${invoices.dueDate} < ${today}::date`;
    case 'partially_paid':
      return sql`${remaining} > 0 and ${invoices.dueDate} >= ${today}::date and exists (select 1 from invoice_payments p where p.invoice_id = ${invoiceIdRef})`;
    case 'unpaid':
      return sql`${remaining} > 0 and ${invoices.dueDate} >= ${today}::date and not exists (select 1 from invoice_payments p where p.invoice_id = ${invoiceIdRef})`;
    default:
      return undefined;
  }
}

export async function listInvoices(db: Database, actor: Actor | null, opts: { page: number; state?: string; q?: string; today?: string }): Promise<Result<InvoiceList>> {
  const scope = scopeOf(actor);
  if (typeof scope === 'string') return fail(scope);
  const today = opts.today ?? parisDate();
  const text = opts.q?.trim();
  const where = and(
    scope,
    stateCondition(opts.state, today),
    text ? sql`(${invoices.number} ilike ${`%${text}%`} or ${invoices.orderNumber} ilike ${`%${text}%`} or ${invoices.buyer}->>'name' ilike ${`%${text}%`})` : undefined,
  );
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      due: sql<number>`coalesce(sum(${remaining}), 0)`.mapWith(Number),
      overdue: sql<number>`coalesce(sum(case when ${invoices.dueDate} < ${today}::date then ${remaining} else 0 end), 0)`.mapWith(Number),
    })
    .from(invoices)
    .where(where);
  const { page, pageCount, offset } = paginate(totals?.total ?? 0, INVOICES_PAGE_SIZE, opts.page);
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      buyerName: sql<string>`${invoices.buyer}->>'name'`,
      orderNumber: invoices.orderNumber,
      channel: invoices.channel,
      totalGrossCents: invoices.totalGrossCents,
      creditedCents: credited,
      paidCents: paid,
    })
    .from(invoices)
    .where(where)
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(INVOICES_PAGE_SIZE)
    .offset(offset);
  return ok({
    rows: rows.map((r) => {
      const s = paymentStateOf({ grossCents: r.totalGrossCents, creditedCents: r.creditedCents, paidCents: r.paidCents, dueDate: r.dueDate, today });
      return { ...r, remainingCents: s.remainingCents, state: s.state };
    }),
    page,
    pageCount,
    total: totals?.total ?? 0,
    dueCents: totals?.due ?? 0,
    overdueCents: totals?.overdue ?? 0,
  });
}

export interface InvoiceDetail {
  invoice: typeof invoices.$inferSelect;
  lines: (typeof invoiceLines.$inferSelect)[];
  adjustments: (typeof invoiceAdjustments.$inferSelect)[];
  payments: { id: string; amountCents: number; paidOn: string; method: string; reference: string | null; recordedBy: string | null }[];
  creditNotes: { id: string; number: string; issueDate: string; reason: string; kind: 'full' | 'partial'; totalGrossCents: number; totalNetCents: number }[];
  /** Per VAT rate, what credit notes already took (HT and TTC). */
  creditedByRate: Record<number, { netCents: number; grossCents: number }>;
  /** Per invoice line id, the quantity already credited. */
  creditedQuantities: Record<string, number>;
  creditedCents: number;
  paidCents: number;
  remainingCents: number;
  state: InvoicePaymentState;
  orderStatus: string;
}

export async function getInvoice(db: Database, actor: Actor | null, invoiceId: string, today = parisDate()): Promise<Result<InvoiceDetail>> {
  const scope = scopeOf(actor);
  if (typeof scope === 'string') return fail(scope);
  if (!isUuid(invoiceId)) return fail(NOT_FOUND);
  const [row] = await db
    .select({ invoice: invoices, orderStatus: orders.status })
    .from(invoices)
    .innerJoin(orders, eq(orders.id, invoices.orderId))
    .where(and(eq(invoices.id, invoiceId), scope));
  if (!row) return fail(NOT_FOUND);
  const [lines, adjustments, payments, notes] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position)),
    db.select().from(invoiceAdjustments).where(eq(invoiceAdjustments.invoiceId, invoiceId)).orderBy(asc(invoiceAdjustments.position)),
    db
      .select({
        id: invoicePayments.id,
        amountCents: invoicePayments.amountCents,
        paidOn: invoicePayments.paidOn,
        method: invoicePayments.method,
        reference: invoicePayments.reference,
        recordedBy: users.email,
      })
      .from(invoicePayments)
      .leftJoin(users, eq(users.id, invoicePayments.recordedByUserId))
      .where(eq(invoicePayments.invoiceId, invoiceId))
      .orderBy(asc(invoicePayments.paidOn), asc(invoicePayments.createdAt)),
    db
      .select({ id: creditNotes.id, number: creditNotes.number, issueDate: creditNotes.issueDate, reason: creditNotes.reason, kind: creditNotes.kind, totalGrossCents: creditNotes.totalGrossCents, totalNetCents: creditNotes.totalNetCents, breakdown: creditNotes.vatBreakdown })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, invoiceId))
      .orderBy(asc(creditNotes.sequence)),
  ]);
  const creditedLines = notes.length
    ? await db
        .select({ lineId: creditNoteLines.invoiceLineId, quantity: sql<number>`sum(${creditNoteLines.quantity})`.mapWith(Number) })
        .from(creditNoteLines)
        .innerJoin(creditNotes, eq(creditNotes.id, creditNoteLines.creditNoteId))
        .where(and(eq(creditNotes.invoiceId, invoiceId), sql`${creditNoteLines.invoiceLineId} is not null`))
        .groupBy(creditNoteLines.invoiceLineId)
    : [];
  const creditedCents = notes.reduce((s, n) => s + n.totalGrossCents, 0);
  const paidCents = payments.reduce((s, p) => s + p.amountCents, 0);
  const state = paymentStateOf({ grossCents: row.invoice.totalGrossCents, creditedCents, paidCents, dueDate: row.invoice.dueDate, today });
  // Staff see who recorded a payment; clients do not.
  const staff = roleCan(actor!.role, 'orders.manage');
  return ok({
    invoice: row.invoice,
    lines,
    adjustments,
    payments: payments.map((p) => ({ ...p, recordedBy: staff ? p.recordedBy : null })),
    creditNotes: notes.map(({ breakdown: _breakdown, ...n }) => n),
    creditedByRate: Object.fromEntries(creditedByRate(notes)),
    creditedQuantities: Object.fromEntries(creditedLines.map((c) => [c.lineId!, c.quantity])),
    creditedCents,
    paidCents,
    remainingCents: state.remainingCents,
    state: state.state,
    orderStatus: row.orderStatus,
  });
}

/** The invoice as a printable document, for whoever may see it. */
export async function getInvoiceDocument(db: Database, actor: Actor | null, invoiceId: string): Promise<Result<CommercialDocument>> {
  const d = await getInvoice(db, actor, invoiceId);
  if (!d.ok) return d;
  return ok(invoiceDocument(d.value.invoice, d.value.lines, d.value.adjustments, d.value.paidCents));
}

/** A credit note as a printable document, scoped like its invoice. */
export async function getCreditNoteDocument(db: Database, actor: Actor | null, creditNoteId: string): Promise<Result<CommercialDocument>> {
  const scope = scopeOf(actor);
  if (typeof scope === 'string') return fail(scope);
  if (!isUuid(creditNoteId)) return fail(NOT_FOUND);
  const [row] = await db
    .select({ cn: creditNotes, invoice: invoices })
    .from(creditNotes)
    .innerJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .where(and(eq(creditNotes.id, creditNoteId), scope));
  if (!row) return fail('Avoir introuvable.');
  const [lines, adjustments] = await Promise.all([
    db.select().from(creditNoteLines).where(eq(creditNoteLines.creditNoteId, creditNoteId)).orderBy(asc(creditNoteLines.position)),
    db.select().from(invoiceAdjustments).where(eq(invoiceAdjustments.invoiceId, row.invoice.id)).orderBy(asc(invoiceAdjustments.position)),
  ]);
  return ok(creditNoteDocument(row.cn, lines, row.invoice, adjustments));
}

/**
 * The EN 16931 CII XML of a B2B document — checked by lib/einvoice before it leaves: an export
 * that breaks a rule is an error of ours, never served.
 */
export function ciiOf(doc: CommercialDocument): Result<string> {
  if (doc.mode !== 'tax_exclusive') return fail('Les factures aux particuliers ne sont pas exportées en EN 16931 (PDF uniquement).');
  const xml = exportCii(doc, { paymentMeansCode: '58' });
  const check = checkCii(xml);
  if (!check.ok) throw new Error(`EN 16931 export of ${doc.number} breaks ${check.violations.map((v) => v.rule).join(', ')}`);
  return ok(xml);
}

/** The invoice of an order, when it has one and the actor may see it (getInvoice's scope); else null. One statement. */
export async function getInvoiceOfOrder(db: Database, actor: Actor | null, orderId: string): Promise<{ id: string; number: string } | null> {
  const scope = scopeOf(actor);
  if (typeof scope === 'string' || !isUuid(orderId)) return null;
  const [row] = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(and(eq(invoices.orderId, orderId), scope)).limit(1);
  return row ?? null;
}

/**
 * A correlated subquery for another domain's select: the invoice of the order `orderId` names (an
 * outer column) as JSON `{ id, number }`, under exactly getInvoice's scope for the actor; SQL null
 * when the order has none or the actor may not see it. Read it with `invoiceLinkOf`.
 */
export function invoiceOfOrderJson(actor: Actor | null, orderId: SQL): SQL<unknown> {
  const scope = scopeOf(actor);
  if (typeof scope === 'string') return sql`null::json`;
  return sql`(select json_build_object('id', ${invoiceIdRef}, 'number', "invoices"."number") from ${invoices}
    where "invoices"."order_id" = ${orderId} and ${scope})`;
}

/** The `{ id, number }` of an `invoiceOfOrderJson` value, or null. */
export function invoiceLinkOf(value: unknown): { id: string; number: string } | null {
  const v = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return v ? (v as { id: string; number: string }) : null;
}
