import { expect, type Page, test } from '@playwright/test';
import { formAlert, signIn, signOut } from './helpers';

const REQUESTER = 'demandeur@atelier-lumiere.test';
const PURCHASER = 'acheteur@atelier-lumiere.test';

/** "1 234,56 €" (any spaces) → cents. */
function cents(text: string): number {
  const m = /(-?[\d\s\u202f\u00a0]+),(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return Number(m[1]!.replace(/[\s\u202f\u00a0]/g, '')) * 100 + Number(m[2]) * (m[1]!.trim().startsWith('-') ? -1 : 1);
}

async function emptyCart(page: Page) {
  await page.goto('/b2b/cart');
  const remove = page.getByRole('button', { name: /^Retirer / });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
  await expect(page.getByText('Votre panier est vide.')).toBeVisible();
}

/** Quick order of one line, then checkout; returns the order page's URL. */
async function quickOrderAndCheckout(page: Page, lines: string, poRef: string): Promise<string> {
  await emptyCart(page);
  await page.getByLabel('Références et quantités').fill(lines);
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ajoutée au panier' })).toBeVisible();
  await page.getByLabel('Référence de bon de commande').fill(poRef);
  await page.getByRole('button', { name: 'Commander', exact: true }).click();
  await page.waitForURL(/\/b2b\/orders\/[0-9a-f-]{36}/);
  return page.url().split('?')[0]!;
}

test.describe('B2B ordering, approval and rejection', () => {
  test('a requester orders within limits from the catalogue: placed at once, one price from catalogue to order', async ({ page }) => {
    await signIn(page, REQUESTER);
    await emptyCart(page);
    await page.getByRole('link', { name: 'Catalogue', exact: true }).click();
    await page.getByRole('search').getByLabel('Rechercher un article').fill('ramette');
    await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row').filter({ hasText: 'BUR-RAM-A4' });
    await expect(row).toBeVisible();
    const unitText = (await row.getByTestId('unit-price').innerText()).trim();
    expect(cents(unitText)).toBe(349);
    await expect(row.getByText(/dès 50 :\s*3,19/)).toBeVisible();
    await row.getByRole('spinbutton').fill('10');
    await row.getByRole('button', { name: /^Ajouter/ }).click();
    await expect(row.getByText(/10 × .* ajouté au panier/)).toBeVisible();

    await page.getByRole('link', { name: /^Panier \(1\)/ }).click();
    const line = page.getByRole('row').filter({ hasText: 'BUR-RAM-A4' });
    expect(cents(await line.getByTestId('cart-unit-price').innerText())).toBe(349);
    await expect(line.getByText('Contrat', { exact: true })).toBeVisible();
    const ht = cents(await page.getByTestId('cart-total-ht').innerText());
    const vat = cents(await page.getByTestId('cart-total-vat').innerText());
    const ttc = cents(await page.getByTestId('cart-total-ttc').innerText());
    expect(ht).toBe(3490);
    expect(ht + vat).toBe(ttc);
    expect(vat).toBe(698);

    await page.getByLabel('Référence de bon de commande').fill('BC-E2E-001');
    await page.getByRole('button', { name: 'Commander', exact: true }).click();
    await page.waitForURL(/\/b2b\/orders\/[0-9a-f-]{36}\?nouvelle=1/);
    await expect(page.getByRole('status').filter({ hasText: /Commande CMD-\d{4}-\d+ enregistrée\./ })).toBeVisible();
    const doc = page.getByRole('article');
    await expect(doc.getByText('Enregistrée', { exact: true })).toBeVisible();
    await expect(doc.getByRole('row').filter({ hasText: 'BUR-RAM-A4' }).getByText(unitText.replace(/\s*HT$/, ''))).toBeVisible();
    expect(cents(await page.getByTestId('order-total-ttc').innerText())).toBe(ttc);
    await expect(page.getByText('BC-E2E-001')).toBeVisible();
  });

  test('an order over the requester’s limit waits, the purchaser approves, the requester sees it placed', async ({ page }) => {
    await signIn(page, REQUESTER);
    const orderUrl = await quickOrderAndCheckout(page, 'CAF-CAP-50 60', 'BC-E2E-002');
    await expect(page.getByRole('status').filter({ hasText: /soumise à approbation : .*dépasse votre plafond par commande/ })).toBeVisible();
    await expect(page.getByRole('article').getByText('En attente d’approbation', { exact: true })).toBeVisible();
    expect(cents(await page.getByRole('article').getByText(/654,00/).first().innerText())).toBe(65400);
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Commande ', '').trim();
    await signOut(page);

    await signIn(page, PURCHASER);
    await page.getByRole('link', { name: /^Approbations/ }).click();
    await page.getByRole('link', { name: `Examiner ${number}` }).click();
    await expect(page.getByRole('region', { name: 'Motifs' })).toContainText('dépasse votre plafond par commande');
    await expect(page.getByRole('heading', { name: 'Impact budgétaire' })).toBeVisible();
    await page.getByRole('button', { name: 'Approuver' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Commande approuvée et enregistrée.' })).toBeVisible();
    await signOut(page);

    await signIn(page, REQUESTER);
    await page.goto(orderUrl);
    await expect(page.getByRole('article').getByText('Enregistrée', { exact: true })).toBeVisible();
  });

  test('an order rejected by the purchaser shows the reason to the requester', async ({ page }) => {
    await signIn(page, REQUESTER);
    const orderUrl = await quickOrderAndCheckout(page, 'CAF-CAP-50 60', 'BC-E2E-003');
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Commande ', '').trim();
    await signOut(page);

    await signIn(page, PURCHASER);
    await page.goto('/b2b/approvals');
    await page.getByRole('link', { name: `Examiner ${number}` }).click();
    await page.getByRole('button', { name: 'Refuser' }).click();
    await expect(formAlert(page)).toContainText('Indiquez la raison du refus');
    await page.getByLabel('Raison du refus').fill('Stock de capsules suffisant ce mois-ci.');
    await page.getByRole('button', { name: 'Refuser' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Commande refusée.' })).toBeVisible();
    await signOut(page);

    await signIn(page, REQUESTER);
    await page.goto(orderUrl);
    await expect(page.getByRole('article').getByText('Refusée', { exact: true })).toBeVisible();
    await expect(page.getByTestId('decision-reason')).toHaveText('Stock de capsules suffisant ce mois-ci.');
  });

  test('quick order lists each faulty line and adds nothing', async ({ page }) => {
    await signIn(page, REQUESTER);
    await emptyCart(page);
    await page.getByLabel('Références et quantités').fill('BUR-RAM-A4 5\nNOPE-123 2\nCAF-CAP-50 abc');
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(formAlert(page)).toContainText('rien n’a été ajouté');
    await expect(page.getByText(/Ligne 2.*Référence inconnue : NOPE-123/)).toBeVisible();
    await expect(page.getByText(/Ligne 3.*Format attendu/)).toBeVisible();
    await expect(page.getByText('Votre panier est vide.')).toBeVisible();
  });

  test('a requester gets 403 on approvals', async ({ page }) => {
    await signIn(page, REQUESTER);
    await expect(page.getByRole('link', { name: /^Approbations/ })).toHaveCount(0);
    const response = await page.goto('/b2b/approvals');
    expect(response?.status()).toBe(403);
  });
});
