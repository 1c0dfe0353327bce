import { expect, type Page, test } from '@playwright/test';
import { formAlert, signIn } from './helpers';

/** "1 234,56 €" → 123456 */
function cents(text: string | null): number {
  const m = (text ?? '').replace(/[\s\u00a0\u202f]/g, '').match(/(\d+),(\d{2})€/);
  if (!m) throw new Error(`no amount in ${text}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

async function addFromSearch(page: Page, query: string, productName: string, quantity: number): Promise<number> {
  await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill(query);
  await page.getByRole('searchbox', { name: 'Rechercher un produit' }).press('Enter');
  await page.getByRole('link', { name: productName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
  const price = cents(await page.getByTestId('product-price').textContent());
  await page.getByLabel('Quantité').fill(String(quantity));
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ajouté au panier' })).toBeVisible();
  return price * quantity;
}

async function fillCheckout(page: Page, card: string) {
  await page.getByLabel('E-mail').fill('invite@example.test');
  await page.getByLabel('Prénom').fill('Camille');
  await page.getByLabel('Nom', { exact: true }).fill('Invitée');
  await page.getByLabel('Adresse', { exact: true }).fill('10 rue du Commerce');
  await page.getByLabel('Code postal').fill('69002');
  await page.getByLabel('Ville').fill('Lyon');
  await page.getByLabel('Numéro de carte').fill(card);
  await page.getByLabel('Expiration (MM/AA)').fill('12/30');
  await page.getByLabel('Cryptogramme').fill('123');
  await page.getByLabel(/J’ai lu et j’accepte les conditions générales de vente/).check();
}

test.describe('B2C checkout', () => {
  test('a guest searches, buys two products at different VAT rates with the test card, and pays exactly what was shown', async ({ page }) => {
    await page.goto('/');
    const coffee = await addFromSearch(page, 'cafés', 'Café moulu pur arabica 250 g', 2);
    const pens = await addFromSearch(page, 'stylos', 'Stylo bille bleu', 3);

    await page.getByRole('link', { name: /Panier/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Mon panier' })).toBeVisible();
    await expect(page.getByText(/dont TVA 5,5/)).toBeVisible();
    await expect(page.getByText(/dont TVA 20/)).toBeVisible();
    await page.getByRole('link', { name: 'Passer commande' }).click();

    // A declined card: refused, no order, the cart intact.
    await fillCheckout(page, '4000 0000 0000 0002');
    const shipping = cents(await page.getByRole('radio', { name: /Livraison standard/ }).locator('xpath=ancestor::label').textContent());
    const shownTotal = cents(await page.getByTestId('total-ttc').textContent());
    expect(shownTotal).toBe(coffee + pens + shipping);
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
    await expect(formAlert(page)).toContainText('refusé');
    await page.goto('/cart');
    await expect(page.getByRole('link', { name: 'Café moulu pur arabica 250 g' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stylo bille bleu' })).toBeVisible();

    await page.getByRole('link', { name: 'Passer commande' }).click();
    await fillCheckout(page, '4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
    await expect(page.getByRole('heading', { name: 'Merci pour votre commande' })).toBeVisible();
    expect(cents(await page.getByTestId('order-total-ttc').textContent())).toBe(coffee + pens + shipping);
    await expect(page.getByText('Payée par carte bancaire.')).toBeVisible();
    await expect(page.getByRole('table', { name: /Commande CMD-/ })).toContainText('Café moulu pur arabica 250 g');

    // The cart is empty now.
    await page.goto('/cart');
    await expect(page.getByText('Votre panier est vide.')).toBeVisible();
  });

  test('checkout refuses missing terms acceptance and keeps what was typed', async ({ page }) => {
    await page.goto('/');
    await addFromSearch(page, 'ramette', 'Ramette papier A4 80 g', 1);
    await page.goto('/checkout');
    await fillCheckout(page, '4242 4242 4242 4242');
    await page.getByLabel(/J’ai lu et j’accepte/).uncheck();
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
    await expect(page.getByText('Vous devez accepter les conditions générales de vente.')).toBeVisible();
    await expect(page.getByLabel('Ville')).toHaveValue('Lyon');
  });

  test('a customer pays by transfer and finds the order in their account', async ({ page }) => {
    await signIn(page, 'client@particulier.test');
    await addFromSearch(page, 'gel hydroalcoolique', 'Gel hydroalcoolique 1 L', 1);
    await page.goto('/checkout');
    await expect(page.getByLabel('E-mail')).toHaveValue('client@particulier.test');
    await expect(page.getByLabel('Ville')).toHaveValue('Paris');
    await page.getByLabel('Virement bancaire').check();
    await page.getByLabel(/J’ai lu et j’accepte/).check();
    await page.getByRole('button', { name: 'Commander avec obligation de paiement' }).click();
    await expect(page.getByRole('heading', { name: 'Merci pour votre commande' })).toBeVisible();
    await expect(page.getByText('En attente de votre virement.')).toBeVisible();
    const number = (await page.getByRole('heading', { name: /^Commande CMD-/ }).textContent())!.replace('Commande ', '').trim();
    await page.goto('/account');
    await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText('En attente de paiement');
  });

  test('a business login is pointed to the portal instead of the shop checkout', async ({ page }) => {
    await signIn(page, 'acheteur@atelier-lumiere.test');
    await page.goto('/checkout');
    await expect(page.getByRole('status')).toContainText('portail entreprise');
    await expect(page.getByRole('link', { name: 'Aller au portail entreprise' })).toBeVisible();
  });
});
