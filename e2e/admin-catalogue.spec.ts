import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/** Alerts of the page's content (after a client-side navigation Next's route announcer is one too). */
const alertIn = (page: Page) => page.getByRole('main').getByRole('alert');

/** A SKU no earlier run has used, so the journey can be replayed against the same database. */
function uniqueSku(): string {
  return `E2E-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
}

test.describe('Back-office catalogue', () => {
  test('an admin creates a product with French prices, fixes a wrong amount, and adjusts its stock', async ({ page }) => {
    const sku = uniqueSku();
    const name = `Carnet de croquis ${sku}`;
    await signIn(page, 'admin@comptoir.test');
    await page.goto('/admin/catalogue');
    await page.getByRole('link', { name: 'Nouveau produit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau produit' })).toBeVisible();

    await page.getByLabel('Référence (SKU)').fill(sku.toLowerCase());
    await page.getByLabel('Désignation').fill(name);
    await page.getByLabel('Catégorie').selectOption({ label: 'Fournitures de bureau' });
    await page.getByLabel('Taux de TVA').selectOption({ label: '20 %' });
    const ttc = page.getByLabel('Prix TTC (particuliers)');
    const ht = page.getByLabel('Prix catalogue HT (entreprises)');
    await ttc.fill('12,345');
    await ht.fill('8,00');
    await page.getByRole('button', { name: 'Créer le produit' }).click();

    // Refused: the error sits beside the field, announced through aria-describedby; what was typed stays.
    await expect(alertIn(page)).toContainText('Vérifiez les champs signalés.');
    await expect(ttc).toHaveAttribute('aria-invalid', 'true');
    await expect(ttc).toHaveAccessibleDescription(/plus de deux décimales/);
    await expect(ttc).toHaveValue('12,345');
    await expect(ht).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Désignation')).toHaveValue(name);

    await ttc.fill('12,50');
    await page.getByRole('button', { name: 'Créer le produit' }).click();
    await expect(page).toHaveURL(/\/admin\/catalogue\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Produit créé.' })).toBeVisible();
    await expect(page.getByLabel('Référence (SKU)')).toHaveValue(sku);
    await expect(page.getByLabel('Prix TTC (particuliers)')).toHaveValue('12,50');
    await expect(page.getByLabel('Prix catalogue HT (entreprises)')).toHaveValue('8,00');
    await expect(page.getByTestId('current-stock')).toContainText('0');

    // +10 with a reason: a movement in the history, by the admin.
    await page.getByLabel('Quantité').fill('+10');
    await page.getByLabel('Motif').fill('Livraison fournisseur BL-4512');
    await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Stock mis à jour : 10.' })).toBeVisible();
    await expect(page.getByTestId('current-stock')).toContainText('10');
    const history = page.getByRole('table', { name: 'Mouvements de stock du produit' });
    const row = history.getByRole('row').filter({ hasText: 'Livraison fournisseur BL-4512' });
    await expect(row).toContainText('Ajustement');
    await expect(row).toContainText('+10');
    await expect(row).toContainText('Camille Dumas');

    // Going below zero is refused with the current stock.
    await page.getByLabel('Quantité').fill('-11');
    await page.getByLabel('Motif').fill('Inventaire');
    await page.getByRole('button', { name: 'Enregistrer le mouvement' }).click();
    await expect(alertIn(page).filter({ hasText: 'stock actuel 10' })).toBeVisible();
    await expect(page.getByTestId('current-stock')).toContainText('10');

    // The list finds it by SKU, with both prices.
    await page.goto(`/admin/catalogue?q=${encodeURIComponent(sku.toLowerCase())}`);
    const listRow = page.getByRole('table', { name: 'Produits du catalogue' }).getByRole('row').filter({ hasText: sku });
    await expect(listRow).toContainText(name);
    await expect(listRow).toContainText('12,50');
    await expect(listRow).toContainText('8,00');
    await expect(listRow).toContainText('Actif');
  });

  test('categories: create one, and a category in use cannot be deleted', async ({ page }) => {
    await signIn(page, 'admin@comptoir.test');
    await page.goto('/admin/catalogue/categories');
    const name = `Bagagerie ${Date.now().toString(36)}`;
    const create = page.getByRole('form', { name: 'Nouvelle catégorie' });
    await create.getByLabel('Nom').fill(name);
    await create.getByRole('button', { name: 'Créer la catégorie' }).click();
    await expect(create.getByRole('status')).toContainText('Catégorie créée.');
    await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Aucun produit');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Supprimer la catégorie « Mobilier »' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Mobilier' }).getByRole('alert')).toContainText('Impossible de supprimer cette catégorie');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Supprimer la catégorie « ${name} »` }).click();
    await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  });

  test('a sales rep can open the catalogue and filter it', async ({ page }) => {
    await signIn(page, 'commercial@comptoir.test');
    await page.goto('/admin/catalogue');
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    await page.getByLabel('Rechercher un produit').fill('cafe moulu');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const table = page.getByRole('table', { name: 'Produits du catalogue' });
    await expect(table.getByRole('row').filter({ hasText: 'CAF-MOU-250' })).toContainText('Café moulu pur arabica 250 g');
  });

  test('a requester gets a 403 on the catalogue', async ({ page }) => {
    await signIn(page, 'demandeur@atelier-lumiere.test');
    for (const path of ['/admin/catalogue', '/admin/catalogue/new', '/admin/catalogue/categories']) {
      expect((await page.goto(path))?.status()).toBe(403);
    }
  });
});
