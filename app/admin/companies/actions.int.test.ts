import { and, count, desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, addresses, auditLog, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { frAdminCompanies } from '@/lib/i18n/fr-admin-companies';
import { backends, unique, useTestDb } from '@/test/db';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const Redirect = vi.hoisted(
  () =>
    class Redirect extends Error {
      constructor(readonly url: string) {
        super(`redirect ${url}`);
      }
    },
);
vi.mock('@/lib/auth/session', () => ({ getActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

const { createCompanyAction, deleteAddressAction, saveAddressAction, updateCompanyAction } = await import('./actions');
const { listCompaniesForStaff, getCompanyForStaff } = await import('@/lib/companies/admin-service');

const e = frAdminCompanies.errors;

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe.each(backends())('back-office companies on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }

  async function company(name: string) {
    const [row] = await db().select().from(accounts).where(eq(accounts.legalName, name));
    return row!;
  }

  /** The edit form of a stored company, as the page fills it. */
  function editForm(c: typeof accounts.$inferSelect, overrides: Record<string, string> = {}): Record<string, string> {
    const money = (cents: number | null) => (cents === null ? '' : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`);
    const values: Record<string, string> = {
      accountId: c.id,
      legalName: c.legalName,
      tradeName: c.tradeName ?? '',
      siren: c.siren ?? '',
      siret: c.siret ?? '',
      vatNumber: c.vatNumber ?? '',
      country: c.country,
      status: c.status,
      paymentTermDays: String(c.paymentTermDays),
      creditLimit: money(c.creditLimitCents),
      fiscalYearEndMonth: String(c.fiscalYearEndMonth),
      ownerUserId: c.ownerUserId ?? '',
      approvalThreshold: money(c.approvalThresholdHtCents),
      approvalExpiryDays: String(c.approvalExpiryDays),
    };
    if (c.paymentEndOfMonth) values.paymentEndOfMonth = 'on';
    if (c.allowOffContract) values.allowOffContract = 'on';
    if (c.usesCostCentres) values.usesCostCentres = 'on';
    return { ...values, ...overrides };
  }

  async function counts() {
    const [a] = await db().select({ n: count() }).from(accounts);
    const [ad] = await db().select({ n: count() }).from(addresses);
    const [au] = await db().select({ n: count() }).from(auditLog);
    return { accounts: a!.n, addresses: ad!.n, audit: au!.n };
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a company admin', 'admin@atelier-lumiere.test'],
  ])('refuses every company change to %s and changes nothing', async (_label, email) => {
    const atelier = await company('Atelier Lumière SAS');
    const [addr] = await db().select().from(addresses).where(eq(addresses.accountId, atelier.id));
    session.actor = email ? await actorOf(email) : null;
    const before = await counts();
    const results = [
      await createCompanyAction(null, form({ legalName: `Intrus ${unique()}`, country: 'FR', paymentTermDays: '30', fiscalYearEndMonth: '12', approvalExpiryDays: '14' })),
      await updateCompanyAction(null, form(editForm(atelier, { approvalThreshold: '1,00', allowOffContract: '' }))),
      await saveAddressAction(null, form({ accountId: atelier.id, kind: 'delivery', line1: '1 rue X', postalCode: '75001', city: 'Paris', country: 'FR' })),
      await deleteAddressAction(null, form({ accountId: atelier.id, addressId: addr!.id })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect(await company('Atelier Lumière SAS')).toEqual(atelier);
    const list = await listCompaniesForStaff(db(), session.actor, { page: 1 });
    expect(list.ok).toBe(false);
  });

  it('lets an admin edit the purchasing rules, storing cents and auditing before/after', async () => {
    const atelier = await company('Atelier Lumière SAS');
    session.actor = await actorOf('admin@comptoir.test');
    const r = await updateCompanyAction(null, form(editForm(atelier, { approvalThreshold: '7 654,32 €', approvalExpiryDays: '21' })));
    expect(r).toMatchObject({ ok: true, message: frAdminCompanies.saved });
    const after = await company('Atelier Lumière SAS');
    expect(after.approvalThresholdHtCents).toBe(765_432);
    expect(after.approvalExpiryDays).toBe(21);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, atelier.id), eq(auditLog.action, 'account.update')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit!.before).toEqual({ approvalThresholdHtCents: atelier.approvalThresholdHtCents, approvalExpiryDays: atelier.approvalExpiryDays });
    expect(audit!.after).toEqual({ approvalThresholdHtCents: 765_432, approvalExpiryDays: 21 });
    // Saving the same values again changes nothing and writes no audit.
    const n = await counts();
    expect(await updateCompanyAction(null, form(editForm(after)))).toMatchObject({ ok: true, message: frAdminCompanies.unchanged });
    expect(await counts()).toEqual(n);
    // Put it back for other tests sharing the database.
    expect(await updateCompanyAction(null, form(editForm(atelier)))).toMatchObject({ ok: true });
  });

  it.each([
    ['FR00529876542', 'vatNumber', e.vatKey],
    ['FR40529876543', 'vatNumber', e.vatChecksum],
    ['GR123456789', 'vatNumber', e.vatGreece],
    ['XX123456789', 'vatNumber', e.vatUnknownCountry],
    ['FR4052987654', 'vatNumber', e.vatFormat],
    ['FR70412356784', 'vatNumber', e.vatNotSiren],
  ])('refuses the VAT number %s with a clear message', async (vatNumber, field, message) => {
    const atelier = await company('Atelier Lumière SAS');
    session.actor = await actorOf('commercial@comptoir.test');
    const r = await updateCompanyAction(null, form(editForm(atelier, { vatNumber })));
    expect(r).toMatchObject({ ok: false, fieldErrors: { [field]: [message] }, values: { vatNumber } });
    expect(await company('Atelier Lumière SAS')).toEqual(atelier);
  });

  it('checks SIREN and SIRET keys, normalises identifiers, and keeps a non-EU VAT number as typed', async () => {
    session.actor = await actorOf('commercial@comptoir.test');
    const base = { country: 'FR', paymentTermDays: '30', fiscalYearEndMonth: '12', approvalExpiryDays: '14' };
    expect(await createCompanyAction(null, form({ ...base, legalName: 'Mauvais SIREN', siren: '529876543' }))).toMatchObject({
      ok: false,
      fieldErrors: { siren: [e.sirenChecksum] },
    });
    expect(await createCompanyAction(null, form({ ...base, legalName: 'Mauvais SIRET', siren: '529876542', siret: '41235678400014' }))).toMatchObject({
      ok: false,
      fieldErrors: { siret: [e.siretNotSiren] },
    });
    expect(await createCompanyAction(null, form({ ...base, legalName: 'Mauvais pays', country: 'France' }))).toMatchObject({
      ok: false,
      fieldErrors: { country: [e.country] },
    });
    expect(await createCompanyAction(null, form({ ...base, legalName: 'Mauvais délai', approvalExpiryDays: '400' }))).toMatchObject({
      ok: false,
      fieldErrors: { approvalExpiryDays: [e.approvalExpiryDays] },
    });

    const name = `Bureau Helvète ${unique()}`;
    const err = await createCompanyAction(null, form({ ...base, legalName: name, country: 'ch', vatNumber: 'CHE-116.281.710 TVA', creditLimit: '1 000' })).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(Redirect);
    const created = await company(name);
    expect(created).toMatchObject({ kind: 'company', status: 'prospect', country: 'CH', vatNumber: 'CHE-116.281.710 TVA', creditLimitCents: 100_000 });
    expect((err as InstanceType<typeof Redirect>).url).toBe(`/admin/companies/${created.id}?created=1`);

    const fr = `Société Française ${unique()}`;
    await createCompanyAction(null, form({ ...base, legalName: fr, siren: '529 876 542', siret: '529 876 542 00018', vatNumber: 'fr 40 529 876 542' })).catch(() => null);
    expect(await company(fr)).toMatchObject({ siren: '529876542', siret: '52987654200018', vatNumber: 'FR40529876542' });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'account.create')));
    expect(audit!.after).toMatchObject({ legalName: name, status: 'prospect' });
  });

  it('finds companies by accent-insensitive name or SIREN, filters by status, and never lists individuals', async () => {
    const actor = await actorOf('commercial@comptoir.test');
    const byName = await listCompaniesForStaff(db(), actor, { q: 'atelier lumiere', page: 1 });
    expect(byName.ok && byName.value.rows.map((r) => r.legalName)).toContain('Atelier Lumière SAS');
    const bySiren = await listCompaniesForStaff(db(), actor, { q: '412 356 784', page: 1 });
    expect(bySiren.ok && bySiren.value.rows.map((r) => r.legalName)).toEqual(['Cabinet Verdier Architectes SARL']);
    const prospects = await listCompaniesForStaff(db(), actor, { status: 'prospect', page: 1 });
    expect(prospects.ok && prospects.value.rows.every((r) => r.status === 'prospect')).toBe(true);
    expect(prospects.ok && prospects.value.rows.map((r) => r.legalName)).toContain('Clinique Saint-Roch');
    const all = await listCompaniesForStaff(db(), actor, { q: 'Moreau', page: 1 });
    expect(all.ok && all.value.rows).toEqual([]);
    const atelier = await company('Atelier Lumière SAS');
    const view = await getCompanyForStaff(db(), actor, atelier.id);
    // Other test files invite more people into the demo company on the shared PostgreSQL database:
    // the demo's four people (three logins and the workshop head without one) must be there.
    expect(view.ok && view.value.people.map((p) => p.portalRole)).toEqual(expect.arrayContaining(['company_admin', 'purchaser', 'requester', null]));
    expect(view.ok && view.value.agreements.map((a) => a.reference)).toContain('CC-ATL-2026');
  });

  it('keeps one default address per kind when adding, editing and deleting', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const name = `Adresses ${unique()}`;
    await createCompanyAction(null, form({ legalName: name, country: 'FR', paymentTermDays: '30', fiscalYearEndMonth: '12', approvalExpiryDays: '14' })).catch(() => null);
    const c = await company(name);
    const add = (values: Record<string, string>) =>
      saveAddressAction(null, form({ accountId: c.id, kind: 'delivery', postalCode: '69001', city: 'Lyon', country: 'FR', ...values }));
    expect(await add({ line1: '' })).toMatchObject({ ok: false, fieldErrors: { line1: [e.required] } });
    expect(await add({ line1: '1 rue A', label: 'A' })).toMatchObject({ ok: true });
    expect(await add({ line1: '2 rue B', label: 'B' })).toMatchObject({ ok: true });
    const defaults = async () =>
      (await db().select().from(addresses).where(and(eq(addresses.accountId, c.id), eq(addresses.kind, 'delivery'))))
        .filter((a) => a.isDefault)
        .map((a) => a.label);
    expect(await defaults()).toEqual(['A']); // the first of a kind is its default
    expect(await add({ line1: '3 rue C', label: 'C', isDefault: 'on' })).toMatchObject({ ok: true });
    expect(await defaults()).toEqual(['C']);
    const [cRow] = await db().select().from(addresses).where(and(eq(addresses.accountId, c.id), eq(addresses.label, 'C')));
    expect(await saveAddressAction(null, form({ accountId: c.id, addressId: cRow!.id, kind: 'delivery', label: 'C', line1: '3 bis rue C', postalCode: '69002', city: 'Lyon', country: 'FR', isDefault: 'on' }))).toMatchObject({ ok: true });
    expect(await deleteAddressAction(null, form({ accountId: c.id, addressId: cRow!.id }))).toMatchObject({ ok: true });
    expect(await defaults()).toEqual(['A']); // another one takes over
    // An address of another company is "not found".
    const atelier = await company('Atelier Lumière SAS');
    const [aRow] = await db().select().from(addresses).where(and(eq(addresses.accountId, c.id), eq(addresses.label, 'A')));
    expect(await deleteAddressAction(null, form({ accountId: atelier.id, addressId: aRow!.id }))).toMatchObject({ ok: false, error: e.addressNotFound });
    const audits = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).filter((x) => x.startsWith('account.address'))).toHaveLength(5);
  });
});
