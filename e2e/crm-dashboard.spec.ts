import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A demo person's id, read from the CRM as the signed-in staff member sees it. */
async function findPersonId(page: Page): Promise<string> {
  await page.goto('/crm/accounts');
  const account = page.locator('main a[href^="/crm/accounts/"]').first();
  await expect(account).toBeVisible();
  await account.click();
  await page.waitForURL(/\/crm\/accounts\/[0-9a-f-]{36}/);
  const person = page.locator('a[href^="/crm/people/"]').first();
  await expect(person).toBeAttached();
  const href = (await person.getAttribute('href')) ?? '';
  const id = UUID.exec(href)?.[0];
  expect(id, `a person link on ${page.url()}`).toBeTruthy();
  return id!;
}

test.describe('CRM dashboard and personal data', () => {
  test('a sales rep sees the revenue chart and the top accounts, and is refused the privacy page', async ({ page }) => {
    await signIn(page, 'commercial@comptoir.test');
    await page.goto('/crm/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Chiffre d’affaires HT par mois/ })).toBeVisible();
    // The chart's data, for screen readers.
    await expect(page.getByRole('table', { name: /données du graphique/ }).getByRole('row')).toHaveCount(13);
    await expect(page.getByRole('heading', { name: 'Meilleurs comptes sur 12 mois' })).toBeVisible();
    const top = page.getByRole('table', { name: /meilleurs comptes/i });
    const empty = page.getByText('Aucun compte n’a encore passé de commande.');
    await expect(top.or(empty)).toBeVisible();

    // The role is checked before the person is looked up: any id gets the 403.
    const personId = '00000000-0000-4000-8000-000000000000';
    const refused = await page.goto(`/crm/people/${personId}/privacy`);
    expect(refused?.status()).toBe(403);
    const api = await page.request.get(`/api/crm/people/${personId}/export`);
    expect(api.status()).toBe(403);
  });

  test('an admin opens the privacy page and downloads a person’s export as JSON', async ({ page }) => {
    await signIn(page, 'admin@comptoir.test');
    const personId = await findPersonId(page);
    await page.goto(`/crm/people/${personId}/privacy`);
    await expect(page.getByRole('heading', { level: 1, name: /Données personnelles/ })).toBeVisible();
    const exportLink = page.getByRole('link', { name: 'Exporter (JSON)' });
    await expect(exportLink).toHaveAttribute('href', `/api/crm/people/${personId}/export`);

    const res = await page.request.get(`/api/crm/people/${personId}/export`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(res.headers()['content-disposition']).toContain('attachment');
    const body = (await res.json()) as { person: { id: string }; positions: unknown[]; orders: unknown[]; login: Record<string, unknown> | null };
    expect(body.person.id).toBe(personId);
    expect(body.positions.length).toBeGreaterThan(0);
    expect(Array.isArray(body.orders)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|password_hash/);

    // The erasure asks for a confirmation that states the consequences; cancelling leaves it be.
    await page.getByRole('button', { name: 'Effacer cette personne' }).click();
    await expect(page.getByText('Cette action est définitive.')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Je confirme l’effacement définitif/ })).toBeVisible();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByRole('button', { name: 'Effacer cette personne' })).toBeVisible();

    const missing = await page.request.get('/api/crm/people/00000000-0000-0000-0000-000000000000/export');
    expect(missing.status()).toBe(404);
  });
});
