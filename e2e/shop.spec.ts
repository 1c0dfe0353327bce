import { expect, test } from '@playwright/test';
import { formAlert, signIn, uniqueEmail } from './helpers';

test.describe('B2C shop', () => {
  test('the home page shows featured products with prices TTC formatted for France', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const featured = page.getByRole('region', { name: 'Produits à la une' });
    const card = featured.getByRole('listitem').filter({ hasText: 'Café moulu pur arabica 250 g' });
    // 4,99 € TTC, with a no-break space before € as Intl formats it for fr-FR.
    await expect(card).toContainText(/4,99\u00a0€\s*TTC/);
    await expect(card).toContainText('TVA 5,5');
    await expect(page.getByRole('heading', { name: 'Rayons' })).toBeVisible();
  });

  test('a visitor registers, lands on their account, and is refused the B2B portal and the back office', async ({ page }) => {
    const email = uniqueEmail('lea');
    await page.goto('/register');
    await page.getByLabel('Prénom').fill('Léa');
    await page.getByLabel('Nom', { exact: true }).fill('Testeuse');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('un-mot-de-passe-solide');
    await page.getByLabel('Confirmez le mot de passe').fill('un-mot-de-passe-solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(email)).toBeVisible();

    for (const path of ['/b2b', '/crm', '/admin']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    }
  });

  test('registration shows field errors next to the fields', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('E-mail').fill('pas-un-email');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(formAlert(page)).toContainText('Vérifiez les champs');
    await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    // Nothing typed is lost on a refusal (passwords excepted).
    await expect(page.getByLabel('E-mail')).toHaveValue('pas-un-email');
    await expect(page.getByText('Adresse e-mail invalide.')).toBeVisible();
    await expect(page.locator('#f-password-error')).toHaveText('Au moins 10 caractères.');
    await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveAttribute('aria-describedby', 'f-password-hint f-password-error');
  });

  test('the demo customer signs in and lands on their account', async ({ page }) => {
    await signIn(page, 'client@particulier.test');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Léa Moreau')).toBeVisible();
    await expect(page.getByText('3 rue des Lilas').first()).toBeVisible();
  });
});
