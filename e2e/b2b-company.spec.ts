import { expect, test } from '@playwright/test';
import { formAlert, signIn, signOut, uniqueEmail } from './helpers';

test.describe('B2B company admin: people and budgets', () => {
  test('an admin invites a purchaser, sets a limit and creates a budget; the invitee sets a password and lands in the portal', async ({
    page,
    browser,
  }) => {
    const email = uniqueEmail('acheteuse');
    await signIn(page, 'admin@atelier-lumiere.test');
    await expect(page).toHaveURL(/\/b2b$/);

    // People: the list, then an invitation.
    await page.goto('/b2b/company');
    await expect(page.getByRole('heading', { name: 'Utilisateurs du portail' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Julie Martin/ })).toContainText('Demandeur');
    const invite = page.getByRole('form', { name: 'Inviter une personne' });
    await invite.getByLabel('Prénom').fill('Inès');
    await invite.getByLabel('Nom', { exact: true }).fill('Achat');
    await invite.getByLabel('E-mail').fill(email);
    await invite.getByLabel('Rôle').selectOption('purchaser');
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(invite.getByRole('status')).toContainText(`Invitation envoyée à ${email}`);
    await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Invitation envoyée');
    await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Acheteur');

    // The same address again: refused on the field.
    await invite.getByLabel('Prénom').fill('Inès');
    await invite.getByLabel('Nom', { exact: true }).fill('Achat');
    await invite.getByLabel('E-mail').fill(email);
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(invite.getByText('Cette adresse e-mail est déjà utilisée par un compte.')).toBeVisible();

    // The requester's per-order limit.
    await page.getByRole('link', { name: 'Julie Martin' }).click();
    await expect(page.getByRole('heading', { name: 'Julie Martin' })).toBeVisible();
    const limits = page.getByRole('form', { name: 'Limites de dépense HT' });
    await limits.getByLabel('Limite par commande').fill('400,00');
    await limits.getByRole('button', { name: 'Enregistrer les limites' }).click();
    await expect(limits.getByRole('status')).toContainText(/Limites enregistrées|Aucune modification/);
    await page.goto('/b2b/company');
    await expect(page.getByRole('row', { name: /Julie Martin/ })).toContainText(/400,00\u00a0€/);

    // Budgets: the seeded fiscal-year budget, then a monthly one for the workshop.
    await page.goto('/b2b/budgets');
    await expect(page.getByRole('heading', { name: 'Budgets', exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: /Budget consommables/ })).toContainText(/20\u202f000,00\u00a0€/);
    const month = `20${40 + Math.floor(Math.random() * 60)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const label = `Atelier ${month}`;
    const form = page.getByRole('form', { name: 'Nouveau budget' });
    await form.getByLabel('Libellé').fill(label);
    await form.getByLabel('Type de période').selectOption('month');
    await form.getByLabel('Mois').fill(month);
    await form.getByLabel('Centre de coût (facultatif)').fill('Atelier');
    await form.getByLabel('Montant HT').fill('1 500,00');
    await form.getByRole('button', { name: 'Créer le budget' }).click();
    await expect(form.getByRole('status')).toContainText('Budget créé');
    const row = page.getByRole('row', { name: new RegExp(label) });
    await expect(row).toContainText('Atelier');
    await expect(row).toContainText(/1\u202f500,00\u00a0€/);
    await row.getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { name: label })).toBeVisible();
    await expect(page.getByText('Aucun mouvement sur ce budget pour le moment.')).toBeVisible();
    await signOut(page);

    // The invitation link, as our staff can read it in the outbox.
    await signIn(page, 'admin@comptoir.test');
    await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
    await page.getByText('Votre accès au portail Comptoir').first().click();
    const body = await page.locator('pre').first().textContent();
    const link = body?.match(/http\S+\/reset-password\/\S+/)?.[0];
    expect(link).toBeTruthy();
    await signOut(page);

    const invitee = await browser.newContext();
    const other = await invitee.newPage();
    await other.goto(new URL(link!).pathname);
    await other.getByLabel('Mot de passe', { exact: true }).fill('mot-de-passe-d-ines');
    await other.getByLabel('Confirmez le mot de passe').fill('mot-de-passe-d-ines');
    await other.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(other.getByRole('status')).toContainText('Mot de passe enregistré');
    await signIn(other, email, 'mot-de-passe-d-ines');
    await expect(other).toHaveURL(/\/b2b$/);
    await expect(other.getByText('Atelier Lumière SAS · Votre rôle : Acheteur')).toBeVisible();
    // A purchaser reads the budgets but cannot manage people or create budgets.
    expect((await other.goto('/b2b/budgets'))?.status()).toBe(200);
    await expect(other.getByRole('form', { name: 'Nouveau budget' })).toHaveCount(0);
    expect((await other.goto('/b2b/company'))?.status()).toBe(403);
    await invitee.close();
  });

  test('a requester gets 403 on the company and budget pages', async ({ page }) => {
    await signIn(page, 'demandeur@atelier-lumiere.test');
    await expect(page).toHaveURL(/\/b2b$/);
    for (const path of ['/b2b/company', '/b2b/budgets']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    await expect(formAlert(page)).toHaveCount(0);
  });
});
