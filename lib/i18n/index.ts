import { fr } from './fr';
import { frAdminCatalog } from './fr-admin-catalog';
import { frAdminOrders } from './fr-admin-orders';
import { frCatalog } from './fr-catalog';
import { frCheckout } from './fr-checkout';

/** The active messages. Only French exists today; a locale switch would choose here. */
export const t = {
  ...fr,
  catalog: frCatalog,
  adminCatalog: frAdminCatalog,
  adminOrders: frAdminOrders,
  checkout: frCheckout,
};
export type Messages = typeof t;
