/** What a portal user reads when an order waits for our staff because of the credit limit. */
export const CREDIT_HOLD_MESSAGE =
  'Cette commande dépasse l’encours autorisé de votre entreprise : elle est enregistrée en attente de validation par notre service client, qui vous contactera.';
