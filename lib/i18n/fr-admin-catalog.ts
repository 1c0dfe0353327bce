/** Back-office catalogue: products, categories, stock adjustments. */
export const frAdminCatalog = {} as const;
