import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/** 'YYYY-MM-DD' n days from now (the browser runs in Europe/Paris; a day's slack is fine here). */
function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

test('a sales rep records a departure and a new buyer, adds a budget, moves an opportunity to negotiation and finds the budget on the to-do view', async ({ page }) => {
  // People are created by this journey, so other journeys signing in as the account's users are unaffected.
  const suffix = Date.now().toString(36);
  const leaver = `Départ${suffix}`;
  const newcomer = `Arrivée${suffix}`;

  await signIn(page, 'commercial@comptoir.test');
  await page.goto('/crm/accounts?owner=all');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Atelier');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('link', { name: 'Atelier Lumière SAS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier Lumière SAS' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Comité d’achat' })).toBeVisible();
  const accountUrl = page.url();

  // A purchaser who is about to leave.
  const people = page.getByRole('region', { name: /Contacts actuels/ });
  await people.locator('summary', { hasText: 'Ajouter un contact' }).click();
  await people.getByLabel('Prénom').fill('Karim');
  await people.getByLabel('Nom', { exact: true }).fill(leaver);
  await people.getByLabel('Fonction').fill('Responsable achats');
  await people.getByLabel('Début').fill('2022-01-03');
  await people.getByLabel('Profil d’achat').selectOption('buyer');
  await people.getByLabel('Poids décisionnel').fill('50');
  await people.getByRole('button', { name: 'Ajouter le contact' }).click();
  await expect(people.getByRole('status')).toHaveText('Contact ajouté.');
  await people.getByRole('link', { name: `Karim ${leaver}` }).click();

  // He left.
  await expect(page.getByRole('heading', { level: 1, name: `Karim ${leaver}` })).toBeVisible();
  const leftForm = page.getByRole('form', { name: 'A quitté l’entreprise' });
  await leftForm.getByLabel('Date de fin du poste actuel').fill(inDays(-5));
  await leftForm.getByRole('button', { name: 'Enregistrer le départ' }).click();
  await expect(page.getByRole('region', { name: 'Postes' })).toContainText('jusqu’au');

  // A new buyer arrived.
  await page.goto(accountUrl);
  await expect(page.getByRole('alert').filter({ hasText: `Décideur parti : Karim ${leaver}` })).toBeVisible();
  const people2 = page.getByRole('region', { name: /Contacts actuels/ });
  await people2.locator('summary', { hasText: 'Ajouter un contact' }).click();
  await people2.getByLabel('Prénom').fill('Nadia');
  await people2.getByLabel('Nom', { exact: true }).fill(newcomer);
  await people2.getByLabel('Fonction').fill('Acheteuse');
  await people2.getByLabel('Profil d’achat').selectOption('buyer');
  await people2.getByLabel('Poids décisionnel').fill('60');
  await people2.getByRole('button', { name: 'Ajouter le contact' }).click();
  await expect(people2.getByRole('status')).toHaveText('Contact ajouté.');
  await expect(page.getByRole('region', { name: 'Comité d’achat' }).getByRole('link', { name: `Nadia ${newcomer}` })).toBeVisible();

  // The history shows the departure.
  await expect(page.getByRole('region', { name: 'Historique' })).toContainText(`Karim ${leaver} quitte le poste Responsable achats`);

  // A budget released in 10 days.
  const forecasts = page.getByRole('region', { name: /Budgets prévisionnels/ });
  await forecasts.locator('summary', { hasText: 'Ajouter un budget' }).click();
  const label = `Budget rénovation ${suffix}`;
  const form = forecasts.getByRole('form', { name: 'Ajouter un budget' });
  await form.getByLabel('Libellé').fill(label);
  await form.getByLabel('Montant estimé HT').fill('25 000');
  await form.getByLabel('Date de déblocage').fill(inDays(10));
  await form.getByLabel('Détenteur').selectOption({ label: `Nadia ${newcomer}` });
  await form.getByRole('button', { name: 'Ajouter un budget' }).click();
  await expect(form.getByRole('status')).toHaveText('Budget enregistré.');
  await expect(forecasts.getByRole('cell', { name: new RegExp(label) })).toBeVisible();

  // An opportunity of the account moves to negotiation with the board's keyboard control.
  await page.goto('/crm/pipeline');
  const card = page
    .getByRole('region', { name: /^(Qualification|Analyse des besoins|Proposition)/ })
    .getByRole('article')
    .filter({ hasText: 'Atelier Lumière' })
    .first();
  const title = (await card.getAttribute('aria-label'))!;
  await card.getByLabel('Étape').selectOption({ label: 'Négociation' });
  await card.getByRole('button', { name: 'Déplacer' }).click();
  await expect(page.getByRole('region', { name: /^Négociation/ }).getByRole('article', { name: title })).toBeVisible();

  // The to-do view lists the budget released in 10 days.
  await page.goto('/crm');
  await expect(page.getByText(label)).toBeVisible();
});
