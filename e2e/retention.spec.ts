import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * Browser tests share one demo database: the periods set here (1200 months, the longest) select only the demo's
 * case closed in 1925 (server/demo/retention.ts), so approving the dry run deletes nothing another test reads.
 */
/** Nothing sticks out sideways at 390 px (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/*
 * Runs first in this file, before the approval below deletes the demo's case closed in 1925: it holds that case
 * (by the pseudonym its dry run shows), sees the dry run keep it, and lifts the hold again, so nothing stays held.
 */
test.describe('on a 390 px wide screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('an admin places a legal hold, sees the dry run keep the case, and lifts the hold', async ({ page }) => {
    await logIn(page, demo.admin);
    await page.goto('/admin/retention');
    await page.getByRole('button', { name: 'Gör en provkörning nu' }).click();
    const listed = page.getByText(/^Ärende [0-9A-F]{8} \(avslutat/);
    await expect(listed).toHaveCount(1);
    const pseudonym = /^Ärende [0-9A-F]{8}/.exec((await listed.textContent()) ?? '')![0];

    await page.getByRole('link', { name: 'Bevarandebeslut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bevarandebeslut' })).toBeVisible();
    await expect(page.getByText('Inga bevarandebeslut gäller.', { exact: false })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Without a reason: refused at the field, which gets the focus; nothing is held.
    const reference = page.getByLabel('Ärende', { exact: true });
    const reason = page.getByLabel('Skäl', { exact: true });
    await reference.fill(pseudonym);
    await page.getByRole('button', { name: 'Besluta om bevarande' }).click();
    await expect(reason).toHaveAccessibleDescription(/Skriv skälet till bevarandet\./);
    await expect(reason).toBeFocused();
    await expect(reference).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Inga bevarandebeslut gäller.', { exact: false })).toBeVisible();
    await expectAccessible(page);

    // A reference that names no case is refused at its own field.
    await reference.fill('Ärende 00000000');
    await reason.fill('Tvist i förvaltningsrätten om placeringen');
    await page.getByRole('button', { name: 'Besluta om bevarande' }).click();
    await expect(reference).toHaveAccessibleDescription(/Inget ärende i kommunen har den beteckningen/);

    await reference.fill(pseudonym);
    await page.getByRole('button', { name: 'Besluta om bevarande' }).click();
    await expect(page.getByText(`${pseudonym} bevaras.`, { exact: false })).toBeVisible();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: pseudonym }) });
    await expect(item).toContainText('Avslutat 1 mars 1925');
    await expect(item).toContainText('Tvist i förvaltningsrätten om placeringen');
    await expect(item).toContainText('Anna Admin');
    // The child is outside the admin's own scope: named by pseudonym, never by name.
    await expect(page.getByText('Gallringsexempel')).toHaveCount(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath('holds-390.png'), fullPage: true });

    // The dry run keeps the held case and says why.
    await page.getByRole('link', { name: 'Tillbaka till gallringen' }).click();
    await page.getByRole('button', { name: 'Gör en provkörning nu' }).click();
    await expect(page.getByText(`${pseudonym} (avslutat 1 mars 1925): bevarandebeslut`)).toBeVisible();
    await expect(page.getByText('Ingenting har passerat sin gallringsfrist.')).toBeVisible();
    await expectAccessible(page);

    // Lifting asks first, and says what follows.
    await page.getByRole('link', { name: 'Bevarandebeslut' }).click();
    await item.getByRole('button', { name: `Häv bevarandet av ${pseudonym}` }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`Häva bevarandet av ${pseudonym}?`);
    await page.screenshot({ path: test.info().outputPath('lift-390.png') });
    await expect(dialog).toContainText(
      'tas uppgifterna med i nästa provkörning och raderas när en administratör godkänner den',
    );
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Häv bevarandet' }).click();
    await expect(page.getByText(`Bevarandet av ${pseudonym} är hävt.`)).toBeVisible();
    await expect(page.getByText('Inga bevarandebeslut gäller.', { exact: false })).toBeVisible();
    await expectAccessible(page);

    // Deletion may proceed: the next dry run lists the case again.
    await page.getByRole('link', { name: 'Tillbaka till gallringen' }).click();
    await page.getByRole('button', { name: 'Gör en provkörning nu' }).click();
    await expect(page.getByText(new RegExp(`^${pseudonym} \\(avslutat`))).toHaveCount(1);
    await expect(page.getByText('Bevaras trots att fristen har löpt ut')).toHaveCount(0);
  });
});

test('an admin sets retention, reviews the dry run and approves it', async ({ page }) => {
  await logIn(page, demo.admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Gallring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gallring' })).toBeVisible();
  await expectAccessible(page);

  // Below the installation's minimum is refused at the field.
  const audit = page.getByLabel('Loggen (räknas från raden), månader');
  await audit.fill('12');
  await page.getByRole('button', { name: 'Spara gallringsfristerna' }).click();
  await expect(page.getByText('En frist är kortare än installationen tillåter.')).toBeVisible();
  await expectAccessible(page);

  const fields = page.getByRole('spinbutton');
  for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill('1200');
  await page.getByRole('button', { name: 'Spara gallringsfristerna' }).click();
  await expect(page.getByText('Gallringsfristerna är sparade.')).toBeVisible();

  await page.getByRole('button', { name: 'Gör en provkörning nu' }).click();
  const report = page.getByRole('table', { name: 'Det som skulle gallras, per slag' });
  await expect(report.getByRole('row', { name: /Barnakt och nätverk/ })).toContainText('1200');
  await expect(page.getByText(/^Ärende [0-9A-F]{8} \(avslutat/)).toHaveCount(1);
  await expect(page.getByText('Gallringsexempel')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Godkänn och gallra' }).click();
  const dialog = page.getByRole('alertdialog');
  // The record, and the lifted legal hold of the test above when it ran first (its record goes with the case).
  await expect(dialog).toContainText(/Detta raderar [12] rader i 1 avslutade ärenden/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Godkänn och gallra' }).click();
  await expect(page.getByText('Gallringen är godkänd och pågår.')).toBeVisible();
  await expect(page.getByText('Klar', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('1 av 1 delar klara')).toBeVisible();
  await expectAccessible(page);
});

test('a manager completes a sampled log review', async ({ page }) => {
  await logIn(page, demo.manager);
  await page.getByRole('link', { name: 'Stickprovsgranskning av loggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stickprovsgranskning av loggen' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Schemalägg granskningar' }).click();
  await expect(page.getByText('Granskningen är schemalagd och det första urvalet är draget.')).toBeVisible();
  // The start page says the review waits, and leads to it.
  await page.goto('/');
  const waiting = page.getByRole('region', { name: 'Loggranskningar att slutföra' });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText('0 av');
  await expectAccessible(page);
  await waiting
    .getByRole('link', { name: /^Stickprov i loggen / })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Granskning / })).toBeVisible();
  await expectAccessible(page);

  const samples = page.getByRole('list', { name: 'Urval' }).getByRole('listitem');
  const count = await samples.count();
  expect(count).toBeGreaterThan(0);
  // The first needs follow-up, with action, owner and due date; the rest are in order.
  const first = samples.first();
  await first.getByLabel('Bedömning').selectOption('follow_up');
  await first.getByLabel('Åtgärd').fill('Samtal om behörighet');
  await first.getByLabel('Klart senast').fill('2030-01-31');
  await expectAccessible(page);
  await first.getByRole('button', { name: 'Spara bedömningen' }).click();
  await expect(first.getByText('Bedömd: Behöver följas upp')).toBeVisible();
  for (let i = 1; i < count; i++) {
    await samples.nth(i).getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect(samples.nth(i).getByText('Bedömd: I sin ordning')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Avsluta granskningen' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Avsluta granskningen' }).click();
  await expect(page.getByText('Granskningen är avslutad och dokumenterad.')).toBeVisible();
  await expectAccessible(page);
});
