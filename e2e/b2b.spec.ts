import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('B2B portal', () => {
  for (const [email, role] of [
    ['demandeur@atelier-lumiere.test', 'Demandeur'],
    ['acheteur@atelier-lumiere.test', 'Acheteur'],
    ['admin@atelier-lumiere.test', 'Administrateur entreprise'],
  ] as const) {
    test(`${email} signs in and lands in the portal as ${role}`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(/\/b2b$/);
      await expect(page.getByText(`Atelier Lumière SAS · Votre rôle : ${role}`)).toBeVisible();
      await expect(page.getByText('FR40529876542')).toBeVisible();
      await expect(page.getByText(/50\u202f000,00\u00a0€/)).toBeVisible();
    });
  }

  test('a requester gets no back office', async ({ page }) => {
    await signIn(page, 'demandeur@atelier-lumiere.test');
    await expect(page).toHaveURL(/\/b2b$/);
    for (const path of ['/crm', '/admin', '/admin/users', '/admin/outbox', '/account']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });

  test('a visitor asking for the portal is sent to sign in, then back to the portal', async ({ page }) => {
    await page.goto('/b2b');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fb2b/);
    await page.getByLabel('E-mail').fill('acheteur@transports-morel.test');
    await page.getByLabel('Mot de passe').fill('comptoir-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/b2b$/);
    await expect(page.getByText('Transports Morel SA · Votre rôle : Acheteur')).toBeVisible();
  });
});
