import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { accounts, agreementLines, agreementPriceTiers, auditLog, frameworkAgreements, orderLines, orders, products, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/actor';
import { frAdminAgreements } from '@/lib/i18n/fr-admin-agreements';
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

const actions = await import('./actions');
const { getAgreementForStaff, listAgreementsForStaff } = await import('@/lib/purchasing/agreements-service');
const e = frAdminAgreements.errors;

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const ref = () => `T-${unique('').toUpperCase()}`.slice(0, 40);
const year = new Date().getFullYear();

describe.each(backends())('back-office agreements on %s', (backend) => {
  const ctx = useTestDb(backend);
  const db = () => ctx.handle.db;

  async function actorOf(email: string): Promise<Actor> {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await loadActor(db(), u!.id))!;
  }
  async function companyId(name: string): Promise<string> {
    const [row] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.legalName, name));
    return row!.id;
  }
  async function agreementByRef(reference: string) {
    const [row] = await db().select().from(frameworkAgreements).where(eq(frameworkAgreements.reference, reference));
    return row;
  }
  async function productId(sku: string): Promise<string> {
    const [row] = await db().select({ id: products.id }).from(products).where(eq(products.sku, sku));
    return row!.id;
  }
  async function counts() {
    const [a] = await db().select({ n: count() }).from(frameworkAgreements);
    const [l] = await db().select({ n: count() }).from(agreementLines);
    const [t] = await db().select({ n: count() }).from(agreementPriceTiers);
    const [au] = await db().select({ n: count() }).from(auditLog);
    return { agreements: a!.n, lines: l!.n, tiers: t!.n, audit: au!.n };
  }

  /** Creates an agreement as the current actor and returns its id. */
  async function create(values: Record<string, string>): Promise<string> {
    const err = await actions.createAgreementAction(null, form(values)).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(Redirect);
    const match = /^\/admin\/agreements\/([0-9a-f-]{36})\?created=1$/.exec((err as InstanceType<typeof Redirect>).url);
    return match![1]!;
  }
  async function headerOf(agreementId: string): Promise<Record<string, string>> {
    const a = (await db().select().from(frameworkAgreements).where(eq(frameworkAgreements.id, agreementId)))[0]!;
    return {
      agreementId,
      reference: a.reference,
      title: a.title,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      ceiling: a.ceilingHtCents === null ? '' : `${a.ceilingHtCents / 100}`,
      status: a.status,
    };
  }
  async function lineOf(agreementId: string, sku: string) {
    const [row] = await db()
      .select({ id: agreementLines.id, unitPriceHtCents: agreementLines.unitPriceHtCents, maxQuantity: agreementLines.maxQuantity })
      .from(agreementLines)
      .where(and(eq(agreementLines.agreementId, agreementId), eq(agreementLines.productId, await productId(sku))));
    return row;
  }

  beforeEach(() => {
    session.actor = null;
  });

  it.each([
    ['no session', null],
    ['a customer', 'client@particulier.test'],
    ['a requester', 'demandeur@atelier-lumiere.test'],
    ['a purchaser', 'acheteur@atelier-lumiere.test'],
  ])('refuses every agreement change to %s and changes nothing', async (_label, email) => {
    const atl = (await agreementByRef('CC-ATL-2026'))!;
    const line = await lineOf(atl.id, 'BUR-RAM-A4');
    session.actor = email ? await actorOf(email) : null;
    const before = await counts();
    const results = [
      await actions.createAgreementAction(null, form({ reference: ref(), accountId: atl.accountId, title: 'X', startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })),
      await actions.updateAgreementAction(null, form({ ...(await headerOf(atl.id)), ceiling: '1,00' })),
      await actions.addLineAction(null, form({ agreementId: atl.id, sku: 'BUR-AGR-24', unitPrice: '0,01' })),
      await actions.updateLineAction(null, form({ lineId: line!.id, unitPrice: '0,01' })),
      await actions.removeLineAction(null, form({ lineId: line!.id })),
      await actions.addTierAction(null, form({ lineId: line!.id, minQuantity: '10', unitPrice: '0,01' })),
      await actions.removeTierAction(null, form({ lineId: line!.id, minQuantity: '50' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
    expect(await agreementByRef('CC-ATL-2026')).toEqual(atl);
    expect(await lineOf(atl.id, 'BUR-RAM-A4')).toEqual(line);
    expect((await listAgreementsForStaff(db(), session.actor, { page: 1 })).ok).toBe(false);
  });

  it('creates, edits and fills an agreement: lines by SKU, prices in French, tiers, all audited', async () => {
    session.actor = await actorOf('commercial@comptoir.test');
    const verdier = await companyId('Cabinet Verdier Architectes SARL');
    const reference = ref();
    const id = await create({ reference: reference.toLowerCase(), accountId: verdier, title: 'Papeterie', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, ceiling: '10 000' });
    expect(await agreementByRef(reference)).toMatchObject({ accountId: verdier, status: 'draft', ceilingHtCents: 1_000_000 });

    expect(await actions.addLineAction(null, form({ agreementId: id, sku: 'bur-ram-a4', unitPrice: '3,10', maxQuantity: '500' }))).toMatchObject({ ok: true });
    expect(await lineOf(id, 'BUR-RAM-A4')).toMatchObject({ unitPriceHtCents: 310, maxQuantity: 500 });
    const line = (await lineOf(id, 'BUR-RAM-A4'))!;
    expect(await actions.addTierAction(null, form({ lineId: line.id, minQuantity: '100', unitPrice: '2,90' }))).toMatchObject({ ok: true });
    expect(await actions.updateLineAction(null, form({ lineId: line.id, unitPrice: '3,05', maxQuantity: '' }))).toMatchObject({ ok: true, message: frAdminAgreements.lineSaved });
    expect(await lineOf(id, 'BUR-RAM-A4')).toMatchObject({ unitPriceHtCents: 305, maxQuantity: null });

    const view = await getAgreementForStaff(db(), session.actor, id);
    expect(view.ok && view.value.lines).toMatchObject([{ sku: 'BUR-RAM-A4', unitPriceHtCents: 305, tiers: [{ minQuantity: 100, unitPriceHtCents: 290 }], orderedQuantity: 0 }]);

    expect(await actions.updateAgreementAction(null, form({ ...(await headerOf(id)), title: 'Papeterie et classement', endsOn: `${year}-06-30`, status: 'active' }))).toMatchObject({ ok: true });
    expect(await agreementByRef(reference)).toMatchObject({ title: 'Papeterie et classement', endsOn: `${year}-06-30`, status: 'active' });
    expect(await actions.updateAgreementAction(null, form({ ...(await headerOf(id)), endsOn: `${year - 1}-12-31` }))).toMatchObject({
      ok: false,
      fieldErrors: { endsOn: [e.endsBeforeStart] },
    });

    expect(await actions.removeTierAction(null, form({ lineId: line.id, minQuantity: '100' }))).toMatchObject({ ok: true });
    expect(await actions.removeTierAction(null, form({ lineId: line.id, minQuantity: '100' }))).toMatchObject({ ok: false, error: e.tierNotFound });
    expect(await actions.removeLineAction(null, form({ lineId: line.id }))).toMatchObject({ ok: true });
    expect(await lineOf(id, 'BUR-RAM-A4')).toBeUndefined();

    const audits = await db().select({ action: auditLog.action, before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual([
      'agreement.create',
      'agreement.line_add',
      'agreement.tier_add',
      'agreement.line_update',
      'agreement.update',
      'agreement.tier_remove',
      'agreement.line_remove',
    ]);
    expect(audits[4]).toMatchObject({ before: { status: 'draft', endsOn: `${year}-12-31` }, after: { status: 'active', endsOn: `${year}-06-30` } });
    // Leave nothing active behind on a shared database.
    await actions.updateAgreementAction(null, form({ ...(await headerOf(id)), status: 'ended' }));
  });

  it('refuses a duplicate reference, an unknown company, and bad header fields', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const verdier = await companyId('Cabinet Verdier Architectes SARL');
    const before = await counts();
    const base = { accountId: verdier, title: 'Doublon', startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
    expect(await actions.createAgreementAction(null, form({ ...base, reference: 'cc-atl-2026' }))).toMatchObject({
      ok: false,
      fieldErrors: { reference: [e.referenceTaken('CC-ATL-2026')] },
    });
    expect(await actions.createAgreementAction(null, form({ ...base, reference: ref(), accountId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      ok: false,
      fieldErrors: { accountId: [e.companyNotFound] },
    });
    expect(await actions.createAgreementAction(null, form({ ...base, reference: ref(), endsOn: `${year - 1}-12-31` }))).toMatchObject({
      ok: false,
      fieldErrors: { endsOn: [e.endsBeforeStart] },
    });
    expect(await actions.createAgreementAction(null, form({ ...base, reference: ref(), ceiling: '0' }))).toMatchObject({
      ok: false,
      fieldErrors: { ceiling: [e.ceilingPositive] },
    });
    expect(await actions.createAgreementAction(null, form({ ...base, reference: ref(), startsOn: '2026-02-30' }))).toMatchObject({
      ok: false,
      fieldErrors: { startsOn: [e.date] },
    });
    expect(await actions.createAgreementAction(null, form({ ...base, reference: 'a b' }))).toMatchObject({ ok: false, fieldErrors: { reference: [e.referenceFormat] } });
    const mor = (await agreementByRef('CC-MOR-2026'))!;
    expect(await actions.updateAgreementAction(null, form({ ...(await headerOf(mor.id)), reference: 'CC-ATL-2026' }))).toMatchObject({
      ok: false,
      fieldErrors: { reference: [e.referenceTaken('CC-ATL-2026')] },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown SKU, a product already in the agreement, and invalid tiers', async () => {
    session.actor = await actorOf('commercial@comptoir.test');
    const atl = (await agreementByRef('CC-ATL-2026'))!;
    const line = (await lineOf(atl.id, 'BUR-RAM-A4'))!;
    const before = await counts();
    expect(await actions.addLineAction(null, form({ agreementId: atl.id, sku: 'NOPE-404', unitPrice: '1,00' }))).toMatchObject({
      ok: false,
      fieldErrors: { sku: [e.unknownSku('NOPE-404')] },
    });
    expect(await actions.addLineAction(null, form({ agreementId: atl.id, sku: 'bur-ram-a4', unitPrice: '1,00' }))).toMatchObject({
      ok: false,
      fieldErrors: { sku: [e.duplicateProduct('BUR-RAM-A4')] },
    });
    expect(await actions.addLineAction(null, form({ agreementId: atl.id, sku: 'BUR-AGR-24', unitPrice: '1,234', maxQuantity: '0' }))).toMatchObject({
      ok: false,
      fieldErrors: { unitPrice: [expect.stringContaining('deux décimales')], maxQuantity: [e.quantity] },
    });
    expect(await actions.addTierAction(null, form({ lineId: line.id, minQuantity: '1', unitPrice: '3,00' }))).toMatchObject({ ok: false, fieldErrors: { minQuantity: [e.tierMin] } });
    expect(await actions.addTierAction(null, form({ lineId: line.id, minQuantity: 'dix', unitPrice: '3,00' }))).toMatchObject({ ok: false, fieldErrors: { minQuantity: [e.tierMin] } });
    expect(await actions.addTierAction(null, form({ lineId: line.id, minQuantity: '50', unitPrice: '3,00' }))).toMatchObject({
      ok: false,
      fieldErrors: { minQuantity: [e.tierTaken(50)] },
    });
    expect(await actions.addTierAction(null, form({ lineId: line.id, minQuantity: '60', unitPrice: 'abc' }))).toMatchObject({ ok: false, fieldErrors: { unitPrice: [expect.any(String)] } });
    expect(await counts()).toEqual(before);
  });

  it('refuses to put one product under two active agreements of a company over overlapping dates', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const atl = (await agreementByRef('CC-ATL-2026'))!;
    const atelier = atl.accountId;
    const before = await counts();
    // Adding a covered product to another ACTIVE agreement over overlapping dates.
    const activeId = await create({ reference: ref(), accountId: atelier, title: 'Chevauchement', startsOn: atl.endsOn, endsOn: `${Number(atl.endsOn.slice(0, 4)) + 1}-06-30`, status: 'active' });
    expect(await actions.addLineAction(null, form({ agreementId: activeId, sku: 'BUR-RAM-A4', unitPrice: '3,00' }))).toMatchObject({
      ok: false,
      fieldErrors: { sku: [e.overlap('BUR-RAM-A4', 'CC-ATL-2026')] },
    });
    // A product no other active agreement covers is fine.
    expect(await actions.addLineAction(null, form({ agreementId: activeId, sku: 'BUR-AGR-24', unitPrice: '3,00' }))).toMatchObject({ ok: true });

    // Activating a draft that covers a product of the active agreement, over overlapping dates.
    const draftId = await create({ reference: ref(), accountId: atelier, title: 'Brouillon', startsOn: `${year}-03-01`, endsOn: `${year}-09-30` });
    expect(await actions.addLineAction(null, form({ agreementId: draftId, sku: 'BUR-RAM-A4', unitPrice: '3,00' }))).toMatchObject({ ok: true });
    expect(await actions.updateAgreementAction(null, form({ ...(await headerOf(draftId)), status: 'active' }))).toMatchObject({
      ok: false,
      fieldErrors: { status: [e.overlap('BUR-RAM-A4', 'CC-ATL-2026')] },
    });
    expect((await agreementByRef((await headerOf(draftId)).reference!))!.status).toBe('draft');
    // Other companies' agreements never conflict (Transports Morel also has BUR-RAM-A4) ...
    // ... and dates after the active agreement's end are fine.
    const after = `${Number(atl.endsOn.slice(0, 4)) + 1}`;
    expect(await actions.updateAgreementAction(null, form({ ...(await headerOf(draftId)), startsOn: `${after}-01-01`, endsOn: `${after}-12-31`, status: 'active' }))).toMatchObject({ ok: true });
    expect(await actions.addLineAction(null, form({ agreementId: activeId, sku: 'BUR-STY-BLEU', unitPrice: '0,30' }))).toMatchObject({
      ok: false,
      fieldErrors: { sku: [e.overlap('BUR-STY-BLEU', 'CC-ATL-2026')] },
    });
    expect((await counts()).agreements).toBe(before.agreements + 2);
    // End both so that reruns on a shared database start clean.
    for (const id of [activeId, draftId]) expect(await actions.updateAgreementAction(null, form({ ...(await headerOf(id)), status: 'ended' }))).toMatchObject({ ok: true });
  });

  it('computes consumption per line and in total from order lines, ignoring cancelled, rejected and expired orders', async () => {
    session.actor = await actorOf('admin@comptoir.test');
    const verdier = await companyId('Cabinet Verdier Architectes SARL');
    const reference = ref();
    const id = await create({ reference, accountId: verdier, title: 'Consommation', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, ceiling: '100' });
    await actions.addLineAction(null, form({ agreementId: id, sku: 'BUR-RAM-A4', unitPrice: '3,10', maxQuantity: '40' }));
    await actions.addLineAction(null, form({ agreementId: id, sku: 'BUR-AGR-24', unitPrice: '2,00' }));
    const ram = await productId('BUR-RAM-A4');
    const agr = await productId('BUR-AGR-24');
    const created: string[] = [];
    const address = { name: 'Cabinet Verdier', line1: '27 rue Sainte-Catherine', postalCode: '33000', city: 'Bordeaux', country: 'FR' };
    async function order(status: typeof orders.$inferInsert.status, lines: { productId: string; qty: number; net: number }[]) {
      const net = lines.reduce((s, l) => s + l.net, 0);
      const vat = Math.round(net * 0.2);
      const [o] = await db()
        .insert(orders)
        .values({
          number: `T-${unique()}`,
          channel: 'b2b',
          priceMode: 'tax_exclusive',
          status,
          accountId: verdier,
          customerName: 'Cabinet Verdier',
          email: 'admin@verdier-architectes.test',
          billingAddress: address,
          deliveryAddress: address,
          shippingMethod: 'standard',
          paymentMethod: 'on_account',
          totalNetCents: net,
          totalVatCents: vat,
          totalGrossCents: net + vat,
          vatBreakdown: [{ vatRateBp: 2000, category: 'S', taxableCents: net, vatCents: vat }],
        })
        .returning({ id: orders.id });
      created.push(o!.id);
      await db()
        .insert(orderLines)
        .values(
          lines.map((l, i) => ({
            orderId: o!.id,
            position: i + 1,
            productId: l.productId,
            sku: 'X',
            description: 'Ligne',
            quantity: l.qty,
            unitPriceCents: Math.round(l.net / l.qty),
            vatRateBp: 2000,
            vatCategory: 'S' as const,
            priceSource: 'agreement' as const,
            agreementId: id,
            lineTotalCents: l.net,
            netCents: l.net,
          })),
        );
    }
    await order('placed', [
      { productId: ram, qty: 10, net: 3100 },
      { productId: agr, qty: 5, net: 1000 },
    ]);
    await order('delivered', [{ productId: ram, qty: 20, net: 6200 }]);
    await order('pending_approval', [{ productId: ram, qty: 1, net: 310 }]);
    for (const status of ['cancelled', 'rejected', 'expired'] as const) await order(status, [{ productId: ram, qty: 100, net: 31_000 }]);
    // These orders exist only for this test: they must not weigh on Verdier's credit in other tests.
    onTestFinished(async () => {
      await db().delete(orders).where(inArray(orders.id, created));
    });

    const view = await getAgreementForStaff(db(), session.actor, id);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.consumedHtCents).toBe(3100 + 1000 + 6200 + 310);
    expect(view.value.consumptionRatio).toBeCloseTo(10_610 / 10_000);
    expect(view.value.nearCeiling).toBe(true);
    const byS = Object.fromEntries(view.value.lines.map((l) => [l.sku, l]));
    expect(byS['BUR-RAM-A4']).toMatchObject({ orderedQuantity: 31, orderedHtCents: 9610, maxQuantity: 40 });
    expect(byS['BUR-AGR-24']).toMatchObject({ orderedQuantity: 5, orderedHtCents: 1000 });

    const list = await listAgreementsForStaff(db(), session.actor, { company: verdier, page: 1 });
    const row = list.ok ? list.value.rows.find((r) => r.reference === reference) : undefined;
    expect(row).toMatchObject({ consumedHtCents: 10_610, nearCeiling: true, companyName: 'Cabinet Verdier Architectes SARL', endingSoon: false });
    const atl = await listAgreementsForStaff(db(), session.actor, { status: 'active', page: 1 });
    expect(atl.ok && atl.value.rows.every((r) => r.status === 'active')).toBe(true);
    expect(atl.ok && atl.value.rows.map((r) => r.reference)).toEqual(expect.arrayContaining(['CC-ATL-2026', 'CC-MOR-2026']));
  });
});
