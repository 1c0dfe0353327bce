import { expect, test } from '@playwright/test';
import { cents, definitions, downloadFrom, placeB2bQuickOrder, signedInPage, signIn } from './helpers';

const PURCHASER = 'acheteur@atelier-lumiere.test';
const SALES = 'commercial@comptoir.test';
const INVOICE_NUMBER = /F-\d{4}-\d{6}/;

test.describe('Invoices: issued on shipping, downloaded from the portal, paid', () => {
  test('a shipped portal order is invoiced; the purchaser downloads its PDF and EN 16931 XML; staff record the payment and it shows as paid', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const tag = Date.now().toString(36);

    // 1. The purchaser places a small portal order.
    await signIn(page, PURCHASER);
    const { number: orderNumber } = await placeB2bQuickOrder(page, 'HYG-GEL-1L 2', `BC-FAC-${tag}`);
    const order = page.getByRole('article');
    await expect(order.getByText('Enregistrée', { exact: true })).toBeVisible();
    const orderTotals = await definitions(order.getByLabel('Totaux', { exact: true }));
    const ttc = orderTotals['Total TTC']!;

    // 2. Staff confirm and ship it: shipping issues the invoice.
    const staff = await signedInPage(browser, SALES);
    await staff.goto('/admin/orders');
    await staff.getByLabel('Rechercher').fill(orderNumber);
    await staff.getByRole('button', { name: 'Filtrer' }).click();
    await staff.getByRole('table').getByRole('link', { name: orderNumber }).click();
    await expect(staff.getByRole('heading', { level: 1, name: `Commande ${orderNumber}` })).toBeVisible();
    const invoiceBox = staff.getByRole('region', { name: 'Facture', exact: true });
    await expect(invoiceBox.getByRole('button', { name: 'Émettre la facture' })).toBeVisible();
    const panel = staff.getByRole('region', { name: 'Changer le statut' });
    for (const [button, label] of [
      ['Confirmer la commande', 'Confirmée'],
      ['Marquer comme expédiée', 'Expédiée'],
    ] as const) {
      await panel.getByRole('button', { name: button }).click();
      await expect(panel.getByRole('status')).toHaveText(`Statut mis à jour : ${label}.`);
    }
    const invoiceLink = invoiceBox.getByRole('link', { name: /^Voir la facture F-\d{4}-\d{6}$/ });
    await expect(invoiceLink).toBeVisible();
    const invoiceNumber = INVOICE_NUMBER.exec(await invoiceLink.innerText())![0];

    // 3. The purchaser finds the invoice in the portal and downloads the PDF and the XML.
    await page.getByRole('link', { name: 'Factures', exact: true }).click();
    await expect(page).toHaveURL(/\/b2b\/invoices$/);
    await page.getByLabel('N° de facture ou de commande').fill(invoiceNumber);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const row = page.getByRole('row').filter({ hasText: invoiceNumber });
    await expect(row).toContainText(orderNumber);
    await expect(row).toContainText(ttc);
    await expect(row).toContainText('Impayée');
    await row.getByRole('link', { name: `Voir la facture ${invoiceNumber}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Facture ${invoiceNumber}`);
    await expect(page.getByTestId('invoice-remaining')).toHaveText(ttc);

    const pdf = await downloadFrom(page.getByRole('link', { name: 'Télécharger le PDF' }));
    expect(pdf.name).toBe(`${invoiceNumber}.pdf`);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const xml = await downloadFrom(page.getByRole('link', { name: 'Télécharger le XML (EN 16931)' }));
    expect(xml.name).toBe(`${invoiceNumber}.xml`);
    const cii = xml.body.toString('utf8');
    expect(cii).toContain('urn:cen.eu:en16931:2017');
    expect(cii).toContain(invoiceNumber);
    // The XML's grand total is the order's TTC, to the cent.
    expect(cii).toMatch(new RegExp(`GrandTotalAmount[^>]*>${(cents(ttc) / 100).toFixed(2).replace('.', '\\.')}<`));

    // 4. Staff record a payment of what remains; the invoice is paid.
    await invoiceLink.click();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(`Facture ${invoiceNumber}`);
    const summary = staff.getByRole('region', { name: 'Situation de la facture' });
    const before = await definitions(summary);
    expect(before['État']).toBe('Impayée');
    expect(before['Reste dû']).toBe(ttc);
    const payment = staff.getByRole('region', { name: 'Enregistrer un paiement' });
    const amount = payment.getByLabel('Montant reçu (€)');
    expect(cents(await amount.inputValue())).toBe(cents(ttc));
    await payment.getByLabel('Moyen de paiement').selectOption({ label: 'Virement' });
    await payment.getByLabel('Référence (facultative)').fill(`VIR-${tag}`);
    await payment.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(payment.getByRole('status')).toHaveText('Paiement enregistré : la facture est payée.');
    await expect(payment).toContainText('Cette facture est soldée');
    await expect(summary.getByText('Payée', { exact: true })).toBeVisible();
    const after = await definitions(summary);
    expect(after['Payé']).toBe(ttc);
    expect(cents(after['Reste dû']!)).toBe(0);
    await expect(staff.getByRole('table', { name: 'Paiements reçus' })).toContainText(`VIR-${tag}`);

    // 5. The portal list shows it paid.
    await page.goto(`/b2b/invoices?q=${invoiceNumber}`);
    await expect(page.getByRole('row').filter({ hasText: invoiceNumber })).toContainText('Payée');

    await staff.context().close();
  });
});
