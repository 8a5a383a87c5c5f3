import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * Browser tests share one demo database: the periods set here (1200 months, the longest) select only the demo's
 * case closed in 1925 (server/demo/retention.ts), so approving the dry run deletes nothing another test reads.
 */
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
  await expect(dialog).toContainText('Detta raderar 1 rader i 1 avslutade ärenden');
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
  await page
    .getByRole('link', { name: /^Period / })
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
