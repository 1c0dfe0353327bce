import { z } from 'zod';
import { frAdminOrders } from '@/lib/i18n/fr-admin-orders';
import { orderListPositionOf } from './order-list-position';
import { ORDER_STATUSES } from './rules';

export const ORDER_NOTE_MAX = 500;

/** A staff status change as the back-office form sends it. */
export const changeOrderStatusSchema = z.object({
  orderId: z.uuid(),
  to: z.enum(ORDER_STATUSES),
  expectedStatus: z.enum(ORDER_STATUSES).optional(),
  note: z
    .string()
    .trim()
    .max(ORDER_NOTE_MAX, frAdminOrders.noteTooLong)
    .optional()
    .transform((v) => v || undefined),
});
export type ChangeOrderStatusInput = z.infer<typeof changeOrderStatusSchema>;

/**
 * The order list's filters and position as they come from the URL. A hand-edited or stale value is
 * ignored (shown as "all", or the first page) rather than answered with an error page. The position
 * is a keyset cursor (`after`/`before`: an order id) or `page=last`; see order-list-position.ts.
 */
export const orderListFiltersSchema = z
  .object({
    status: z.enum(ORDER_STATUSES).optional().catch(undefined),
    channel: z.enum(['b2c', 'b2b']).optional().catch(undefined),
    q: z
      .string()
      .trim()
      .max(100)
      .optional()
      .catch(undefined)
      .transform((v) => v || undefined),
    after: z.string().max(100).optional().catch(undefined),
    before: z.string().max(100).optional().catch(undefined),
    page: z.string().max(20).optional().catch(undefined),
  })
  .transform(({ after, before, page, ...filters }) => ({ ...filters, position: orderListPositionOf({ after, before, page }) }));
export type OrderListFilters = z.infer<typeof orderListFiltersSchema>;
