import { randomBytes } from 'node:crypto';
import type { PaymentProvider } from './provider';

export const TEST_CARD_ACCEPTED = '4242424242424242';
export const TEST_CARD_DECLINED = '4000000000000002';

/**
 * The test payment provider: accepts 4242 4242 4242 4242, declines 4000 0000 0000 0002 (as Stripe's
 * test cards do) and any other number. Nothing leaves the process and nothing is kept.
 */
export const testPaymentProvider: PaymentProvider = {
  async charge({ card }) {
    const digits = card.number.replace(/\D/g, '');
    if (digits === TEST_CARD_ACCEPTED) return { ok: true, providerRef: `test_ch_${randomBytes(8).toString('hex')}` };
    if (digits === TEST_CARD_DECLINED) return { ok: false, declineMessage: 'Paiement refusé par la banque (carte de test refusée).' };
    return { ok: false, declineMessage: 'Carte refusée : en mode test, utilisez la carte 4242 4242 4242 4242.' };
  },
  async refund() {
    return { ok: true, providerRef: `test_re_${randomBytes(8).toString('hex')}` };
  },
};

/** The provider in use; only the test provider exists today. */
export function getPaymentProvider(): PaymentProvider {
  return testPaymentProvider;
}
