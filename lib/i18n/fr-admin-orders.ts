/** Back-office orders: list, detail, status changes. */
export const frAdminOrders = {} as const;
