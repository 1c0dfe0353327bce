import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
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
} from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { commentOnQuote } from '@/lib/quotes/comment-service';
import { submitQuoteRequest } from '@/lib/quotes/request-service';
import { rowsOf } from '@/lib/sql-helpers';
import { backends, unique, useTestDb } from '@/test/db';
import { ERASED_CONTENT, ERASED_EMAIL, ERASED_NAME, erasePerson, exportPerson } from './personal-data-service';

const FIRST = 'Zéphyrine';
let serial = 0;
const PASSWORD = 'Quenouille-2026!';

describe.each(backends())('personal data on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  /** Every text, varchar, json(b) and text[] column of every public table holding one of the needles. */
  async function scan(needles: string[]): Promise<string[]> {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await db().execute(sql`
        select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public'
          and (c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
        order by 1, 2`),
    );
    expect(columns.length).toBeGreaterThan(30);
    const hits: string[] = [];
    const patterns = needles.map((n) => `%${n}%`);
    for (const { table_name, column_name } of columns) {
      const q = `"${table_name}"`;
      const c = `"${column_name}"`;
      const [row] = rowsOf<{ n: number | string }>(
        await db().execute(sql`select count(*)::int as n from ${sql.raw(q)} where ${sql.raw(c)}::text ilike any (${sql`array[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}]::text[]`})`),
      );
      if (Number(row!.n) > 0) hits.push(`${table_name}.${column_name} (${row!.n})`);
    }
    return hits;
  }

  async function newPerson() {
    const tag = unique('p');
    serial += 1;
    // Distinct per person (the scan must not see the namesakes other tests leave behind).
    const LAST = `Quenouillard-${tag}`;
    const FULL = `${FIRST} ${LAST}`;
    const PHONE = `+33 6 ${String(10 + serial).padStart(2, '0')} ${String(Date.now() % 100).padStart(2, '0')} 77 ${String(process.pid % 100).padStart(2, '0')} 9${serial}`;
    const email = `zephyrine.quenouillard.${tag}@privee.test`;
    const email2 = `Z.Quenouillard.${tag}@Perso.test`;
    const [company] = await db().insert(accounts).values({ kind: 'company', status: 'active', legalName: `Effacement SARL ${tag}` }).returning({ id: accounts.id });
    const [indiv] = await db().insert(accounts).values({ kind: 'individual', status: 'active', legalName: FULL }).returning({ id: accounts.id });
    await db().insert(addresses).values({ accountId: indiv!.id, kind: 'billing', recipient: FULL, line1: '12 impasse des Quenouilles', postalCode: '69001', city: 'Lyon' });
    const [p] = await db().insert(persons).values({ firstName: FIRST, lastName: LAST, emails: [email, email2], phones: [PHONE] }).returning({ id: persons.id });
    const personId = p!.id;
    await db().insert(positions).values([
      { personId, accountId: company!.id, title: 'Acheteuse', portalRole: 'requester' },
      { personId, accountId: indiv!.id },
    ]);
    const [u] = await db().insert(users).values({ personId, email, passwordHash: await hashPassword(PASSWORD), kind: 'business' }).returning({ id: users.id });
    const userId = u!.id;
    const homeAddress = { name: FULL, line1: '12 impasse des Quenouilles', postalCode: '69001', city: 'Lyon', country: 'FR', phone: PHONE };
    const companyAddress = { name: `Effacement SARL ${tag}`, line1: '1 quai du Commerce', postalCode: '69002', city: 'Lyon', country: 'FR' };
    const base = { shippingMethod: 'standard', vatBreakdown: [], totalVatCents: 0 };
    const rows: Array<typeof orders.$inferInsert> = [
      { ...base, number: `PD-${tag}-1`, channel: 'b2b', priceMode: 'tax_exclusive', status: 'delivered', accountId: company!.id, placedByUserId: userId, customerName: `Effacement SARL ${tag}`, email, billingAddress: companyAddress, deliveryAddress: { ...companyAddress, name: FULL, phone: PHONE }, paymentMethod: 'on_account', totalNetCents: 10000, totalGrossCents: 10000 },
      { ...base, number: `PD-${tag}-2`, channel: 'b2c', priceMode: 'tax_inclusive', status: 'delivered', accountId: indiv!.id, customerName: FULL, email, billingAddress: homeAddress, deliveryAddress: homeAddress, paymentMethod: 'card', totalNetCents: 5000, totalGrossCents: 5000 },
      { ...base, number: `PD-${tag}-3`, channel: 'b2c', priceMode: 'tax_inclusive', status: 'placed', accountId: null, customerName: FULL, email: email2, billingAddress: homeAddress, deliveryAddress: homeAddress, paymentMethod: 'card', totalNetCents: 2500, totalGrossCents: 2500 },
    ];
    await db().insert(orders).values(rows);
    await db().insert(activities).values([
      { accountId: company!.id, personId, kind: 'call', subject: `Appel ${FULL}`, body: `Rappeler au ${PHONE}` },
      { accountId: company!.id, kind: 'note', subject: 'Note interne', body: `Contact : ${email}, ${FULL}` },
    ]);
    await db().insert(outbox).values([
      { toAddress: email, subject: `Bonjour ${FULL}`, bodyText: `Bonjour ${FIRST}, votre commande…` },
      { toAddress: 'admin@atelier-lumiere.test', subject: 'Demande à approuver', bodyText: `${FULL} (${email}) demande une approbation.` },
    ]);
    await db().insert(auditLog).values([
      { actorUserId: userId, action: 'person.update', entityType: 'person', entityId: personId, before: { firstName: FIRST, lastName: LAST }, after: { emails: [email, email2], phones: [PHONE], name: FULL } },
      { actorUserId: userId, action: 'order.place', entityType: 'order', entityId: 'x', after: { email, customerName: FULL } },
    ]);
    await db().insert(loginAttempts).values({ email, ip: '203.0.113.9', succeeded: false });
    await db().insert(passwordResetTokens).values({ tokenHash: `hash-${tag}`, userId, expiresAt: new Date(Date.now() + 3_600_000) });
    const [opp] = await db().insert(opportunities).values({ accountId: company!.id, title: 'Renouvellement', ownerUserId: userId }).returning({ id: opportunities.id });
    await db().insert(opportunityStakeholders).values({ opportunityId: opp!.id, personId, role: 'Décideuse', weight: 60 });
    await db().insert(budgetForecasts).values({ accountId: company!.id, label: 'Budget 2027', fiscalYear: 2027, holderPersonId: personId, notes: `Tenu par ${FULL}` });
    await db().insert(projects).values({ accountId: company!.id, title: 'Nouvel atelier', sponsorPersonId: personId });
    return { personId, userId, email, email2, companyId: company!.id, indivId: indiv!.id, tag, LAST, FULL, PHONE };
  }

  /**
   * The person asks for a quote through the portal (their contact details in the text), comments on
   * the quote, and declines another with a reason; a salesperson's comment names them.
   */
  async function quoteTrail(p: Awaited<ReturnType<typeof newPerson>>) {
    const portal = (await loadActor(db(), p.userId))!;
    const sales = await actorOf('commercial@comptoir.test');
    const submitted = await submitQuoteRequest(db(), portal, {
      title: `Compresseur — rappeler ${p.FULL}`,
      description: `Joignable au ${p.PHONE} ou à ${p.email}. Besoin urgent pour l’atelier.`,
      lines: [{ description: `Pose chez ${p.FULL}, badge au nom de ${p.LAST}`, quantity: '1' }],
    });
    if (!submitted.ok) throw new Error(submitted.error);
    const [sent, declined] = await db()
      .insert(quotes)
      .values([
        { number: `DEV-${p.tag}-1`, accountId: p.companyId, requestId: submitted.value.requestId, title: 'Compresseur', status: 'sent', latestSentVersion: 1, validUntil: '2099-12-31' },
        { number: `DEV-${p.tag}-2`, accountId: p.companyId, title: 'Ancien devis', status: 'declined', latestSentVersion: 1, decidedByUserId: p.userId, decisionReason: 'Budget reporté à l’an prochain' },
      ])
      .returning({ id: quotes.id });
    await db().insert(quoteEvents).values({ accountId: p.companyId, quoteId: declined!.id, kind: 'quote_status', fromState: 'sent', toState: 'declined', version: 1, actorUserId: p.userId, note: 'Budget reporté à l’an prochain' });
    const theirs = await commentOnQuote(db(), portal, { quoteId: sent!.id, comment: `Vous pouvez me joindre au ${p.PHONE}, je suis là le matin.` });
    const staff = await commentOnQuote(db(), sales, { quoteId: sent!.id, comment: `Appelé ${p.FULL} (${p.email}) : d’accord sur le délai.` });
    expect([theirs.ok, staff.ok]).toEqual([true, true]);
    return { requestId: submitted.value.requestId, requestNumber: submitted.value.number, quoteId: sent!.id, declinedQuoteId: declined!.id };
  }

  it('refuses a sales rep and a signed-out caller, and changes nothing', async () => {
    const sales = await actorOf('commercial@comptoir.test');
    const p = await newPerson();
    expect(await erasePerson(db(), sales, p.personId)).toEqual({ ok: false, error: 'Vous n’avez pas le droit de faire cette action.' });
    expect(await exportPerson(db(), sales, p.personId)).toMatchObject({ ok: false, error: 'Vous n’avez pas le droit de faire cette action.' });
    expect(await erasePerson(db(), null, p.personId)).toMatchObject({ ok: false, error: 'Votre session a expiré : reconnectez-vous.' });
    const [row] = await db().select().from(persons).where(eq(persons.id, p.personId));
    expect(row).toMatchObject({ firstName: FIRST, lastName: p.LAST, phones: [p.PHONE] });
    expect(await db().select().from(users).where(eq(users.id, p.userId))).toHaveLength(1);
    const admin = await actorOf('admin@comptoir.test');
    expect(await erasePerson(db(), admin, admin.personId)).toMatchObject({ ok: false });
    expect(await erasePerson(db(), admin, '00000000-0000-0000-0000-000000000000')).toMatchObject({ ok: false, error: 'Personne introuvable.' });
  });

  it('exports everything about the person as JSON, without the password hash', async () => {
    const admin = await actorOf('admin@comptoir.test');
    const p = await newPerson();
    const trail = await quoteTrail(p);
    const r = await exportPerson(db(), admin, p.personId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const json = JSON.stringify(r.value);
    expect(json).not.toMatch(/password|scrypt|\$argon|hash-/i);
    const parsed = JSON.parse(json) as typeof r.value;
    expect(parsed.person).toMatchObject({ firstName: FIRST, lastName: p.LAST, phones: [p.PHONE] });
    expect(parsed.positions).toHaveLength(2);
    expect(parsed.orders.map((o) => o.number).sort()).toEqual([`PD-${p.tag}-1`, `PD-${p.tag}-2`, `PD-${p.tag}-3`]);
    expect(parsed.login).toMatchObject({ email: p.email, kind: 'business' });
    expect(parsed.activities).toHaveLength(1);
    // Their request made them a `user` of the opportunity it opened.
    expect(parsed.stakeholderRoles.map((s) => [s.role, s.weight]).sort()).toEqual([
      ['Décideuse', 60],
      ['user', 0],
    ]);
    expect(parsed.quoteRequests).toMatchObject([
      {
        id: trail.requestId,
        number: trail.requestNumber,
        title: `Compresseur — rappeler ${p.FULL}`,
        description: expect.stringContaining(p.PHONE),
        status: 'submitted',
        createdAt: expect.any(String),
        lines: [{ position: 1, description: expect.stringContaining(p.FULL), quantity: 1 }],
      },
    ]);
    const events = parsed.quoteEvents.map((e) => [e.kind, e.toState, e.note]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['comment', null, expect.stringContaining(p.PHONE)],
        ['quote_status', 'declined', 'Budget reporté à l’an prochain'],
        ['request_status', 'submitted', null],
      ]),
    );
    // Only what they did: not the salesperson's comment about them.
    expect(events).toHaveLength(3);
    expect(parsed.budgetForecastsHeld).toHaveLength(1);
    expect(parsed.projectsSponsored).toHaveLength(1);
    expect(parsed.outboxMessages).toHaveLength(1);
    expect(parsed.auditEntries.length).toBeGreaterThanOrEqual(2);
    const [logged] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'person.export'), eq(auditLog.entityId, p.personId)));
    expect(logged).toMatchObject({ actorUserId: admin.userId, before: null, after: null });
  });

  it('erases the person from every text column of every table, removes the login, keeps the orders', async () => {
    const admin = await actorOf('admin@comptoir.test');
    const p = await newPerson();
    const trail = await quoteTrail(p);
    expect((await signInWithPassword(db(), { email: p.email, password: PASSWORD, ip: '203.0.113.10' })).ok).toBe(true);
    const needles = [p.LAST, p.FULL, p.email, p.email2, p.PHONE];
    expect((await scan(needles)).length).toBeGreaterThan(10);

    const r = await erasePerson(db(), admin, p.personId);
    expect(r).toMatchObject({ ok: true, value: { ordersAnonymised: 3, activitiesErased: 1, outboxMessagesErased: 1, quoteRequestsErased: 1, quoteNotesErased: 2, loginRemoved: true } });

    expect(await scan(needles)).toEqual([]);

    const [person] = await db().select().from(persons).where(eq(persons.id, p.personId));
    expect(`${person!.firstName} ${person!.lastName}`).toBe(ERASED_NAME);
    expect(person).toMatchObject({ emails: [], phones: [] });
    expect(await db().select().from(users).where(eq(users.personId, p.personId))).toEqual([]);
    const [opp] = await db().select({ owner: opportunities.ownerUserId }).from(opportunities).where(eq(opportunities.accountId, p.companyId));
    expect(opp!.owner).toBeNull();
    const [activity] = await db().select().from(activities).where(eq(activities.personId, p.personId));
    expect(activity).toMatchObject({ subject: ERASED_CONTENT, body: ERASED_CONTENT });
    const kept = await db().select().from(orders).where(sql`${orders.number} like ${`PD-${p.tag}-%`}`).orderBy(orders.number);
    expect(kept.map((o) => o.totalNetCents)).toEqual([10000, 5000, 2500]);
    expect(kept[0]).toMatchObject({ customerName: `Effacement SARL ${p.tag}`, billingAddress: { name: `Effacement SARL ${p.tag}`, line1: '1 quai du Commerce' } });
    expect(kept[1]).toMatchObject({ customerName: ERASED_NAME, billingAddress: { country: 'FR', city: '' } });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'person.erase'), eq(auditLog.entityId, p.personId)));
    expect(entry).toMatchObject({ actorUserId: admin.userId, entityType: 'person' });
    // The stakeholder, forecast and project links stay, pointing at the anonymous person.
    expect(await db().select().from(opportunityStakeholders).where(eq(opportunityStakeholders.personId, p.personId))).toHaveLength(2);

    // What they wrote on requests and quotes is emptied; the request keeps its number, status and link to them.
    const [request] = await db().select().from(quoteRequests).where(eq(quoteRequests.id, trail.requestId));
    expect(request).toMatchObject({ number: trail.requestNumber, status: 'submitted', title: ERASED_CONTENT, description: ERASED_CONTENT, requestedByPersonId: p.personId, requestedByUserId: null });
    expect(await db().select({ d: quoteRequestLines.description }).from(quoteRequestLines).where(eq(quoteRequestLines.requestId, trail.requestId))).toEqual([{ d: ERASED_CONTENT }]);
    const comments = await db().select({ note: quoteEvents.note, byStaff: quoteEvents.byStaff, actor: quoteEvents.actorUserId }).from(quoteEvents).where(eq(quoteEvents.quoteId, trail.quoteId)).orderBy(quoteEvents.id);
    // Theirs is gone; the salesperson's keeps its content, without their name and email.
    expect(comments).toEqual([
      { note: ERASED_CONTENT, byStaff: false, actor: null },
      { note: `Appelé ${ERASED_NAME} (${ERASED_EMAIL}) : d’accord sur le délai.`, byStaff: true, actor: expect.any(String) },
    ]);
    const [decided] = await db().select({ reason: quotes.decisionReason, by: quotes.decidedByUserId }).from(quotes).where(eq(quotes.id, trail.declinedQuoteId));
    expect(decided).toEqual({ reason: ERASED_CONTENT, by: null });
    const [decline] = await db().select({ note: quoteEvents.note }).from(quoteEvents).where(eq(quoteEvents.quoteId, trail.declinedQuoteId));
    expect(decline!.note).toBe(ERASED_CONTENT);
    // The system's own history notes stay ("submitted" has none; the request history is intact).
    expect(await db().select({ to: quoteEvents.toState }).from(quoteEvents).where(eq(quoteEvents.requestId, trail.requestId))).toEqual([{ to: 'submitted' }]);

    // The login is gone: the old credentials no longer open a session.
    expect(await signInWithPassword(db(), { email: p.email, password: PASSWORD, ip: '203.0.113.11' })).toEqual({ ok: false, reason: 'invalid' });
  });
});
