import { z } from 'zod';
import { SHIPPING_METHOD_IDS, type ShippingMethod } from './shipping';

export const addToCartSchema = z.object({
  productId: z.uuid({ error: 'Produit inconnu.' }),
  quantity: z.coerce.number().int({ error: 'Quantité entière attendue.' }).min(1, { error: 'Au moins 1.' }).max(999, { error: 'Au plus 999.' }),
});

export const setQuantitySchema = z.object({
  productId: z.uuid({ error: 'Produit inconnu.' }),
  quantity: z.coerce.number().int({ error: 'Quantité entière attendue.' }).min(0).max(999, { error: 'Au plus 999.' }),
});

const required = (max: number) => z.string().trim().min(1, { error: 'Champ obligatoire.' }).max(max, { error: `Au plus ${max} caractères.` });

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Expiry MM/AA not in the past (month granularity). */
function expiryValid(text: string, now = new Date()): boolean {
  const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const month = Number(m[1]);
  const year = 2000 + Number(m[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

/**
 * The checkout form. Only what the customer chooses is read: prices, VAT rates, totals and the
 * company are never taken from the request (unknown keys are dropped). `expectedTotalCents` is the
 * total the customer saw: if the server's total differs, the order is refused, not silently changed.
 */
export const checkoutSchema = z
  .object({
    idempotencyKey: z.uuid(),
    expectedTotalCents: z.coerce.number().int().min(0),
    email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Adresse e-mail invalide.' })),
    firstName: required(100),
    lastName: required(100),
    phone: z.string().trim().max(30).optional().default(''),
    line1: required(200),
    line2: z.string().trim().max(200).optional().default(''),
    postalCode: z.string().trim().regex(/^\d{5}$/, { error: 'Code postal à 5 chiffres.' }),
    city: required(100),
    shippingMethod: z.enum(SHIPPING_METHOD_IDS as [ShippingMethod, ...ShippingMethod[]], { error: 'Choisissez un mode de livraison.' }),
    paymentMethod: z.enum(['card', 'bank_transfer'], { error: 'Choisissez un moyen de paiement.' }),
    cardNumber: z.string().optional().default(''),
    cardExpiry: z.string().optional().default(''),
    cardCvc: z.string().optional().default(''),
    acceptTerms: z.literal('on', { error: 'Vous devez accepter les conditions générales de vente.' }),
  })
  .superRefine((v, ctx) => {
    if (v.paymentMethod !== 'card') return;
    const digits = v.cardNumber.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) ctx.addIssue({ code: 'custom', path: ['cardNumber'], message: 'Numéro de carte invalide.' });
    if (!expiryValid(v.cardExpiry)) ctx.addIssue({ code: 'custom', path: ['cardExpiry'], message: 'Date d’expiration invalide (MM/AA).' });
    if (!/^\d{3,4}$/.test(v.cardCvc.trim())) ctx.addIssue({ code: 'custom', path: ['cardCvc'], message: 'Cryptogramme à 3 ou 4 chiffres.' });
  });
export type CheckoutInput = z.infer<typeof checkoutSchema>;
