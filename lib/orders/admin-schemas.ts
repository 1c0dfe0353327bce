import { z } from 'zod';
import { frAdminOrders } from '@/lib/i18n/fr-admin-orders';
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
 * The order list's filters as they come from the URL. A hand-edited or stale value is ignored
 * (shown as "all") rather than answered with an error page.
 */
export const orderListFiltersSchema = z.object({
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  channel: z.enum(['b2c', 'b2b']).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type OrderListFilters = z.infer<typeof orderListFiltersSchema>;
