import { expect, type Page } from '@playwright/test';

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
