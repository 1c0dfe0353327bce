import type { ReactNode } from 'react';
import { AreaShell, type NavItem } from '@/app/_components/area-shell';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requireAudience } from '@/lib/auth/session';
import { t } from '@/lib/i18n';
import { frB2b as m } from '@/lib/i18n/fr-b2b';
import { frInvoicesClient } from '@/lib/i18n/fr-invoices-client';
import { frQuotesPortal } from '@/lib/i18n/fr-quotes-portal';
import { portalBadges } from '@/lib/purchasing/portal-badges';

async function portalNav(actor: Actor): Promise<NavItem[]> {
  const purchaser = actor.role === 'purchaser' || actor.role === 'company_admin';
  const badges = await portalBadges(await getDb(), actor);
  const items: NavItem[] = [
    { href: '/b2b', label: m.nav.home },
    { href: '/b2b/catalogue', label: m.nav.catalogue },
    { href: '/b2b/cart', label: m.nav.cartCount(badges.cartLines) },
    { href: '/b2b/orders', label: m.nav.orders },
  ];
  if (purchaser) items.push({ href: '/b2b/approvals', label: m.nav.approvalsCount(badges.pendingApprovals) });
  items.push({ href: '/b2b/requests', label: frQuotesPortal.nav.requests }, { href: '/b2b/quotes', label: frQuotesPortal.nav.quotes });
  items.push({ href: '/b2b/invoices', label: frInvoicesClient.nav.invoices });
  items.push({ href: '/b2b/lists', label: m.nav.lists });
  if (purchaser) items.push({ href: '/b2b/budgets', label: m.nav.budgets });
  if (actor.role === 'company_admin') items.push({ href: '/b2b/company', label: m.nav.company });
  return items;
}

// Every page of the area checks the actor again: a layout is not re-rendered on client navigation.
export default async function B2bLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('b2b', '/b2b');
  return (
    <AreaShell areaLabel={t.nav.portal} actor={actor} subtitle={actor.accountName} nav={await portalNav(actor)}>
      {children}
    </AreaShell>
  );
}
