import { sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Database, Tx } from '../client';
import {
  accounts,
  addresses,
  categories,
  persons,
  positions,
  products,
  sellerProfile,
  users,
} from '../schema';
import { demoCategories, demoProducts } from './catalog-data';
import { DEMO_PASSWORD, demoCompanies, demoCustomer, demoSeller, demoStaff } from './people-data';
import { slugify } from '../../lib/text/slugify';
import { fiscalYearOf, parisDate } from '../../lib/purchasing/periods';
import { and, eq, inArray } from 'drizzle-orm';
import {
  activities,
  agreementLines,
  agreementPriceTiers,
  budgetForecasts,
  frameworkAgreements,
  opportunities,
  opportunityStageHistory,
  opportunityStakeholders,
  projects,
  spendingBudgets,
} from '../schema';
import { demoAgreements, demoPurchasing } from './purchasing-data';

/** True once demo (or real) data exists: the seller's identity is the first thing seeded. */
export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.select({ id: sellerProfile.id }).from(sellerProfile).limit(1);
  return rows.length > 0;
}

/** Inserts the demo data set in one transaction; does nothing when the database is already seeded. */
export async function seedDemoData(db: Database): Promise<{ seeded: boolean }> {
  // Hash outside the transaction: scrypt is slow on purpose and PGlite serialises transactions.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7311202602)`);
    const existing = await tx.select({ id: sellerProfile.id }).from(sellerProfile).limit(1);
    if (existing.length > 0) return { seeded: false };
    await tx.insert(sellerProfile).values({ id: 1, ...demoSeller });
    const staffIds = await seedStaff(tx, passwordHash);
    await seedCatalog(tx);
    await seedCompanies(tx, passwordHash, staffIds.sales);
    await seedCustomer(tx, passwordHash);
    await seedPurchasing(tx);
    await seedCrm(tx, staffIds.sales);
    return { seeded: true };
  });
}

async function createPerson(tx: Tx, p: { firstName: string; lastName: string; email: string; phone?: string }) {
  const [row] = await tx
    .insert(persons)
    .values({ firstName: p.firstName, lastName: p.lastName, emails: [p.email], phones: p.phone ? [p.phone] : [] })
    .returning({ id: persons.id });
  return row!.id;
}

async function seedStaff(tx: Tx, passwordHash: string) {
  const ids: Record<'admin' | 'sales', string> = { admin: '', sales: '' };
  for (const s of demoStaff) {
    const personId = await createPerson(tx, s);
    const [u] = await tx
      .insert(users)
      .values({ personId, email: s.email, passwordHash, kind: 'staff', staffRole: s.role })
      .returning({ id: users.id });
    ids[s.role] = u!.id;
  }
  return ids;
}

async function seedCatalog(tx: Tx) {
  const catIds = new Map<string, string>();
  for (const [i, c] of demoCategories.entries()) {
    const [row] = await tx.insert(categories).values({ ...c, sortOrder: i }).returning({ id: categories.id });
    catIds.set(c.slug, row!.id);
  }
  await tx.insert(products).values(
    demoProducts.map((d) => ({
      sku: d.sku,
      slug: slugify(d.name),
      name: d.name,
      description: d.description,
      unit: d.unit ?? 'pièce',
      categoryId: catIds.get(d.category) ?? null,
      vatRateBp: d.vatRateBp,
      b2cPriceTtcCents: d.ttc,
      b2bListPriceHtCents: d.ht,
      stockOnHand: d.stock,
      isFeatured: d.featured ?? false,
    })),
  );
}

async function seedCompanies(tx: Tx, passwordHash: string, ownerUserId: string) {
  for (const c of demoCompanies) {
    const [acc] = await tx
      .insert(accounts)
      .values({
        kind: 'company',
        status: c.status,
        legalName: c.legalName,
        siren: c.siren ?? null,
        siret: c.siret ?? null,
        vatNumber: c.vatNumber ?? null,
        country: c.country,
        paymentTermDays: c.paymentTermDays,
        paymentEndOfMonth: c.paymentEndOfMonth,
        creditLimitCents: c.creditLimitCents,
        fiscalYearEndMonth: c.fiscalYearEndMonth,
        ownerUserId,
      })
      .returning({ id: accounts.id });
    const accountId = acc!.id;
    await tx.insert(addresses).values([
      { accountId, kind: 'billing', label: 'Siège', ...c.address, isDefault: true },
      { accountId, kind: 'delivery', label: 'Siège', ...c.address, isDefault: !c.delivery },
      ...(c.delivery ? [{ accountId, kind: 'delivery' as const, ...c.delivery, isDefault: true }] : []),
    ]);
    for (const person of c.people) {
      const personId = await createPerson(tx, person);
      await tx.insert(positions).values({
        personId,
        accountId,
        title: person.title,
        department: person.department ?? null,
        startedOn: '2022-01-03',
        portalRole: person.portalRole ?? null,
      });
      if (person.login) {
        await tx.insert(users).values({ personId, email: person.email, passwordHash, kind: 'business' });
      }
    }
  }
}

async function seedCustomer(tx: Tx, passwordHash: string) {
  const c = demoCustomer;
  const personId = await createPerson(tx, c);
  const [acc] = await tx
    .insert(accounts)
    .values({ kind: 'individual', status: 'active', legalName: `${c.firstName} ${c.lastName}`, country: 'FR' })
    .returning({ id: accounts.id });
  await tx.insert(addresses).values([
    { accountId: acc!.id, kind: 'billing', ...c.address, isDefault: true },
    { accountId: acc!.id, kind: 'delivery', ...c.address, isDefault: true },
  ]);
  await tx.insert(positions).values({ personId, accountId: acc!.id });
  await tx.insert(users).values({ personId, email: c.email, passwordHash, kind: 'customer' });
}

async function seedPurchasing(tx: Tx) {
  const today = parisDate();
  const year = Number(today.slice(0, 4));
  for (const [name, rules] of Object.entries(demoPurchasing)) {
    const [acc] = await tx
      .update(accounts)
      .set({ allowOffContract: rules.allowOffContract, approvalThresholdHtCents: rules.approvalThresholdHtCents })
      .where(eq(accounts.legalName, name))
      .returning({ id: accounts.id, fyEnd: accounts.fiscalYearEndMonth });
    const fy = fiscalYearOf(today, acc!.fyEnd);
    await tx.insert(spendingBudgets).values({
      accountId: acc!.id,
      label: `Budget consommables ${fy.start.slice(0, 4)}${fy.start.slice(0, 4) === fy.end.slice(0, 4) ? '' : `-${fy.end.slice(0, 4)}`}`,
      periodKind: 'fiscal_year',
      periodStart: fy.start,
      periodEnd: fy.end,
      amountHtCents: rules.budgetHtCents,
    });
    for (const [email, limit] of Object.entries(rules.limits)) {
      const [u] = await tx.select({ personId: users.personId }).from(users).where(eq(users.email, email));
      await tx
        .update(positions)
        .set({ orderLimitHtCents: limit.order, monthlyLimitHtCents: limit.monthly })
        .where(and(eq(positions.personId, u!.personId), eq(positions.accountId, acc!.id)));
    }
  }
  for (const a of demoAgreements) {
    const [acc] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.legalName, a.company));
    const [agreement] = await tx
      .insert(frameworkAgreements)
      .values({
        accountId: acc!.id,
        reference: a.reference,
        title: a.title,
        status: 'active',
        startsOn: `${year}-01-01`,
        endsOn: `${year + 1}-12-31`,
        ceilingHtCents: a.ceilingHtCents,
      })
      .returning({ id: frameworkAgreements.id });
    const skus = a.lines.map((l) => l.sku);
    const found = await tx.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, skus));
    const idBySku = new Map(found.map((p) => [p.sku, p.id]));
    for (const l of a.lines) {
      const [line] = await tx
        .insert(agreementLines)
        .values({ agreementId: agreement!.id, productId: idBySku.get(l.sku)!, unitPriceHtCents: l.unitPriceHtCents, maxQuantity: l.maxQuantity ?? null })
        .returning({ id: agreementLines.id });
      if (l.tiers?.length) {
        await tx.insert(agreementPriceTiers).values(l.tiers.map((t) => ({ agreementLineId: line!.id, ...t })));
      }
    }
  }
}

const WEIGHTS: Record<string, { profile: 'user' | 'buyer' | 'both'; weight: number }> = {
  requester: { profile: 'user', weight: 20 },
  purchaser: { profile: 'buyer', weight: 50 },
  company_admin: { profile: 'both', weight: 40 },
};

/** Buying committees, a job change, budget forecasts, projects, opportunities and a task per company. */
async function seedCrm(tx: Tx, salesUserId: string) {
  const today = parisDate();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const nextMonth = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-15`;
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const companies = await tx
    .select({ id: accounts.id, name: accounts.legalName })
    .from(accounts)
    .where(eq(accounts.kind, 'company'))
    .orderBy(accounts.legalName);
  const stages = ['qualification', 'needs_analysis', 'proposal', 'negotiation'] as const;
  for (const [i, c] of companies.entries()) {
    const people = await tx
      .select({ positionId: positions.id, personId: positions.personId, role: positions.portalRole, title: positions.title })
      .from(positions)
      .where(and(eq(positions.accountId, c.id)));
    for (const p of people) {
      const w = p.role ? WEIGHTS[p.role] : { profile: 'user' as const, weight: 10 };
      await tx.update(positions).set({ purchaseProfile: w!.profile, decisionWeight: w!.weight }).where(eq(positions.id, p.positionId));
    }
    const buyer = people.find((p) => p.role === 'purchaser' || p.role === 'company_admin') ?? people[0];
    // A job change: the first person held another title before.
    const first = people[0];
    if (first) {
      await tx.update(positions).set({ startedOn: '2025-04-01' }).where(eq(positions.id, first.positionId));
      await tx.insert(positions).values({
        personId: first.personId,
        accountId: c.id,
        title: first.title?.startsWith('Responsable') ? 'Acheteur junior' : 'Technicien',
        startedOn: '2021-09-01',
        endedOn: '2025-03-31',
        purchaseProfile: 'user',
        decisionWeight: 10,
      });
    }
    const [forecast] = await tx
      .insert(budgetForecasts)
      .values({
        accountId: c.id,
        label: c.name.startsWith('Atelier') ? 'Budget investissement atelier' : 'Budget équipement',
        estimatedAmountHtCents: 1_500_000 + i * 500_000,
        fiscalYear: y + 1,
        releaseDate: nextMonth,
        expiresOn: `${y + 1}-12-31`,
        status: 'expected',
        holderPersonId: buyer?.personId ?? null,
        createdByUserId: salesUserId,
      })
      .returning({ id: budgetForecasts.id });
    const [project] = await tx
      .insert(projects)
      .values({
        accountId: c.id,
        title: c.name.startsWith('Atelier') ? 'Réaménagement de l’atelier de Villeurbanne' : 'Renouvellement du mobilier de bureau',
        description: 'Projet évoqué lors de la dernière visite.',
        expectedStart: inDays(90),
        estimatedValueHtCents: 2_000_000,
        sponsorPersonId: buyer?.personId ?? null,
        status: 'planned',
      })
      .returning({ id: projects.id });
    for (const [k, stage] of stages.entries()) {
      if (k > 1 && i > 2) break;
      const [opp] = await tx
        .insert(opportunities)
        .values({
          accountId: c.id,
          title: `${['Fauteuils ergonomiques', 'Contrat café 2027', 'Écrans pour le bureau d’études', 'Équipement du nouvel atelier'][k]} — ${c.name.split(' ')[0]}`,
          amountHtCents: 300_000 + k * 450_000,
          stage,
          expectedCloseDate: inDays(20 + k * 25),
          nextStep: k === 2 ? null : 'Rappeler l’acheteur',
          nextStepDue: k === 2 ? null : inDays(3 + k),
          ownerUserId: salesUserId,
          budgetForecastId: k === 3 ? forecast!.id : null,
          projectId: k === 3 ? project!.id : null,
        })
        .returning({ id: opportunities.id });
      await tx.insert(opportunityStageHistory).values({ opportunityId: opp!.id, fromStage: null, toStage: 'qualification', actorUserId: salesUserId });
      if (stage !== 'qualification') {
        await tx.insert(opportunityStageHistory).values({ opportunityId: opp!.id, fromStage: 'qualification', toStage: stage, actorUserId: salesUserId });
      }
      if (buyer) await tx.insert(opportunityStakeholders).values({ opportunityId: opp!.id, personId: buyer.personId, role: 'Décideur', weight: 60 });
    }
    await tx.insert(activities).values({
      accountId: c.id,
      personId: buyer?.personId ?? null,
      kind: 'task',
      subject: 'Préparer la revue annuelle du contrat',
      dueOn: inDays(i + 1),
      ownerUserId: salesUserId,
    });
  }
}
