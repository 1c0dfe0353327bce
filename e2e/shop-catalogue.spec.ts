import { expect, type Locator, type Page, test } from '@playwright/test';

const CAFE = 'Café moulu pur arabica 250 g';

function searchBox(page: Page): Locator {
  return page.getByRole('search').getByLabel('Rechercher un produit');
}

function cartLink(page: Page): Locator {
  return page.getByRole('banner').getByRole('link', { name: /^Panier/ });
}

/** The product cards of a category page (its region is named by the product count; the sort links are list items too). */
function productCards(page: Page): Locator {
  return page.getByRole('region', { name: /\d+ produits?/ }).getByRole('listitem').filter({ hasText: 'TTC' });
}

/** The TTC prices of the product cards on the page, in display order, in cents. */
async function cardPrices(page: Page): Promise<number[]> {
  const texts = await productCards(page).allInnerTexts();
  return texts.map((text) => {
    const m = /(\d[\d\u202f\u00a0 ]*),(\d{2})\s*€/.exec(text);
    if (!m) throw new Error(`no price in card: ${text}`);
    return Number(m[1]!.replace(/\D/g, '')) * 100 + Number(m[2]);
  });
}

test.describe('Shop catalogue', () => {
  test('a shopper searches "cafés", opens the coffee, sees its price TTC and adds it to the cart', async ({ page }) => {
    await page.goto('/');
    await expect(cartLink(page)).toHaveAccessibleName(/Panier\s*\(0 article\)/);

    await searchBox(page).fill('cafés');
    await searchBox(page).press('Enter');
    await expect(page).toHaveURL(/\/search\?q=caf%C3%A9s/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('cafés');
    // The query stays in the box, ready to be refined.
    await expect(searchBox(page)).toHaveValue('cafés');

    const results = page.getByRole('region', { name: /résultat/ });
    await expect(results).toContainText(/\d+ résultats?/);
    await results.getByRole('link', { name: CAFE }).click();

    await expect(page).toHaveURL(/\/products\/cafe-moulu-pur-arabica-250-g$/);
    await expect(page.getByRole('heading', { level: 1, name: CAFE })).toBeVisible();
    const buyBox = page.getByRole('region', { name: 'Prix et commande' });
    await expect(buyBox).toContainText(/4,99\u00a0€\s*TTC/);
    await expect(buyBox).toContainText(/dont TVA 5,5\s%/);
    await expect(buyBox).toContainText('En stock');
    await expect(page.getByText('CAF-MOU-250')).toBeVisible();
    const crumbs = page.getByRole('navigation', { name: 'Fil d’Ariane' });
    await expect(crumbs.getByRole('link', { name: 'Café & épicerie' })).toHaveAttribute('href', '/categories/cafe-epicerie');

    await expect(page.getByLabel('Quantité')).toHaveValue('1');
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ajouté au panier' })).toBeVisible();
    await expect(cartLink(page)).toHaveAccessibleName(/Panier\s*\(1 article\)/);
    await expect(cartLink(page)).toContainText('1');
  });

  test('a typo still finds the product, and a search for nothing useful offers the rayons', async ({ page }) => {
    await page.goto('/search?q=stilo');
    await expect(page.getByText('Voici les plus proches')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stylo bille bleu' })).toBeVisible();

    await page.goto('/search?q=%25_%27%5C');
    await expect(page.getByText(/Aucun produit ne correspond/)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Tous les rayons' }).getByRole('link', { name: 'Mobilier' })).toBeVisible();
  });

  test('search results are paginated and keep the query from page to page', async ({ page }) => {
    await page.goto('/');
    await searchBox(page).fill('ca');
    await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
    const results = page.getByRole('region', { name: /résultats/ });
    await expect(results).toContainText('page 1 sur 2');
    const total = Number(/(\d+) résultats/.exec(await results.getByRole('heading', { level: 2 }).innerText())![1]);
    await expect(results.getByRole('listitem')).toHaveCount(12);

    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page suivante' }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(results).toContainText('page 2 sur 2');
    await expect(results.getByRole('listitem')).toHaveCount(total - 12);
    await expect(searchBox(page)).toHaveValue('ca');
  });

  test('a rayon from the home page lists its products, sorted by price both ways', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Rayons' }).getByRole('link', { name: 'Fournitures de bureau' }).click();
    await expect(page).toHaveURL(/\/categories\/fournitures-de-bureau$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Fournitures de bureau' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Accueil' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '11 produits' })).toBeVisible();
    // Eleven products fit on one page of twelve: no pagination, and a page past the end shows the last one.
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0);

    const sort = page.getByRole('navigation', { name: 'Trier par' });
    await expect(sort.getByRole('link', { name: 'Nom' })).toHaveAttribute('aria-current', 'true');
    await sort.getByRole('link', { name: 'Prix croissant' }).click();
    await expect(page).toHaveURL(/sort=price_asc/);
    await expect(sort.getByRole('link', { name: 'Prix croissant' })).toHaveAttribute('aria-current', 'true');
    const ascending = await cardPrices(page);
    expect(ascending).toHaveLength(11);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    await sort.getByRole('link', { name: 'Prix décroissant' }).click();
    await expect(page).toHaveURL(/sort=price_desc/);
    await expect(productCards(page).first()).toContainText('Enveloppes C5, boîte de 500');
    const descending = await cardPrices(page);
    expect(descending).toEqual([...ascending].reverse());

    await page.goto('/categories/fournitures-de-bureau?sort=price_desc&page=7');
    expect(await cardPrices(page)).toEqual(descending);
  });

  test('product cards lead to their product page', async ({ page }) => {
    await page.goto('/categories/mobilier');
    await page.getByRole('link', { name: 'Armoire haute à portes battantes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Armoire haute à portes battantes' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Prix et commande' })).toContainText('Plus que 8 en stock');
  });

  test('an unknown product or rayon is a 404 that offers the way on', async ({ page }) => {
    const product = await page.goto('/products/ce-produit-nexiste-pas');
    expect(product?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Produit introuvable' })).toBeVisible();
    await expect(searchBox(page)).toBeVisible();

    const category = await page.goto('/categories/rayon-inconnu');
    expect(category?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Rayon introuvable' })).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('the search box and the cart stay visible and usable', async ({ page }) => {
      await page.goto('/');
      await expect(cartLink(page)).toBeVisible();
      await expect(searchBox(page)).toBeVisible();
      await searchBox(page).fill('stylos');
      await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
      await expect(page.getByRole('link', { name: 'Stylo bille bleu' })).toBeVisible();
      // Nothing overflows sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  });
});
