import { type Browser, expect, type Page, test } from '@playwright/test';
import { signIn, uniqueEmail } from './helpers';

const PRODUCT = { slug: 'cafe-en-grains-1-kg', name: 'Café en grains 1 kg', sku: 'CAF-GRA-1KG' };
const ORDER_NUMBER = /CMD-\d{4}-\d{6}/;

/**
 * A guest places an order through the shop (product page, cart, checkout) in their own browser
 * context; returns the order number and the customer's e-mail.
 */
async function placeShopOrder(browser: Browser, payment: 'transfer' | 'card'): Promise<{ number: string; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail('commande');
  await page.goto(`/products/${PRODUCT.slug}`);
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await page.getByRole('link', { name: 'Voir le panier' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole('link', { name: PRODUCT.name })).toBeVisible();
  await page.getByRole('link', { name: 'Passer commande' }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Prénom').fill('Margot');
  await page.getByLabel('Nom', { exact: true }).fill('Vasseur');
  await page.getByLabel('Adresse', { exact: true }).fill('18 quai de la Fosse');
  await page.getByLabel('Code postal').fill('44000');
  await page.getByLabel('Ville').fill('Nantes');
  if (payment === 'transfer') {
    await page.getByRole('radio', { name: 'Virement bancaire' }).check();
  } else {
    await page.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiration (MM/AA)').fill('12/39');
    await page.getByLabel('Cryptogramme').fill('123');
  }
  await page.getByRole('checkbox', { name: /conditions générales de vente/ }).check();
  await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?/);
  const number = (await page.getByText(ORDER_NUMBER).first().textContent())?.match(ORDER_NUMBER)?.[0];
  expect(number).toBeTruthy();
  await context.close();
  return { number: number!, email };
}

/** Opens an order from the back-office list by searching its number. */
async function openFromList(page: Page, number: string): Promise<void> {
  await page.goto('/admin/orders');
  await page.getByLabel('Rechercher').fill(number);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${number}`));
  await page.getByRole('table').getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Commande ${number}` })).toBeVisible();
}

function statusPanel(page: Page) {
  return page.getByRole('region', { name: 'Changer le statut' });
}

test.describe('Back-office orders', () => {
  test('a bank-transfer order from the shop: staff find it, record the transfer, confirm, ship and deliver it', async ({ page, browser }) => {
    const { number, email } = await placeShopOrder(browser, 'transfer');

    await signIn(page, 'commercial@comptoir.test');
    await page.getByRole('link', { name: 'Commandes' }).first().click();
    await expect(page).toHaveURL(/\/admin\/orders$/);

    // Filters live in the URL; the order is found by the customer's e-mail and by its state.
    await page.getByLabel('Rechercher').fill(email);
    await page.getByLabel('Statut').selectOption({ label: 'En attente de paiement' });
    await page.getByLabel('Canal').selectOption('b2c');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/status=awaiting_payment/);
    await expect(page).toHaveURL(/channel=b2c/);
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText('Margot Vasseur');
    await expect(row).toContainText('B2C');
    await expect(row).toContainText('En attente de paiement');
    await expect(row).toContainText(/\d,\d{2}\u00a0€/);
    await page.reload();
    await expect(page.getByLabel('Statut')).toHaveValue('awaiting_payment');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);

    await row.getByRole('link', { name: number }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Commande ${number}` })).toBeVisible();
    const lines = page.getByRole('table', { name: 'Lignes' });
    await expect(lines.getByRole('row', { name: new RegExp(PRODUCT.sku) })).toContainText(PRODUCT.name);
    await expect(lines.getByRole('row', { name: new RegExp(PRODUCT.sku) })).toContainText('TTC');
    await expect(page.getByLabel('Totaux')).toContainText('TVA 5,5\u00a0%');
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByText('18 quai de la Fosse').first()).toBeVisible();
    await expect(page.getByText('Aucun paiement enregistré.')).toBeVisible();

    const panel = statusPanel(page);
    await expect(panel.getByRole('button')).toHaveText(['Virement reçu', 'Annuler la commande']);
    await panel.getByLabel('Note (facultative)').fill('Virement reçu sur le compte pro');
    await panel.getByRole('button', { name: 'Virement reçu' }).click();
    await expect(panel.getByRole('status')).toHaveText('Statut mis à jour : Enregistrée.');
    const payments = page.getByRole('table', { name: 'Paiements' });
    await expect(payments).toContainText('Virement reçu');

    for (const [button, label] of [
      ['Confirmer la commande', 'Confirmée'],
      ['Marquer comme expédiée', 'Expédiée'],
      ['Marquer comme livrée', 'Livrée'],
    ] as const) {
      await panel.getByRole('button', { name: button }).click();
      await expect(panel.getByRole('status')).toHaveText(`Statut mis à jour : ${label}.`);
    }
    await expect(panel).toContainText('aucun changement possible');
    await expect(panel.getByRole('button')).toHaveCount(0);

    const history = page.getByRole('region', { name: 'Historique' }).getByRole('listitem');
    await expect(history).toHaveCount(5);
    await expect(history.nth(1)).toContainText('En attente de paiement');
    await expect(history.nth(1)).toContainText('Enregistrée');
    await expect(history.nth(1)).toContainText('par Antoine Girard');
    await expect(history.nth(1)).toContainText('Virement reçu sur le compte pro');
    await expect(history.nth(4)).toContainText('Livrée');
  });

  test('cancelling asks for confirmation, says what it does, refunds the card; a stale page gets a clear refusal', async ({ page, browser }) => {
    const { number } = await placeShopOrder(browser, 'card');
    await signIn(page, 'admin@comptoir.test');
    await openFromList(page, number);
    const panel = statusPanel(page);

    // A colleague confirms the order in another tab; this tab still offers "Confirmer".
    const other = await page.context().newPage();
    await other.goto(page.url());
    await statusPanel(other).getByRole('button', { name: 'Confirmer la commande' }).click();
    await expect(statusPanel(other).getByRole('status')).toHaveText('Statut mis à jour : Confirmée.');
    await other.close();
    await panel.getByRole('button', { name: 'Confirmer la commande' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Cette commande a été modifiée entre-temps : elle est désormais confirmée. Vérifiez-la avant d’agir.');
    await expect(panel.getByRole('button', { name: 'Marquer comme expédiée' })).toBeVisible();

    await panel.getByLabel('Note (facultative)').fill('Rupture chez le fournisseur');
    await panel.getByRole('button', { name: 'Annuler la commande' }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Annuler la commande ${number}\\s?\\?$`) });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Le stock réservé par cette commande est remis en vente.');
    await expect(dialog).toContainText(/Le paiement par carte \(.+\) est remboursé au client\./);
    await dialog.getByRole('button', { name: 'Non, garder la commande' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Commande ${number}`);
    await expect(page.getByRole('table', { name: 'Paiements' }).getByRole('row')).toHaveCount(2);

    await panel.getByRole('button', { name: 'Annuler la commande' }).click();
    await dialog.getByRole('button', { name: 'Oui, annuler la commande' }).click();
    await expect(panel.getByRole('status')).toHaveText('Statut mis à jour : Annulée.');
    await expect(dialog).toBeHidden();
    const payments = page.getByRole('table', { name: 'Paiements' });
    await expect(payments).toContainText('Paiement par carte');
    await expect(payments).toContainText('Remboursement');
    await expect(page.getByRole('region', { name: 'Historique' }).getByRole('listitem').last()).toContainText('Rupture chez le fournisseur');
    await expect(panel).toContainText('aucun changement possible');

    await page.goto(`/admin/orders?status=cancelled&q=${number}`);
    await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText('Annulée');
  });

  test('the list has an empty state, unknown orders are 404, and only staff get in', async ({ page }) => {
    await signIn(page, 'admin@comptoir.test');
    await page.goto('/admin/orders?q=aucune-commande-ne-porte-ce-nom');
    await expect(page.getByText('Aucune commande ne correspond à ces filtres.')).toBeVisible();
    await page.getByRole('link', { name: 'Effacer les filtres' }).click();
    await expect(page).toHaveURL(/\/admin\/orders$/);
    // A stale or hand-edited filter is ignored, never an error page.
    expect((await page.goto('/admin/orders?status=archivee&page=abc'))?.status()).toBe(200);
    await expect(page.getByLabel('Statut')).toHaveValue('');

    expect((await page.goto('/admin/orders/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
    expect((await page.goto('/admin/orders/pas-une-commande'))?.status()).toBe(404);

    const customer = await page.context().browser()!.newContext();
    const shopper = await customer.newPage();
    await signIn(shopper, 'client@particulier.test');
    expect((await shopper.goto('/admin/orders'))?.status()).toBe(403);
    await customer.close();
  });
});
