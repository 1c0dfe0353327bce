import { fr } from './fr';
import { frAdminCatalog } from './fr-admin-catalog';
import { frAdminOrders } from './fr-admin-orders';
import { frCatalog } from './fr-catalog';
import { frCheckout } from './fr-checkout';
import { frAdminAgreements } from './fr-admin-agreements';
import { frAdminCompanies } from './fr-admin-companies';
import { frB2bCompany } from './fr-b2b-company';

/** The active messages. Only French exists today; a locale switch would choose here. */
export const t = {
  ...fr,
  catalog: frCatalog,
  adminCatalog: frAdminCatalog,
  adminOrders: frAdminOrders,
  checkout: frCheckout,
  adminCompanies: frAdminCompanies,
  adminAgreements: frAdminAgreements,
  b2bCompany: frB2bCompany,
};
export type Messages = typeof t;
