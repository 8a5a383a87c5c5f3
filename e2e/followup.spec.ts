import { execFileSync } from 'node:child_process';
import { expect, test, type Download, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/** The missing-core-role figure counts the demo's open cases in the current month, so it always has a table. */
async function expectCoreRoleFigure(page: Page) {
  const figure = page.getByRole('region', { name: 'Barn som saknar en kärnroll i navet', exact: true });
  await expect(figure).toBeVisible();
  // The chart's text alternative: the summary and a table with the same figures.
  await expect(
    figure.getByRole('table', { name: /Barn som saknar en kärnroll i navet: värden per period/ }),
  ).toBeVisible();
  await expect(figure.getByRole('row', { name: /Hela perioden/ })).toBeVisible();
  await expect(figure.getByRole('img', { name: 'Diagram: Barn som saknar en kärnroll i navet' })).toBeVisible();
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Clicks a download button; the live region says when the file has arrived. */
async function download(page: Page, name: string | RegExp): Promise<{ file: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await downloading;
  await expect(page.getByRole('status').filter({ hasText: 'är nedladdad' })).toBeVisible();
  return { file, bytes: await bytesOf(file) };
}

test("the manager's dashboard: their organisation, a definition page, and a small screen", async ({ page }) => {
  await logIn(page, demo.manager);
  await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning' })).toBeVisible();
  await expectCoreRoleFigure(page);
  // Every indicator has its figure, the newer ones too, each with its definition page.
  for (const name of [
    'Nav vars organisationer täcks av ett samtycke',
    'Barn med en försenad fråga till barnet',
    'Barn med en öppen motsägelse i beskeden',
    'Planens uppföljning hållen i tid',
    'Barn med ett ämne utan ansvarig vuxen',
  ])
    await expect(
      page.getByRole('region', { name, exact: true }).getByRole('link', { name: 'Om indikatorn' }),
    ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Om indikatorn' })).toHaveCount(11);
  // The figures shown, as a file: the CSV holds the same indicator.
  const csv = await download(page, 'CSV-fil');
  expect(csv.file.suggestedFilename()).toBe('uppfoljning-organisation.csv');
  expect(csv.bytes.toString('utf8')).toContain('missing_core_role');
  // A manager does not run the strategic level: no yearly report to offer.
  await expect(page.getByRole('button', { name: /Årsrapport/ })).toHaveCount(0);
  // Nothing recorded for a figure is said in words, not shown as zero.
  await expect(page.getByText(/Inga uppgifter ännu för det här urvalet/).first()).toBeVisible();
  await expectAccessible(page);

  // The chart is reachable from the keyboard.
  const chart = page.getByRole('img', { name: 'Diagram: Barn som saknar en kärnroll i navet' });
  await chart.focus();
  await expect(chart).toBeFocused();

  await page
    .getByRole('region', { name: 'Barn som saknar en kärnroll i navet', exact: true })
    .getByRole('link', { name: 'Om indikatorn' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Barn som saknar en kärnroll i navet' })).toBeVisible();
  await expect(page.getByText('Kända begränsningar')).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('link', { name: 'Tillbaka till uppföljningen' }).click();
  await expectCoreRoleFigure(page);
  await expectAccessible(page);
});

test("the coordinator's and the strategic group's dashboards: municipality, then quarters", async ({ page }) => {
  await logIn(page, demo.coordinator);
  await page.goto('/followup');
  await expect(page.getByRole('heading', { level: 1, name: 'Uppföljning' })).toBeVisible();
  const subject = page.getByLabel('Vilken');
  const options = await subject.locator('option').allTextContents();
  expect(options.some((o) => o.startsWith('Kommunen'))).toBe(true);
  await expectCoreRoleFigure(page);
  await expectAccessible(page);

  // Over time, quarter by quarter (the strategic group's view), for the collaboration when there is one.
  const collaboration = options.findIndex((o) => o.startsWith('Samverkan'));
  if (collaboration >= 0) await subject.selectOption({ index: collaboration });
  await page.getByLabel('Per').selectOption('quarter');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('row', { name: /Q\d/ }).first()).toBeVisible();
  await expectAccessible(page);

  const xlsx = await download(page, 'Excel-fil (XLSX)');
  expect(xlsx.file.suggestedFilename()).toMatch(/^uppfoljning-(collaboration|municipality)\.xlsx$/);
  // An XLSX file is a zip: it starts with "PK".
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  if (collaboration >= 0) {
    // The coordinator runs the strategic level: the yearly report of the year shown.
    const report = await download(page, /Årsrapport \d{4} \(PDF\)/);
    expect(report.file.suggestedFilename()).toMatch(/^uppfoljning-\d{4}\.pdf$/);
    const text = execFileSync('pdftotext', ['-', '-'], { input: report.bytes }).toString('utf8');
    expect(text).toContain('Årsrapport för uppföljning');
    expect(text).toContain('Barn som saknar en kärnroll i navet');
  }
  await expectAccessible(page);
});
