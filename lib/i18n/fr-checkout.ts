/** Cart, checkout, order confirmation and the customer's orders. */
export const frCheckout = {} as const;
