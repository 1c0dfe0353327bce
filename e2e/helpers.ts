import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'comptoir-demo';

/** Submits the sign-in form and leaves the page as it is (for refusals). */
export async function attemptSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Signs in and waits until the app has taken the person to their area. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The page's own alert (Next.js adds an empty role=alert route announcer to every page). */
export function formAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter' }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

/** A unique email so journeys can be re-run against the same database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@example.test`;
}

/** Another person in their own browser context, signed in; close it with `page.context().close()`. */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** "1 234,56 €" (any spaces, optional minus) → integer cents. */
export function cents(text: string): number {
  const m = /(-?)([\d\s\u202f\u00a0]+),(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  const value = Number(m[2]!.replace(/[\s\u202f\u00a0]/g, '')) * 100 + Number(m[3]);
  return m[1] ? -value : value;
}

/**
 * The term → definition pairs of a description list (`dt`/`dd`, roles term and definition), as
 * text content (so CSS capitals do not change the terms), so two pages' figures can be compared
 * string for string. Only ASCII whitespace is collapsed: the no-break spaces of amounts are kept.
 */
export async function definitions(list: Locator): Promise<Record<string, string>> {
  const text = (s: string) => s.replace(/[ \t\r\n]+/g, ' ').trim();
  const terms = await list.getByRole('term').allTextContents();
  const values = await list.getByRole('definition').allTextContents();
  expect(values, 'one definition per term').toHaveLength(terms.length);
  return Object.fromEntries(terms.map((term, i) => [text(term), text(values[i]!)]));
}

/** Clicks a download link and returns the file as the browser received it. */
export async function downloadFrom(link: Locator): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: await readFile(path) };
}

/** Empties the signed-in portal user's cart. */
export async function emptyB2bCart(page: Page): Promise<void> {
  await page.goto('/b2b/cart');
  const remove = page.getByRole('button', { name: /^Retirer / });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
  await expect(page.getByText('Votre panier est vide.')).toBeVisible();
}

/** Portal quick order (`SKU quantity` lines) from an empty cart, then checkout; returns the order page and number. */
export async function placeB2bQuickOrder(page: Page, lines: string, poRef: string): Promise<{ url: string; number: string }> {
  await emptyB2bCart(page);
  await page.getByLabel('Références et quantités').fill(lines);
  await page.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ajoutée au panier' })).toBeVisible();
  await page.getByLabel('Référence de bon de commande').fill(poRef);
  await page.getByRole('button', { name: 'Commander', exact: true }).click();
  await page.waitForURL(/\/b2b\/orders\/[0-9a-f-]{36}/);
  const number = /CMD-\d{4}-\d{6}/.exec(await page.getByRole('heading', { level: 1 }).innerText())?.[0];
  if (!number) throw new Error('no order number in the heading');
  return { url: page.url().split('?')[0]!, number };
}
