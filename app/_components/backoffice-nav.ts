import type { Actor } from '@/lib/auth/actor';
import { roleCan } from '@/lib/auth/roles';
import { t } from '@/lib/i18n';
import { frInvoicesAdmin } from '@/lib/i18n/fr-invoices-admin';
import { frQuotesAdmin } from '@/lib/i18n/fr-quotes-admin';
import type { NavItem } from './area-shell';

/** The back office's navigation, trimmed to what the actor may open. */
export function backofficeNav(actor: Actor): NavItem[] {
  const items: NavItem[] = [
    { href: '/crm', label: t.nav.crmTodo },
    { href: '/crm/accounts', label: t.nav.crmHome },
    { href: '/crm/pipeline', label: t.nav.crmPipeline },
    { href: '/crm/dashboard', label: t.nav.crmDashboard },
  ];
  items.push({ href: '/admin', label: t.nav.admin });
  if (roleCan(actor.role, 'orders.manage')) {
    items.push({ href: '/admin/orders', label: t.nav.adminOrders });
    items.push({ href: '/admin/quotes', label: frQuotesAdmin.nav });
    items.push({ href: '/admin/invoices', label: frInvoicesAdmin.nav });
  }
  if (roleCan(actor.role, 'catalog.manage')) items.push({ href: '/admin/catalogue', label: t.nav.adminCatalog });
  if (roleCan(actor.role, 'crm.use')) {
    items.push({ href: '/admin/companies', label: t.nav.adminCompanies });
    items.push({ href: '/admin/agreements', label: t.nav.adminAgreements });
  }
  if (roleCan(actor.role, 'staff.users.manage')) items.push({ href: '/admin/users', label: t.nav.adminUsers });
  if (roleCan(actor.role, 'outbox.read')) items.push({ href: '/admin/outbox', label: t.nav.adminOutbox });
  return items;
}
