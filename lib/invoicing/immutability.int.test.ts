import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { cartLines, carts, creditNotes, invoices, persons, products, users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { erasePerson, PRESERVED_TABLES } from '@/lib/crm/personal-data-service';
import { placeShopOrder } from '@/lib/orders/place-shop-order';
import { changeOrderStatus } from '@/lib/orders/staff-service';
import { testPaymentProvider } from '@/lib/payments/test-provider';
import { parisDate } from '@/lib/purchasing/periods';
import { acceptQuote } from '@/lib/quotes/decision-service';
import { createQuote, saveQuoteDraft, sendQuote } from '@/lib/quotes/builder-service';
import { checkoutSchema } from '@/lib/shop/schemas';
import { rowsOf } from '@/lib/sql-helpers';
import { backends, unique, useTestDb } from '@/test/db';
import { type CompanyFixture, makeCompany } from '@/test/fixtures/b2b-company';
import { issueCreditNote, issueInvoice } from './staff-service';

/** The tables of issued documents: the database itself refuses to change them. */
const FROZEN = ['invoices', 'invoice_lines', 'invoice_adjustments', 'credit_notes', 'credit_note_lines'] as const;

/** Thrown when a statement that should have been refused went through: the transaction rolls back. */
class Applied extends Error {}

function inDays(n: number): string {
  const d = new Date(`${parisDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function actorOf(db: Database, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(db, u!.id))!;
}

/**
 * Runs a statement in a transaction that is always rolled back: returns the error that refused it,
 * or 'applied' (and nothing is kept, so a missing guard never damages the shared database).
 */
async function attempt(db: Database, statement: SQL): Promise<string> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(statement);
      throw new Applied();
    });
    return 'no error';
  } catch (error) {
    if (error instanceof Applied) return 'applied';
    const e = error as { message?: string; cause?: { message?: string } };
    return `refused: ${e.cause?.message ?? e.message ?? String(error)}`;
  }
}

/** Every stored byte of an invoice and its credit notes, as the database prints them. */
async function snapshot(db: Database, invoiceId: string): Promise<string[]> {
  const rows = await db
    .execute(
      sql`select 'invoice' as k, t::text as v from invoices t where t.id = ${invoiceId}
          union all select 'line', t::text from invoice_lines t where t.invoice_id = ${invoiceId}
          union all select 'adjustment', t::text from invoice_adjustments t where t.invoice_id = ${invoiceId}
          union all select 'credit_note', t::text from credit_notes t where t.invoice_id = ${invoiceId}
          union all select 'credit_note_line', t::text from credit_note_lines t where t.credit_note_id in (select id from credit_notes where invoice_id = ${invoiceId})
          order by 1, 2`,
    )
    .then(rowsOf<{ k: string; v: string }>);
  return rows.map((r) => `${r.k} ${r.v}`);
}

/** A staff member of our own (sales), with a login, to issue documents and then be erased. */
async function makeStaff(db: Database): Promise<Actor> {
  const [p] = await db.insert(persons).values({ firstName: 'Commercial', lastName: unique('Staff') }).returning({ id: persons.id });
  const [u] = await db.insert(users).values({ personId: p!.id, email: `${unique('staff')}@comptoir.test`, kind: 'staff', staffRole: 'sales' }).returning({ id: users.id });
  return (await loadActor(db, u!.id))!;
}

describe.each(backends())('issued documents are immutable on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;
  let sales: Actor;
  let admin: Actor;

  beforeAll(async () => {
    sales = await actorOf(db(), 'commercial@comptoir.test');
    admin = await actorOf(db(), 'admin@comptoir.test');
  });

  /** A quote with shipping accepted by the company's purchaser: an order with lines on two rates and charges. */
  async function quotedOrder(co: CompanyFixture, purchaser: Actor): Promise<string> {
    const q = await createQuote(db(), sales, { accountId: co.accountId });
    if (!q.ok) throw new Error(q.error);
    const saved = await saveQuoteDraft(db(), sales, {
      quoteId: q.value.quoteId,
      baseVersion: 1,
      title: 'Équipement',
      lines: [
        { productId: co.product.id, description: 'Luminaire', quantity: '2', unitPrice: '300,00', discount: '5', vatRateBp: 2000 },
        { description: 'Notice imprimée', quantity: '3', unitPrice: '12,35', discount: '', vatRateBp: 550 },
      ],
      validUntil: inDays(30),
      shipping: '25,00',
      deliveryTerms: '',
      paymentTerms: '',
      clientNote: '',
      internalNotes: '',
    });
    if (!saved.ok) throw new Error(saved.error);
    const sent = await sendQuote(db(), sales, { quoteId: q.value.quoteId, version: 1 });
    if (!sent.ok) throw new Error(sent.error);
    const accepted = await acceptQuote(db(), purchaser, { quoteId: q.value.quoteId, version: 1 });
    if (!accepted.ok) throw new Error(accepted.error);
    return accepted.value.orderId;
  }

  /** An issued invoice with lines and adjustments, and a partial credit note with lines. */
  async function issuedWithCreditNote(issuer: Actor = sales) {
    const co = await makeCompany(db(), { budgetHtCents: null });
    const purchaser = await co.person('purchaser');
    const orderId = await quotedOrder(co, purchaser);
    const inv = await issueInvoice(db(), issuer, { orderId });
    if (!inv.ok) throw new Error(inv.error);
    const [line] = await db().execute(sql`select id from invoice_lines where invoice_id = ${inv.value.invoiceId} order by position limit 1`).then(rowsOf<{ id: string }>);
    const cn = await issueCreditNote(db(), issuer, { mode: 'lines', invoiceId: inv.value.invoiceId, reason: 'Article abîmé', lines: [{ invoiceLineId: line!.id, quantity: '1' }] });
    if (!cn.ok) throw new Error(cn.error);
    return { co, purchaser, orderId, invoiceId: inv.value.invoiceId, creditNoteId: cn.value.creditNoteId };
  }

  it('the database refuses UPDATE and DELETE of an issued invoice, its lines and adjustments, a credit note and its lines', async () => {
    const { invoiceId, creditNoteId } = await issuedWithCreditNote();
    const before = await snapshot(db(), invoiceId);
    expect(before.filter((r) => r.startsWith('adjustment')).length).toBeGreaterThan(0);
    const where: Record<(typeof FROZEN)[number], SQL> = {
      invoices: sql`id = ${invoiceId}`,
      invoice_lines: sql`invoice_id = ${invoiceId}`,
      invoice_adjustments: sql`invoice_id = ${invoiceId}`,
      credit_notes: sql`id = ${creditNoteId}`,
      credit_note_lines: sql`credit_note_id = ${creditNoteId}`,
    };
    const outcomes: Record<string, string> = {};
    for (const table of FROZEN) {
      const t = sql.raw(`"${table}"`);
      const amount = sql.raw(table === 'invoices' || table === 'credit_notes' ? 'total_net_cents' : table === 'invoice_adjustments' ? 'amount_cents' : 'line_total_cents');
      outcomes[`update ${table}`] = await attempt(db(), sql`update ${t} set ${amount} = ${amount} + 1 where ${where[table]}`);
      // Even an UPDATE that changes nothing is a write to an issued document.
      outcomes[`no-op update ${table}`] = await attempt(db(), sql`update ${t} set id = id where ${where[table]}`);
      outcomes[`delete ${table}`] = await attempt(db(), sql`delete from ${t} where ${where[table]}`);
    }
    outcomes['null the issuer (as ON DELETE SET NULL would)'] = await attempt(db(), sql`update invoices set issued_by_user_id = null where id = ${invoiceId}`);
    for (const [what, outcome] of Object.entries(outcomes)) {
      expect.soft(outcome, what).toMatch(/^refused: (UPDATE|DELETE) of an issued document is refused on table \w+$/);
    }
    expect(await snapshot(db(), invoiceId)).toEqual(before);
  });

  it('the database refuses TRUNCATE of every table of issued documents, with or without CASCADE', async () => {
    await issuedWithCreditNote();
    const counts = async () => Promise.all(FROZEN.map(async (t) => (await db().execute(sql.raw(`select count(*)::int as n from "${t}"`)).then(rowsOf<{ n: number }>))[0]!.n));
    const before = await counts();
    for (const table of FROZEN) {
      for (const cascade of ['', ' cascade']) {
        const outcome = await attempt(db(), sql.raw(`truncate table "${table}"${cascade}`));
        expect.soft(outcome, `truncate ${table}${cascade}`).toMatch(/^refused: /);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('no service has an update or delete path for issued documents (source scan)', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
      }
    };
    for (const dir of ['lib', 'app', 'db/seed']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
    expect(files.length).toBeGreaterThan(50);
    const drizzle = /\.(update|delete)\(\s*(invoices|invoiceLines|invoiceAdjustments|creditNotes|creditNoteLines)\s*\)/;
    const raw = /\b(update|delete\s+from|truncate(\s+table)?)\s+"?(invoices|invoice_lines|invoice_adjustments|credit_notes|credit_note_lines)\b/i;
    const offenders = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(root, f)}:${i + 1}` }))
        .filter(({ line }) => drizzle.test(line) || raw.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
    // Erasure writes to tables by name: the issued documents' tables are excluded by name.
    for (const t of ['invoices', 'invoice_lines', 'credit_notes', 'credit_note_lines']) expect(PRESERVED_TABLES).toContain(t);
  });

  it('erasing a person of a company that has an invoice succeeds and leaves the invoice byte-identical', async () => {
    const { purchaser, invoiceId, co } = await issuedWithCreditNote();
    // The purchaser also has a second invoiced order (shipped, not issued early).
    const other = await quotedOrder(co, purchaser);
    for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId: other, to }, testPaymentProvider)).toMatchObject({ ok: true });
    const [second] = await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, other));
    const before = [await snapshot(db(), invoiceId), await snapshot(db(), second!.id)];
    expect(before[0]!.join('\n')).toContain(purchaser.email);

    const erased = await erasePerson(db(), admin, purchaser.personId);
    expect(erased).toMatchObject({ ok: true, value: { loginRemoved: true } });
    expect([await snapshot(db(), invoiceId), await snapshot(db(), second!.id)]).toEqual(before);
  });

  it('erasing a consumer who has a B2C invoice succeeds and leaves the invoice byte-identical', async () => {
    const email = `${unique('conso')}@example.test`;
    await db().insert(persons).values({ firstName: 'Aurore', lastName: unique('Conso'), emails: [email] });
    const [person] = await db().select({ id: persons.id }).from(persons).where(sql`${persons.emails} @> array[${email}]::text[]`);
    const sku = unique('E').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 30);
    const [p] = await db().insert(products).values({ sku, slug: sku.toLowerCase(), name: `Produit ${sku}`, vatRateBp: 2000, b2cPriceTtcCents: 2500, b2bListPriceHtCents: 1500, stockOnHand: 5 }).returning({ id: products.id });
    const [cart] = await db().insert(carts).values({ userId: null }).returning({ id: carts.id });
    await db().insert(cartLines).values({ cartId: cart!.id, productId: p!.id, quantity: 1 });
    const placed = await placeShopOrder(
      db(),
      null,
      cart!.id,
      checkoutSchema.parse({
        idempotencyKey: randomUUID(),
        expectedTotalCents: String(2500 + 490),
        email,
        firstName: 'Aurore',
        lastName: 'Conso',
        line1: '3 rue des Lilas',
        postalCode: '75011',
        city: 'Paris',
        shippingMethod: 'standard',
        paymentMethod: 'card',
        cardNumber: '4242 4242 4242 4242',
        cardExpiry: '12/30',
        cardCvc: '123',
        acceptTerms: 'on',
      }),
      testPaymentProvider,
    );
    if (!placed.ok) throw new Error(placed.error);
    for (const to of ['confirmed', 'shipped'] as const) expect(await changeOrderStatus(db(), sales, { orderId: placed.value.orderId, to }, testPaymentProvider)).toMatchObject({ ok: true });
    const [inv] = await db().select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, placed.value.orderId));
    const before = await snapshot(db(), inv!.id);
    expect(before.join('\n')).toContain(email);

    expect(await erasePerson(db(), admin, person!.id)).toMatchObject({ ok: true, value: { ordersAnonymised: 1 } });
    expect(await snapshot(db(), inv!.id)).toEqual(before);
  });

  it('erasing a staff member who issued invoices and credit notes succeeds and leaves them byte-identical', async () => {
    const issuer = await makeStaff(db());
    const { invoiceId, creditNoteId } = await issuedWithCreditNote(issuer);
    const [cn] = await db().select({ by: creditNotes.issuedByUserId }).from(creditNotes).where(eq(creditNotes.id, creditNoteId));
    expect(cn!.by).toBe(issuer.userId);
    const before = await snapshot(db(), invoiceId);

    const erased = await erasePerson(db(), admin, issuer.personId).catch((error: unknown) => {
      const e = error as { message?: string; cause?: { message?: string } };
      return { ok: false as const, error: `threw: ${e.cause?.message ?? e.message}` };
    });
    expect(erased.ok ? 'erased' : erased.error).toBe('erased');
    expect(await snapshot(db(), invoiceId)).toEqual(before);
  });
});
