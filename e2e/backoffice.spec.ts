import { expect, test } from '@playwright/test';
import { attemptSignIn, formAlert, signIn, signOut, uniqueEmail } from './helpers';

test.describe('Back office', () => {
  test('the sales rep lands on the CRM to-do view, finds their accounts, and cannot manage staff', async ({ page }) => {
    await signIn(page, 'commercial@comptoir.test');
    await expect(page).toHaveURL(/\/crm$/);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Comptes', exact: true }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /Atelier Lumière SAS/ })).toBeVisible();
    await page.getByRole('searchbox').first().fill('morel');
    await page.getByRole('search').getByRole('button').first().click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Transports Morel SA');
    expect((await page.goto('/admin/users'))?.status()).toBe(403);
    expect((await page.goto('/b2b'))?.status()).toBe(403);
  });

  test('an admin invites a colleague, who sets a password and signs in; deactivation ends their access at once', async ({ page, browser }) => {
    const email = uniqueEmail('nouveau');
    await signIn(page, 'admin@comptoir.test');
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('link', { name: 'Utilisateurs internes' }).first().click();
    const invite = page.getByRole('form', { name: 'Inviter un membre de l’équipe' });
    await invite.getByLabel('Prénom').fill('Marc');
    await invite.getByLabel('Nom', { exact: true }).fill('Nouveau');
    await invite.getByLabel('E-mail').fill(email);
    await invite.getByLabel('Rôle').selectOption('sales');
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(invite.getByRole('status')).toContainText('Invitation envoyée');
    await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Invitation envoyée');

    await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
    await page.getByText('Votre accès à Comptoir').click();
    const body = await page.locator('pre').first().textContent();
    const link = body?.match(/http\S+\/reset-password\/\S+/)?.[0];
    expect(link).toBeTruthy();

    const colleague = await browser.newContext();
    const other = await colleague.newPage();
    await other.goto(link!);
    await other.getByLabel('Mot de passe', { exact: true }).fill('mot-de-passe-de-marc');
    await other.getByLabel('Confirmez le mot de passe').fill('mot-de-passe-de-marc');
    await other.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(other.getByRole('status')).toContainText('Mot de passe enregistré');
    // The link is single-use.
    await other.goto(link!);
    await expect(formAlert(other)).toContainText('expiré ou a déjà servi');
    await signIn(other, email, 'mot-de-passe-de-marc');
    await expect(other).toHaveURL(/\/crm$/);

    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Désactiver — Marc Nouveau' }).click();
    await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Désactivé');

    // Same cookie, next request: refused and sent back to sign in.
    await other.goto('/crm');
    await expect(other).toHaveURL(/\/login/);
    await attemptSignIn(other, email, 'mot-de-passe-de-marc');
    await expect(formAlert(other)).toContainText('E-mail ou mot de passe incorrect.');
    await colleague.close();
    await signOut(page);
  });

  test('repeated wrong passwords throttle the account, with the same answer as an unknown email until then', async ({ page }) => {
    const email = 'acheteur@horlogerie-favre.test';
    await attemptSignIn(page, 'personne@inconnu.test', 'mauvais-mot-de-passe');
    await expect(formAlert(page)).toHaveText('E-mail ou mot de passe incorrect.');
    for (let i = 0; i < 5; i++) {
      await attemptSignIn(page, email, `mauvais-${i}-mot-de-passe`);
      await expect(formAlert(page)).toHaveText('E-mail ou mot de passe incorrect.');
    }
    await attemptSignIn(page, email);
    await expect(formAlert(page)).toContainText('Trop de tentatives');
    await expect(page).toHaveURL(/\/login/);
  });

  test('forgotten password: same answer for every email, and a link in the outbox for a real one', async ({ page }) => {
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail').fill('client@particulier.test');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await expect(page.getByRole('status')).toContainText('Si un compte existe');
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail').fill('inconnu@nulle-part.test');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await expect(page.getByRole('status')).toContainText('Si un compte existe');

    await signIn(page, 'commercial@comptoir.test');
    await page.goto('/admin/outbox?to=client%40particulier.test');
    await expect(page.getByText('Réinitialisation de votre mot de passe Comptoir').first()).toBeVisible();
    await page.goto('/admin/outbox?to=inconnu%40nulle-part.test');
    await expect(page.getByText('Aucun courriel pour le moment.')).toBeVisible();
  });
});
