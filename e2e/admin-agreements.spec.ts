import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/** Alerts of the page's content (after a client-side navigation Next's route announcer is one too). */
const alertIn = (page: Page) => page.getByRole('main').getByRole('alert');

/** A reference no earlier run has used, so the journey can be replayed against the same database. */
function uniqueReference(): string {
  return `E2E-VER-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
}

test.describe('Back-office companies and framework agreements', () => {
  test('an admin changes a company’s approval threshold', async ({ page }) => {
    await signIn(page, 'admin@comptoir.test');
    await page.goto('/admin/companies');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('atelier lumiere');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: 'Atelier Lumière SAS' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Atelier Lumière SAS' })).toBeVisible();

    const vat = page.getByLabel('N° de TVA', { exact: true });
    const original = await vat.inputValue();
    await vat.fill('FR00529876542');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(alertIn(page)).toContainText('Vérifiez les champs signalés.');
    await expect(vat).toHaveAccessibleDescription(/clé de ce numéro de TVA/);

    await vat.fill(original);
    const threshold = page.getByLabel('Seuil d’approbation HT');
    const amount = `${4000 + Math.floor(Math.random() * 1000)},50`;
    await threshold.fill(amount);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Entreprise enregistrée.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Seuil d’approbation HT')).toHaveValue(amount);
    // Its people and agreements are listed on the page.
    await expect(page.getByRole('link', { name: 'CC-ATL-2026' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /Julie Martin/ })).toBeVisible();
  });

  test('an admin creates an agreement for Cabinet Verdier with a line by SKU and a quantity tier', async ({ page }) => {
    const reference = uniqueReference();
    await signIn(page, 'admin@comptoir.test');
    await page.goto('/admin/agreements');
    await page.getByRole('link', { name: 'Nouveau contrat' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau contrat-cadre' })).toBeVisible();
    await page.getByLabel('Référence', { exact: true }).fill(reference);
    await page.getByLabel('Entreprise').selectOption({ label: 'Cabinet Verdier Architectes SARL' });
    await page.getByLabel('Intitulé').fill('Papeterie de l’agence');
    await page.getByLabel('Plafond HT').fill('5 000');
    await page.getByRole('button', { name: 'Créer le contrat' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();

    // An unknown SKU is refused beside the field, and what was typed stays.
    const sku = page.getByLabel('Référence produit (SKU)');
    await sku.fill('INCONNU-999');
    await page.getByLabel('Prix unitaire HT', { exact: true }).fill('3,10');
    await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await expect(sku).toHaveAttribute('aria-invalid', 'true');
    await expect(sku).toHaveAccessibleDescription('Aucun produit n’a la référence INCONNU-999.');
    await expect(sku).toHaveValue('INCONNU-999');

    await sku.fill('BUR-RAM-A4');
    await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ligne BUR-RAM-A4 ajoutée.' })).toBeVisible();
    const line = page.getByRole('listitem', { name: 'BUR-RAM-A4' });
    await expect(line).toContainText('3,10');

    await line.getByText('Modifier la ligne BUR-RAM-A4').click();
    await line.getByLabel('À partir de (quantité)').fill('100');
    await line.getByLabel('Prix unitaire HT du palier').fill('2,90');
    await line.getByRole('button', { name: 'Ajouter le palier' }).click();
    await expect(line.getByText(/dès 100/)).toContainText('2,90');

    // The list shows it with its company and consumption.
    await page.goto('/admin/agreements');
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await expect(row).toContainText('Cabinet Verdier Architectes SARL');
    await expect(row).toContainText('Brouillon');
    await expect(row).toContainText('0 %');
  });

  test('a requester gets a 403 on the back office pages', async ({ page }) => {
    await signIn(page, 'demandeur@atelier-lumiere.test');
    for (const path of ['/admin/agreements', '/admin/companies']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
  });
});
