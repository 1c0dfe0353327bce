import { expect, type Page, test } from '@playwright/test';
import { cents, definitions, signedInPage } from './helpers';

const REQUESTER = 'demandeur@atelier-lumiere.test';
const PURCHASER = 'acheteur@atelier-lumiere.test';
const SALES = 'commercial@comptoir.test';
const LAMP = { sku: 'MOB-LAM-LED', name: 'Lampe de bureau LED' };
const SERVICE = 'Pose et réglage des lampes sur les postes';

/** A calendar day `days` from today in Paris, as a date input takes it (YYYY-MM-DD). */
function parisDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

/** One line of the quote builder (a fieldset whose legend is « Ligne n »). */
function builderLine(page: Page, n: number) {
  return page.getByRole('group', { name: `Ligne ${n}`, exact: true });
}

/** « Envoyer la version n », confirmed in its dialog; waits for the confirmation. */
async function sendVersion(page: Page, version: number): Promise<void> {
  await page.getByRole('button', { name: `Envoyer la version ${version}` }).click();
  const dialog = page.getByRole('dialog', { name: `Envoyer la version ${version} au client ?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Version ${version} envoyée au client` })).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** Opens a quote from the portal's list of quotes. */
async function openPortalQuote(page: Page, number: string): Promise<void> {
  await page.getByRole('link', { name: 'Devis', exact: true }).click();
  await expect(page).toHaveURL(/\/b2b\/quotes$/);
  await page.getByRole('link', { name: `Ouvrir le devis ${number}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Devis ${number}`);
}

test.describe('Quotes: from a request for quote to an order at the quoted figures', () => {
  test('a requester asks, sales send a quote, the purchaser asks for a change and accepts version 2: the order carries the quote’s totals and the opportunity is won', async ({ browser }) => {
    test.setTimeout(150_000);
    const tag = Date.now().toString(36);
    const title = `Éclairage des postes de montage ${tag}`;
    const change = 'Pouvez-vous porter la remise sur les lampes à 15 % ?';

    // 1. The requester describes the need and submits the request.
    const requester = await signedInPage(browser, REQUESTER);
    await requester.getByRole('link', { name: 'Demandes de devis', exact: true }).click();
    await requester.getByRole('link', { name: 'Nouvelle demande' }).click();
    await expect(requester.getByRole('heading', { level: 1 })).toHaveText('Nouvelle demande de devis');
    await requester.getByLabel('Objet de la demande').fill(title);
    await requester.getByLabel('Description du besoin').fill('Quatre postes de montage à équiper de lampes LED orientables, pose comprise.');
    await requester.getByLabel('Date souhaitée').fill(parisDay(60));
    await requester.getByLabel('Budget indicatif (€ HT)').fill('800');
    await requester.getByRole('button', { name: 'Envoyer la demande' }).click();
    await requester.waitForURL(/\/b2b\/requests\/[0-9a-f-]{36}\?nouvelle=1$/);
    const submitted = requester.getByRole('status').filter({ hasText: /Votre demande DDE-\d{4}-\d{6} est envoyée/ });
    await expect(submitted).toBeVisible();
    const requestNumber = /DDE-\d{4}-\d{6}/.exec(await submitted.innerText())![0];

    // 2. Sales find it among the submitted requests and start a quote from it.
    const sales = await signedInPage(browser, SALES);
    await sales.goto('/admin/quotes/requests');
    await sales.getByLabel('Statut', { exact: true }).selectOption({ label: 'Envoyée' });
    await sales.getByRole('button', { name: 'Filtrer' }).click();
    await expect(sales).toHaveURL(/[?&]status=submitted/);
    const requestRow = sales.getByRole('table').getByRole('row').filter({ hasText: requestNumber });
    await expect(requestRow).toContainText('Atelier Lumière');
    await expect(requestRow).toContainText(title);
    await requestRow.getByRole('link', { name: requestNumber }).click();
    await expect(sales.getByRole('heading', { level: 1 })).toHaveText(`Demande ${requestNumber} — ${title}`);
    await sales.getByRole('button', { name: 'Créer le devis' }).click();
    await sales.waitForURL(/\/admin\/quotes\/[0-9a-f-]{36}\?created=1$/);
    await expect(sales.getByRole('status').filter({ hasText: 'Devis créé : complétez-le puis envoyez-le.' })).toBeVisible();
    const quoteUrl = sales.url().split('?')[0]!;
    const quoteNumber = /DEV-\d{4}-\d{6}/.exec(await sales.getByRole('heading', { level: 1 }).innerText())![0];

    // 3. The quote: a catalogue line through the picker (discounted), a free service line with a
    //    quantity in thousandths, a validity date; then version 1 is sent.
    await sales.getByRole('searchbox', { name: 'Ajouter un article du catalogue' }).fill(LAMP.sku);
    await sales.getByRole('button', { name: `Ajouter ${LAMP.name}` }).click();
    await expect(builderLine(sales, 1).getByLabel('Désignation')).toHaveValue(LAMP.name);
    await expect(builderLine(sales, 1)).toContainText(LAMP.sku);
    await builderLine(sales, 1).getByLabel('Quantité').fill('4');
    await builderLine(sales, 1).getByLabel('Remise (%)').fill('10');
    await sales.getByRole('button', { name: 'Ajouter une ligne libre' }).click();
    await expect(builderLine(sales, 2).getByLabel('Désignation')).toBeFocused();
    await builderLine(sales, 2).getByLabel('Désignation').fill(SERVICE);
    await builderLine(sales, 2).getByLabel('Quantité').fill('2,125');
    await builderLine(sales, 2).getByLabel('Prix unitaire HT (€)').fill('65,00');
    await sales.getByLabel('Valable jusqu’au', { exact: true }).fill(parisDay(30));
    await sendVersion(sales, 1);

    // 4. The requester sees the quote but cannot decide on it; they may comment.
    await openPortalQuote(requester, quoteNumber);
    const lines = requester.getByRole('table', { name: 'Lignes du devis' });
    await expect(lines.getByRole('row').filter({ hasText: LAMP.sku })).toContainText(/10\s%/);
    await expect(lines.getByRole('row').filter({ hasText: SERVICE })).toContainText('2,125');
    await expect(requester.getByRole('note')).toHaveText('Un acheteur ou l’administrateur de votre entreprise décide de ce devis. Vous pouvez le commenter.');
    await expect(requester.getByRole('button', { name: 'Accepter le devis' })).toHaveCount(0);
    await expect(requester.getByRole('button', { name: 'Demander des modifications' })).toHaveCount(0);
    await requester.getByLabel('Votre commentaire').fill('La pose peut se faire un samedi matin.');
    await requester.getByRole('button', { name: 'Publier le commentaire' }).click();
    await expect(requester.getByRole('status').filter({ hasText: 'Commentaire publié.' })).toBeVisible();

    // 5. The purchaser asks for a change, with a comment.
    const purchaser = await signedInPage(browser, PURCHASER);
    await openPortalQuote(purchaser, quoteNumber);
    await expect(purchaser.getByRole('region', { name: 'Commentaires et historique' })).toContainText('La pose peut se faire un samedi matin.');
    await purchaser.getByLabel('Modifications souhaitées').fill(change);
    await purchaser.getByRole('button', { name: 'Demander des modifications' }).click();
    // The quote leaves « Envoyé », so the decision panel gives way to the quote's state notice.
    await expect(purchaser.getByRole('status').filter({ hasText: 'Des modifications ont été demandées : votre commercial prépare une nouvelle version.' })).toBeVisible();
    await expect(purchaser.getByRole('button', { name: 'Accepter le devis' })).toHaveCount(0);

    // 6. Sales read the comment, change the discount and send version 2.
    await sales.goto(quoteUrl);
    await expect(sales.getByText('Le client a demandé des modifications de la version 1. Enregistrer crée la version 2.')).toBeVisible();
    await expect(sales.getByRole('region', { name: 'Historique et commentaires' })).toContainText(change);
    await builderLine(sales, 1).getByLabel('Remise (%)').fill('15');
    await sendVersion(sales, 2);

    // 7. The purchaser sees version 1 replaced (and not acceptable), then accepts version 2.
    await purchaser.reload();
    const versions = purchaser.getByRole('navigation', { name: 'Versions du devis' });
    await expect(versions.getByRole('link', { name: /^Version 1/ })).toContainText('remplacée');
    await expect(versions.getByRole('link', { name: /^Version 2/ })).toContainText('en vigueur');
    await versions.getByRole('link', { name: /^Version 1/ }).click();
    await expect(purchaser.getByRole('note')).toContainText('Version remplacée — ne peut plus être acceptée');
    await expect(purchaser.getByRole('button', { name: 'Accepter le devis' })).toHaveCount(0);
    await purchaser.getByRole('link', { name: 'Voir la version 2, en vigueur' }).click();
    await expect(purchaser.getByRole('heading', { level: 2, name: 'Version 2', exact: true })).toBeVisible();
    await expect(purchaser.getByRole('table', { name: 'Lignes du devis' }).getByRole('row').filter({ hasText: LAMP.sku })).toContainText(/15\s%/);

    const quoteTotals = await definitions(purchaser.getByLabel('Totaux', { exact: true }));
    expect(Object.keys(quoteTotals)).toEqual(['Total HT', 'TVA', 'Total TTC']);
    expect(cents(quoteTotals['Total HT']!) + cents(quoteTotals.TVA!)).toBe(cents(quoteTotals['Total TTC']!));

    await purchaser.getByLabel('Référence de bon de commande (facultative)').fill(`BC-DEV-${tag}`);
    await purchaser.getByRole('button', { name: 'Accepter le devis' }).click();
    const confirm = purchaser.getByRole('group', { name: 'Confirmer l’acceptation' });
    await expect(confirm).toContainText(`Accepter ce devis pour ${quoteTotals['Total HT']} HT ?`);
    await confirm.getByRole('button', { name: 'Confirmer l’acceptation' }).click();

    // 8. The order: placed at exactly the quote's figures.
    await purchaser.waitForURL(/\/b2b\/orders\/[0-9a-f-]{36}\?nouvelle=1$/);
    const placed = purchaser.getByRole('status').filter({ hasText: /Commande CMD-\d{4}-\d{6} enregistrée\./ });
    await expect(placed).toBeVisible();
    const orderNumber = /CMD-\d{4}-\d{6}/.exec(await placed.innerText())![0];
    const order = purchaser.getByRole('article');
    await expect(order.getByText('Enregistrée', { exact: true })).toBeVisible();
    expect(await definitions(order.getByLabel('Totaux', { exact: true }))).toEqual(quoteTotals);
    await expect(order.getByRole('row').filter({ hasText: SERVICE })).toContainText('2,125');
    await expect(purchaser.getByText(`BC-DEV-${tag}`)).toBeVisible();

    // 9. The CRM opportunity, reached from the quote, is won with the order's amount.
    await sales.goto(quoteUrl);
    await expect(sales.getByText('Ce devis est clos : il ne peut plus être modifié ni envoyé.')).toBeVisible();
    await expect(sales.getByRole('link', { name: orderNumber })).toBeVisible();
    await sales.getByRole('link', { name: 'Voir l’opportunité' }).click();
    await expect(sales).toHaveURL(/\/crm\/opportunities\/[0-9a-f-]{36}$/);
    await expect(sales.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(sales.getByRole('combobox', { name: 'Étape', exact: true })).toHaveValue('won');
    // The stage history lists the newest step first (row 0 is the header).
    await expect(sales.getByRole('table', { name: 'Historique des étapes' }).getByRole('row').nth(1)).toContainText('Gagnée');
    expect((await definitions(sales.getByRole('main')))['Montant HT']).toContain(quoteTotals['Total HT']!);
    await expect(sales.getByRole('link', { name: orderNumber })).toBeVisible();

    await Promise.all([requester.context().close(), purchaser.context().close(), sales.context().close()]);
  });
});
