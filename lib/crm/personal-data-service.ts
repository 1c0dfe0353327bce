import 'server-only';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor, Tx } from '@/db/client';
import {
  accounts,
  activities,
  addresses,
  auditLog,
  budgetForecasts,
  loginAttempts,
  opportunities,
  opportunityStakeholders,
  orders,
  outbox,
  passwordResetTokens,
  persons,
  positions,
  projects,
  quoteEvents,
  quoteRequestLines,
  quoteRequests,
  quotes,
  users,
  type PostalAddress,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NOT_ALLOWED, NOT_SIGNED_IN } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { fail, ok, type Result } from '@/lib/result';
import { rowsOf } from '@/lib/sql-helpers';
import { TYPED_NOTE_QUOTE_STATES, TYPED_NOTE_REQUEST_STATES } from './quote-steps';

export const ERASED_FIRST_NAME = 'Personne';
export const ERASED_LAST_NAME = 'effacée';
export const ERASED_NAME = `${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}`;
export const ERASED_EMAIL = 'donnees-effacees@anonyme.invalid';
export const ERASED_PHONE = 'Téléphone effacé';
export const ERASED_CONTENT = 'Contenu effacé (données personnelles)';
export const ERASED_ADDRESS_LINE = 'Adresse effacée';
export const PERSON_NOT_FOUND = 'Personne introuvable.';
export const CANNOT_ERASE_SELF = 'Vous ne pouvez pas effacer votre propre fiche.';

/**
 * Tables that hold issued legal documents (invoices, credit notes): erasure never writes to them,
 * not even to null a reference to the deleted login. None exists yet; they are excluded by name so
 * that the billing tables, when they land under these names, keep their legal content untouched.
 */
export const PRESERVED_TABLES: readonly string[] = ['invoices', 'invoice_lines', 'invoice_adjustments', 'credit_notes', 'credit_note_lines'];

/** Free-text columns where a person may be mentioned by name, email or phone; scrubbed on erasure. */
const FREE_TEXT_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['activities', 'subject'],
  ['activities', 'body'],
  ['outbox', 'subject'],
  ['outbox', 'body_text'],
  ['budget_forecasts', 'notes'],
  ['projects', 'title'],
  ['projects', 'description'],
  ['opportunities', 'title'],
  ['opportunities', 'next_step'],
  ['opportunities', 'close_reason'],
  ['orders', 'decision_reason'],
  ['order_status_history', 'note'],
  // Requests and quotes (never their sent versions and lines: a trigger freezes what was sent).
  ['quote_requests', 'title'],
  ['quote_requests', 'description'],
  ['quote_requests', 'decline_reason'],
  ['quote_request_lines', 'description'],
  ['quote_events', 'note'],
  ['quotes', 'title'],
  ['quotes', 'internal_notes'],
  ['quotes', 'decision_reason'],
];

function adminRefusal<T>(actor: Actor | null): Result<T> | null {
  if (!actor) return fail(NOT_SIGNED_IN);
  if (actor.role !== 'admin') return fail(NOT_ALLOWED);
  return null;
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Identity {
  personId: string;
  firstName: string;
  lastName: string;
  userId: string | null;
  userEmail: string | null;
  /** Every email of the person, lower-cased (their contact emails and their login). */
  emails: string[];
  phones: string[];
  /** "First Last" and "Last First". */
  names: string[];
  /** The person's individual (B2C) accounts. */
  individualAccountIds: string[];
}

async function loadIdentity(db: Executor, personId: string, lock: boolean): Promise<Identity | null> {
  const base = db.select().from(persons).where(eq(persons.id, personId));
  const [p] = lock ? await base.for('update') : await base;
  if (!p) return null;
  const [u] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.personId, personId));
  const indiv = await db
    .select({ id: accounts.id })
    .from(positions)
    .innerJoin(accounts, eq(accounts.id, positions.accountId))
    .where(and(eq(positions.personId, personId), eq(accounts.kind, 'individual')));
  const emails = [...new Set([...p.emails, ...(u ? [u.email] : [])].map((e) => e.trim().toLowerCase()).filter((e) => e.length >= 3))];
  const full = `${p.firstName} ${p.lastName}`.trim();
  const reversed = `${p.lastName} ${p.firstName}`.trim();
  const names = [...new Set([full, reversed])].filter((n) => n.length >= 3 && n !== ERASED_NAME);
  return {
    personId,
    firstName: p.firstName,
    lastName: p.lastName,
    userId: u?.id ?? null,
    userEmail: u?.email ?? null,
    emails,
    phones: [...new Set(p.phones.map((ph) => ph.trim()).filter((ph) => ph.length >= 4))],
    names,
    individualAccountIds: indiv.map((a) => a.id),
  };
}

/** The requests for quote they made: as a person, or through their login. */
function requestsOf(id: Identity): SQL {
  const byPerson = eq(quoteRequests.requestedByPersonId, id.personId);
  return id.userId ? or(byPerson, eq(quoteRequests.requestedByUserId, id.userId))! : byPerson;
}

/** History rows whose note is text they typed: comments, change requests, reasons (lib/crm/quote-steps `isTypedNote`). */
function typedNotesOf(userId: string): SQL {
  return and(
    eq(quoteEvents.actorUserId, userId),
    sql`${quoteEvents.note} is not null`,
    or(
      eq(quoteEvents.kind, 'comment'),
      and(eq(quoteEvents.kind, 'quote_status'), inArray(quoteEvents.toState, [...TYPED_NOTE_QUOTE_STATES])),
      and(eq(quoteEvents.kind, 'request_status'), inArray(quoteEvents.toState, [...TYPED_NOTE_REQUEST_STATES])),
    ),
  )!;
}

/** The orders "they placed": by their login, to their email, or on their individual account. */
function ordersOf(id: Identity): SQL {
  const conditions: SQL[] = [];
  if (id.userId) conditions.push(eq(orders.placedByUserId, id.userId));
  if (id.emails.length) conditions.push(inArray(sql`lower(${orders.email})`, id.emails));
  if (id.individualAccountIds.length) conditions.push(inArray(orders.accountId, id.individualAccountIds));
  return conditions.length ? or(...conditions)! : sql`false`;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

export interface PersonExport {
  exportedAt: string;
  person: { id: string; firstName: string; lastName: string; emails: string[]; phones: string[]; createdAt: string; updatedAt: string };
  positions: Array<Record<string, unknown>>;
  login: { id: string; email: string; kind: string; staffRole: string | null; status: string; lastLoginAt: string | null; createdAt: string } | null;
  orders: Array<Record<string, unknown>>;
  activities: Array<Record<string, unknown>>;
  stakeholderRoles: Array<Record<string, unknown>>;
  budgetForecastsHeld: Array<Record<string, unknown>>;
  projectsSponsored: Array<Record<string, unknown>>;
  outboxMessages: Array<Record<string, unknown>>;
  /** Requests for quote they made: number, title, description (and lines), dates, status. */
  quoteRequests: Array<Record<string, unknown>>;
  /** Steps of requests and quotes they took through their login, with what they wrote (comments, reasons). */
  quoteEvents: Array<Record<string, unknown>>;
  auditEntries: Array<Record<string, unknown>>;
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** Everything recorded about a person, as JSON-ready data (staff admin only; the export is audited). */
export async function exportPerson(db: Database, actor: Actor | null, personId: string): Promise<Result<PersonExport>> {
  const refused = adminRefusal<PersonExport>(actor);
  if (refused) return refused;
  if (!isUuid(personId)) return fail(PERSON_NOT_FOUND);
  const id = await loadIdentity(db, personId, false);
  if (!id) return fail(PERSON_NOT_FOUND);
  const [p] = await db.select().from(persons).where(eq(persons.id, personId));
  const [login] = id.userId
    ? await db
        .select({ id: users.id, email: users.email, kind: users.kind, staffRole: users.staffRole, status: users.status, lastLoginAt: users.lastLoginAt, createdAt: users.createdAt })
        .from(users)
        .where(eq(users.id, id.userId))
    : [];
  const posRows = await db
    .select({
      id: positions.id,
      accountId: positions.accountId,
      accountName: accounts.legalName,
      title: positions.title,
      department: positions.department,
      startedOn: positions.startedOn,
      endedOn: positions.endedOn,
      portalRole: positions.portalRole,
      purchaseProfile: positions.purchaseProfile,
      decisionWeight: positions.decisionWeight,
    })
    .from(positions)
    .innerJoin(accounts, eq(accounts.id, positions.accountId))
    .where(eq(positions.personId, personId));
  const orderRows = await db
    .select({
      id: orders.id,
      number: orders.number,
      channel: orders.channel,
      status: orders.status,
      accountId: orders.accountId,
      customerName: orders.customerName,
      email: orders.email,
      billingAddress: orders.billingAddress,
      deliveryAddress: orders.deliveryAddress,
      totalNetCents: orders.totalNetCents,
      totalVatCents: orders.totalVatCents,
      totalGrossCents: orders.totalGrossCents,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(ordersOf(id))
    .orderBy(desc(orders.createdAt));
  const activityRows = await db
    .select({ id: activities.id, accountId: activities.accountId, kind: activities.kind, subject: activities.subject, body: activities.body, occurredAt: activities.occurredAt, dueOn: activities.dueOn, done: activities.done })
    .from(activities)
    .where(eq(activities.personId, personId))
    .orderBy(desc(activities.occurredAt));
  const stakeholderRows = await db
    .select({ opportunityId: opportunityStakeholders.opportunityId, opportunityTitle: opportunities.title, role: opportunityStakeholders.role, weight: opportunityStakeholders.weight })
    .from(opportunityStakeholders)
    .innerJoin(opportunities, eq(opportunities.id, opportunityStakeholders.opportunityId))
    .where(eq(opportunityStakeholders.personId, personId));
  const forecastRows = await db
    .select({ id: budgetForecasts.id, accountId: budgetForecasts.accountId, label: budgetForecasts.label, fiscalYear: budgetForecasts.fiscalYear, status: budgetForecasts.status })
    .from(budgetForecasts)
    .where(eq(budgetForecasts.holderPersonId, personId));
  const projectRows = await db
    .select({ id: projects.id, accountId: projects.accountId, title: projects.title, status: projects.status })
    .from(projects)
    .where(eq(projects.sponsorPersonId, personId));
  const outboxRows = id.emails.length
    ? await db
        .select({ id: outbox.id, toAddress: outbox.toAddress, subject: outbox.subject, bodyText: outbox.bodyText, status: outbox.status, createdAt: outbox.createdAt })
        .from(outbox)
        .where(inArray(sql`lower(${outbox.toAddress})`, id.emails))
        .orderBy(desc(outbox.createdAt))
        .limit(1000)
    : [];
  const requestRows = await db
    .select({
      id: quoteRequests.id,
      number: quoteRequests.number,
      accountId: quoteRequests.accountId,
      accountName: accounts.legalName,
      title: quoteRequests.title,
      description: quoteRequests.description,
      desiredDate: quoteRequests.desiredDate,
      budgetHintHtCents: quoteRequests.budgetHintHtCents,
      status: quoteRequests.status,
      createdAt: quoteRequests.createdAt,
      updatedAt: quoteRequests.updatedAt,
    })
    .from(quoteRequests)
    .innerJoin(accounts, eq(accounts.id, quoteRequests.accountId))
    .where(requestsOf(id))
    .orderBy(desc(quoteRequests.createdAt))
    .limit(1000);
  const requestLines = requestRows.length
    ? await db
        .select({ requestId: quoteRequestLines.requestId, position: quoteRequestLines.position, description: quoteRequestLines.description, quantity: quoteRequestLines.quantity })
        .from(quoteRequestLines)
        .where(inArray(quoteRequestLines.requestId, requestRows.map((r) => r.id)))
        .orderBy(quoteRequestLines.position)
    : [];
  const eventRows = id.userId
    ? await db
        .select({
          id: quoteEvents.id,
          kind: quoteEvents.kind,
          requestNumber: quoteRequests.number,
          quoteNumber: quotes.number,
          fromState: quoteEvents.fromState,
          toState: quoteEvents.toState,
          version: quoteEvents.version,
          note: quoteEvents.note,
          createdAt: quoteEvents.createdAt,
        })
        .from(quoteEvents)
        .leftJoin(quoteRequests, eq(quoteRequests.id, quoteEvents.requestId))
        .leftJoin(quotes, eq(quotes.id, quoteEvents.quoteId))
        .where(eq(quoteEvents.actorUserId, id.userId))
        .orderBy(desc(quoteEvents.createdAt), desc(quoteEvents.id))
        .limit(1000)
    : [];
  const about: SQL[] = [and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, personId))!];
  if (id.userId) {
    about.push(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, id.userId))!, eq(auditLog.actorUserId, id.userId));
  }
  for (const e of id.emails) about.push(sql`(${auditLog.before}::text ilike ${`%${e}%`} or ${auditLog.after}::text ilike ${`%${e}%`})`);
  const auditRows = await db
    .select({ id: auditLog.id, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, actorUserId: auditLog.actorUserId, before: auditLog.before, after: auditLog.after, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(or(...about))
    .orderBy(desc(auditLog.createdAt))
    .limit(1000);

  await recordAudit(db, { actorUserId: actor!.userId, action: 'person.export', entityType: 'person', entityId: personId });

  return ok({
    exportedAt: new Date().toISOString(),
    person: { id: p!.id, firstName: p!.firstName, lastName: p!.lastName, emails: p!.emails, phones: p!.phones, createdAt: p!.createdAt.toISOString(), updatedAt: p!.updatedAt.toISOString() },
    positions: posRows,
    login: login ? { ...login, lastLoginAt: iso(login.lastLoginAt), createdAt: login.createdAt.toISOString() } : null,
    orders: orderRows.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    activities: activityRows.map((a) => ({ ...a, occurredAt: a.occurredAt.toISOString() })),
    stakeholderRoles: stakeholderRows,
    budgetForecastsHeld: forecastRows,
    projectsSponsored: projectRows,
    outboxMessages: outboxRows.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    quoteRequests: requestRows.map((r) => ({
      ...r,
      lines: requestLines.filter((l) => l.requestId === r.id).map((l) => ({ position: l.position, description: l.description, quantity: l.quantity })),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    quoteEvents: eventRows.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    auditEntries: auditRows.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  });
}

// ---------------------------------------------------------------------------------------------
// Erasure
// ---------------------------------------------------------------------------------------------

export interface ErasureSummary {
  personId: string;
  ordersAnonymised: number;
  activitiesErased: number;
  outboxMessagesErased: number;
  /** Requests for quote they made, whose title, description and free lines were emptied. */
  quoteRequestsErased: number;
  /** Comments and reasons they wrote on requests and quotes, emptied. */
  quoteNotesErased: number;
  loginRemoved: boolean;
}

function erasedAddress(a: PostalAddress): PostalAddress {
  return { name: ERASED_NAME, line1: ERASED_ADDRESS_LINE, line2: null, postalCode: '', city: '', country: a.country, phone: null };
}

/** A B2B order's address keeps the company's data; only the person's own name and phone go. */
function scrubCompanyAddress(a: PostalAddress, id: Identity): PostalAddress {
  const lowerNames = id.names.map((n) => n.toLowerCase());
  return {
    ...a,
    name: lowerNames.includes(a.name.trim().toLowerCase()) ? ERASED_NAME : a.name,
    phone: a.phone && id.phones.includes(a.phone.trim()) ? null : (a.phone ?? null),
  };
}

/** (identifier pattern, replacement) pairs for free text; the identifiers are matched literally. */
function replacements(id: Identity): Array<[pattern: string, replacement: string]> {
  return [
    ...id.names.map((n): [string, string] => [n, ERASED_NAME]),
    ...id.emails.map((e): [string, string] => [e, ERASED_EMAIL]),
    ...id.phones.map((ph): [string, string] => [ph, ERASED_PHONE]),
  ];
}

async function scrubFreeText(tx: Tx, id: Identity): Promise<void> {
  for (const [ident, replacement] of replacements(id)) {
    const pattern = regexEscape(ident);
    for (const [table, column] of FREE_TEXT_COLUMNS) {
      const col = sql.raw(quoteIdent(column));
      await tx.execute(
        sql`update ${sql.raw(quoteIdent(table))} set ${col} = regexp_replace(${col}, ${pattern}, ${replacement}, 'gi') where ${col} ~* ${pattern}`,
      );
    }
    // Audit snapshots: the identifier as it is written inside a JSON string.
    const jsonPattern = regexEscape(JSON.stringify(ident).slice(1, -1));
    for (const column of ['before', 'after']) {
      const col = sql.raw(quoteIdent(column));
      await tx.execute(
        sql`update audit_log set ${col} = regexp_replace(${col}::text, ${jsonPattern}, ${replacement}, 'gi')::jsonb where ${col}::text ~* ${jsonPattern}`,
      );
    }
  }
  // Entries about the person themselves may hold the first and last names apart.
  const about = sql`entity_type = 'person' and entity_id = ${id.personId}`;
  const aboutLogin = id.userId ? sql` or (entity_type = 'user' and entity_id = ${id.userId})` : sql``;
  const parts: Array<[string, string]> = [
    [id.lastName, ERASED_LAST_NAME],
    [id.firstName, ERASED_FIRST_NAME],
  ];
  for (const [part, replacement] of parts) {
    if (part.trim().length < 2) continue;
    const jsonPattern = regexEscape(JSON.stringify(part.trim()).slice(1, -1));
    for (const column of ['before', 'after']) {
      const col = sql.raw(quoteIdent(column));
      await tx.execute(
        sql`update audit_log set ${col} = regexp_replace(${col}::text, ${jsonPattern}, ${replacement}, 'gi')::jsonb where ((${about})${aboutLogin}) and ${col}::text ~* ${jsonPattern}`,
      );
    }
  }
}

/**
 * Nulls every nullable reference to the login (except from preserved legal tables and those the
 * database cascades), so deleting the login never loses a row; then deletes it.
 */
async function removeLogin(tx: Tx, id: Identity): Promise<void> {
  if (!id.userId) return;
  const refs = rowsOf<{ tbl: string; col: string }>(
    await tx.execute(sql`
      select cl.relname as tbl, a.attname as col
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace ns on ns.oid = cl.relnamespace and ns.nspname = 'public'
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'public.users'::regclass
        and c.confdeltype <> 'c' and not a.attnotnull`),
  );
  for (const { tbl, col } of refs) {
    if (PRESERVED_TABLES.includes(tbl) || FROZEN_TABLES.includes(tbl) || tbl === 'users') continue;
    const column = sql.raw(quoteIdent(col));
    await tx.execute(sql`update ${sql.raw(quoteIdent(tbl))} set ${column} = null where ${column} = ${id.userId}`);
  }
  await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, id.userId));
  // Issued invoices and credit notes, and sent quotes, name who issued them and can never change:
  // that login is kept as an empty shell — no email, no password, deactivated — instead of deleted.
  const [kept] = rowsOf<{ kept: boolean }>(
    await tx.execute(sql`select exists (select 1 from invoices where issued_by_user_id = ${id.userId})
      or exists (select 1 from credit_notes where issued_by_user_id = ${id.userId})
      or exists (select 1 from quote_versions where sent_by_user_id = ${id.userId}) as kept`),
  );
  if (kept?.kept) {
    await tx
      .update(users)
      .set({ email: `efface-${id.userId}@anonyme.invalid`, passwordHash: null, status: 'deactivated', lastLoginAt: null, updatedAt: new Date() })
      .where(eq(users.id, id.userId));
    return;
  }
  await tx.delete(users).where(eq(users.id, id.userId));
}

/** Tables whose rows are frozen by a trigger once sent (a sent quote version and its lines). */
const FROZEN_TABLES: readonly string[] = ['quote_versions', 'quote_lines'];

/**
 * Erases a person (staff admin only), in one transaction: identity anonymised wherever it is
 * recorded, login removed, consumer orders anonymised (B2B orders keep the company's data), mail to
 * them and notes about them emptied, audit snapshots scrubbed. Issued invoices are never touched
 * (PRESERVED_TABLES). Leaves one audit entry without personal data.
 */
export async function erasePerson(db: Database, actor: Actor | null, personId: string): Promise<Result<ErasureSummary>> {
  const refused = adminRefusal<ErasureSummary>(actor);
  if (refused) return refused;
  if (!isUuid(personId)) return fail(PERSON_NOT_FOUND);
  if (actor!.personId === personId) return fail(CANNOT_ERASE_SELF);
  return db.transaction(async (tx) => {
    const id = await loadIdentity(tx, personId, true);
    if (!id) return fail<ErasureSummary>(PERSON_NOT_FOUND);

    // Orders: consumer orders (their individual account, or as a guest with their email) lose
    // the name, email and addresses; B2B orders keep the company's data and lose only the person's.
    const theirs = ordersOf(id);
    const b2c = await tx
      .select({ id: orders.id, billing: orders.billingAddress, delivery: orders.deliveryAddress, accountKind: accounts.kind })
      .from(orders)
      .leftJoin(accounts, eq(accounts.id, orders.accountId))
      .where(and(eq(orders.channel, 'b2c'), theirs));
    let anonymised = 0;
    for (const o of b2c) {
      if (o.accountKind !== null && o.accountKind !== 'individual') continue;
      await tx
        .update(orders)
        .set({ customerName: ERASED_NAME, email: ERASED_EMAIL, billingAddress: erasedAddress(o.billing), deliveryAddress: erasedAddress(o.delivery), updatedAt: new Date() })
        .where(eq(orders.id, o.id));
      anonymised += 1;
    }
    // Only the orders they placed: a namesake's orders are not theirs.
    const b2b = await tx
      .select({ id: orders.id, email: orders.email, customerName: orders.customerName, billing: orders.billingAddress, delivery: orders.deliveryAddress })
      .from(orders)
      .where(and(eq(orders.channel, 'b2b'), theirs));
    for (const o of b2b) {
      const isTheirEmail = id.emails.includes(o.email.trim().toLowerCase());
      const isTheirName = id.names.some((n) => n.toLowerCase() === o.customerName.trim().toLowerCase());
      await tx
        .update(orders)
        .set({
          email: isTheirEmail ? ERASED_EMAIL : o.email,
          customerName: isTheirName ? ERASED_NAME : o.customerName,
          billingAddress: scrubCompanyAddress(o.billing, id),
          deliveryAddress: scrubCompanyAddress(o.delivery, id),
          updatedAt: new Date(),
        })
        .where(eq(orders.id, o.id));
      anonymised += 1;
    }

    // Their individual account is named after them; its addresses are their home.
    if (id.individualAccountIds.length) {
      await tx.update(accounts).set({ legalName: ERASED_NAME, tradeName: null, updatedAt: new Date() }).where(inArray(accounts.id, id.individualAccountIds));
      await tx
        .update(addresses)
        .set({ recipient: null, line1: ERASED_ADDRESS_LINE, line2: null, postalCode: '', city: '' })
        .where(inArray(addresses.accountId, id.individualAccountIds));
    }
    for (const n of id.names) await tx.update(addresses).set({ recipient: null }).where(sql`${addresses.recipient} ilike ${n}`);

    // Notes recorded about them, and mail sent to them.
    const erasedActivities = await tx
      .update(activities)
      .set({ subject: ERASED_CONTENT, body: ERASED_CONTENT })
      .where(eq(activities.personId, personId))
      .returning({ id: activities.id });
    const erasedMail = id.emails.length
      ? await tx
          .update(outbox)
          .set({ toAddress: ERASED_EMAIL, subject: ERASED_CONTENT, bodyText: ERASED_CONTENT })
          .where(inArray(sql`lower(${outbox.toAddress})`, id.emails))
          .returning({ id: outbox.id })
      : [];
    // What they wrote on requests and quotes (read before the login goes: it identifies their notes).
    // Sent quote versions stay as sent: a trigger freezes them, like issued documents.
    const erasedRequests = await tx
      .update(quoteRequests)
      .set({ title: ERASED_CONTENT, description: ERASED_CONTENT, updatedAt: new Date() })
      .where(requestsOf(id))
      .returning({ id: quoteRequests.id });
    if (erasedRequests.length) {
      await tx
        .update(quoteRequestLines)
        .set({ description: ERASED_CONTENT })
        .where(and(inArray(quoteRequestLines.requestId, erasedRequests.map((r) => r.id)), sql`${quoteRequestLines.productId} is null`));
    }
    const erasedNotes = id.userId ? await tx.update(quoteEvents).set({ note: ERASED_CONTENT }).where(typedNotesOf(id.userId)).returning({ id: quoteEvents.id }) : [];
    if (id.userId) {
      await tx
        .update(quotes)
        .set({ decisionReason: ERASED_CONTENT })
        .where(and(eq(quotes.decidedByUserId, id.userId), sql`${quotes.decisionReason} is not null`));
    }
    await scrubFreeText(tx, id);

    // The login and what identifies it.
    if (id.emails.length) await tx.delete(loginAttempts).where(inArray(sql`lower(${loginAttempts.email})`, id.emails));
    await removeLogin(tx, id);

    await tx
      .update(persons)
      .set({ firstName: ERASED_FIRST_NAME, lastName: ERASED_LAST_NAME, emails: [], phones: [], updatedAt: new Date() })
      .where(eq(persons.id, personId));

    const summary: ErasureSummary = {
      personId,
      ordersAnonymised: anonymised,
      activitiesErased: erasedActivities.length,
      outboxMessagesErased: erasedMail.length,
      quoteRequestsErased: erasedRequests.length,
      quoteNotesErased: erasedNotes.length,
      loginRemoved: id.userId !== null,
    };
    await recordAudit(tx, { actorUserId: actor!.userId, action: 'person.erase', entityType: 'person', entityId: personId, after: summary });
    return ok(summary);
  });
}

/** For the privacy page: who the person is, and whether they have a login (admin only). */
export async function getPersonForPrivacy(
  db: Database,
  actor: Actor | null,
  personId: string,
): Promise<Result<{ id: string; name: string; hasLogin: boolean; erased: boolean }>> {
  const refused = adminRefusal<{ id: string; name: string; hasLogin: boolean; erased: boolean }>(actor);
  if (refused) return refused;
  if (!isUuid(personId)) return fail(PERSON_NOT_FOUND);
  const [p] = await db
    .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName, userId: users.id, emails: persons.emails })
    .from(persons)
    .leftJoin(users, eq(users.personId, persons.id))
    .where(eq(persons.id, personId));
  if (!p) return fail(PERSON_NOT_FOUND);
  const name = `${p.firstName} ${p.lastName}`;
  return ok({ id: p.id, name, hasLogin: p.userId !== null, erased: name === ERASED_NAME && p.emails.length === 0 && p.userId === null });
}
