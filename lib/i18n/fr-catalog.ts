/** Shop catalogue, product pages and search (owned by the catalogue pages). */
export const frCatalog = {} as const;
