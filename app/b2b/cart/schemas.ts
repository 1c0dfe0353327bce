import { z } from 'zod';
import { parisDate } from '@/lib/purchasing/periods';
import { frB2b as m } from '@/lib/i18n/fr-b2b';

const uuid = z.uuid();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** Adding units of a product from the catalogue or a list. */
export const addLineSchema = z.object({
  productId: uuid,
  quantity: z.coerce.number({ error: m.catalogue.invalidQuantity }).int(m.catalogue.invalidQuantity).min(1, m.catalogue.invalidQuantity).max(99_999, m.catalogue.invalidQuantity),
});

/** Changing a cart line (0 removes it). */
export const setLineSchema = z.object({
  productId: uuid,
  quantity: z.coerce.number().int().min(0).max(99_999),
});

/** The portal checkout: only the person's choices; the service recomputes every amount. */
export const b2bCheckoutSchema = z.object({
  idempotencyKey: uuid,
  deliveryAddressId: z.uuid({ error: m.cart.checkout.noAddress }),
  purchaseOrderRef: optionalText(60),
  requestedDeliveryDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v), m.cart.checkout.dateInvalid)
    .refine((v) => v === undefined || v >= parisDate(), m.cart.checkout.datePast),
  costCentre: optionalText(60),
  expectedNetCents: z.coerce.number().int().min(0),
});

export const listNameSchema = z.object({ name: z.string().trim().min(1, m.lists.nameRequired).max(80, m.lists.nameRequired) });
