import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** Today in Europe/Paris as YYYY-MM-DD, as the server computes it. */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function column(page: Page, label: string) {
  return page.getByRole('region', { name: new RegExp(`^${label}`) });
}

async function countOf(page: Page, stage: string): Promise<number> {
  const text = (await page.getByTestId(`count-${stage}`).textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? 'NaN');
}

test.describe('CRM pipeline for a sales rep', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'commercial@comptoir.test');
  });

  test('moves an opportunity with the keyboard control and finds it in the history', async ({ page }) => {
    await page.goto('/crm/pipeline');
    await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    // An Atelier Lumière opportunity not yet in negotiation (the seed has one per open stage).
    const sources = ['qualification', 'needs_analysis', 'proposal'] as const;
    const labels = { qualification: 'Qualification', needs_analysis: 'Analyse des besoins', proposal: 'Proposition' };
    let source: (typeof sources)[number] | null = null;
    for (const s of sources) {
      if ((await column(page, labels[s]).getByRole('article').filter({ hasText: 'Atelier Lumière' }).count()) > 0) {
        source = s;
        break;
      }
    }
    expect(source, 'an open Atelier Lumière opportunity outside negotiation').not.toBeNull();
    const card = column(page, labels[source!]).getByRole('article').filter({ hasText: 'Atelier Lumière' }).first();
    const title = (await card.getAttribute('aria-label'))!;
    const fromBefore = await countOf(page, source!);
    const negotiationBefore = await countOf(page, 'negotiation');

    await card.getByLabel('Étape').selectOption({ label: 'Négociation' });
    await card.getByRole('button', { name: 'Déplacer' }).click();

    await expect(page.getByTestId('count-negotiation')).toContainText(String(negotiationBefore + 1));
    await expect(page.getByTestId(`count-${source}`)).toContainText(String(fromBefore - 1));
    const moved = column(page, 'Négociation').getByRole('article', { name: title });
    await expect(moved).toBeVisible();

    await moved.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const history = page.getByRole('table', { name: 'Historique des étapes' });
    await expect(history.getByRole('row').filter({ hasText: labels[source!] }).filter({ hasText: 'Négociation' }).first()).toBeVisible();
  });

  test('lost needs a reason', async ({ page }) => {
    await page.goto('/crm/pipeline');
    // The demo seeds one qualification opportunity per client company.
    const card = column(page, 'Qualification').getByRole('article').first();
    await expect(card).toBeVisible();
    await card.getByLabel('Étape').selectOption({ label: 'Perdue' });
    await expect(card.getByLabel('Motif de la perte')).toBeVisible();
  });

  test('the to-do view lists due tasks and upcoming budget releases', async ({ page }) => {
    await page.goto('/crm');
    await expect(page.getByRole('heading', { level: 1, name: 'À faire' })).toBeVisible();
    const tasks = page.getByRole('region', { name: /Activités à échéance/ });
    await expect(tasks.getByText('Préparer la revue annuelle du contrat').first()).toBeVisible();
    await expect(tasks.getByRole('button', { name: /^Fait/ }).first()).toBeVisible();

    const budgets = page.getByRole('region', { name: /Déblocages de budget/ });
    await expect(budgets).toBeVisible();
    // The seed releases each forecast on the 15th of next month: listed only when within 30 days.
    const today = parisToday();
    const [y, m] = today.split('-').map(Number) as [number, number];
    const release = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-15`;
    const days = (Date.parse(`${release}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
    if (days <= 30) await expect(budgets.getByRole('listitem').filter({ hasText: 'Atelier Lumière' }).first()).toBeVisible();
    else await expect(budgets.getByText('Aucun déblocage de budget prévu dans les 30 jours.')).toBeVisible();
  });
});
