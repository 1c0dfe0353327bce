import type { OrderStatus } from './rules';

/**
 * The French name of each order state, as a badge or a filter shows it. Shared by the back office,
 * the portal and the shop so one state reads the same everywhere.
 */
export const orderStatusLabels: Record<OrderStatus, string> = {
  pending_approval: 'En attente d’approbation',
  awaiting_payment: 'En attente de paiement',
  credit_hold: 'Bloquée (encours)',
  placed: 'Enregistrée',
  confirmed: 'Confirmée',
  shipped: 'Expédiée',
  delivered: 'Livrée',
  cancelled: 'Annulée',
  rejected: 'Refusée',
  expired: 'Expirée',
};

/** The tone families of StatusBadge (app/_components/status-badge.tsx), kept here as plain strings. */
export type OrderStatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/**
 * The badge tone of each state, by family: waiting on someone (warning), in progress (info),
 * done (success), refused (danger), ended without effect (neutral).
 */
export const orderStatusTones: Record<OrderStatus, OrderStatusTone> = {
  pending_approval: 'warning',
  awaiting_payment: 'warning',
  credit_hold: 'warning',
  placed: 'info',
  confirmed: 'info',
  shipped: 'info',
  delivered: 'success',
  cancelled: 'neutral',
  rejected: 'danger',
  expired: 'neutral',
};
