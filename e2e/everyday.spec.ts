import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

// Screenshots outlive the run's own output folder (Playwright empties it at each start).
const shots = 'test-results/everyday';
// "before"/"after" when measuring a change; the default is what CI runs.
const label = process.env.NAVET_EVERYDAY_SHOT ?? 'after';

async function openChild(page: Page, name: string): Promise<void> {
  await page.locator('.child-list').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function height(page: Page): Promise<number> {
  return page.evaluate(() => document.body.scrollHeight);
}

test('the child page opens with a summary, lists every section and keeps its forms closed until asked', async ({
  page,
}) => {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, demo.socialWorker);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${shots}/start-${label}-desktop.png`, fullPage: true });
  const startHeight = await height(page);

  await openChild(page, 'Amir');
  // Every section has loaded (the last one, the timeline, and no "loading" left) before measuring.
  await expect(page.locator('#timeline')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Hämtar|Laddar/ })).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  const childHeight = await height(page);
  await page.screenshot({ path: `${shots}/child-${label}-desktop.png`, fullPage: true });
  console.log(`everyday ${label}: start page ${startHeight} px, child page ${childHeight} px (1280 wide)`);
  if (label === 'before') return;

  // The summary comes first: the next dates and what needs doing, each a link to its section.
  const summary = page.getByRole('region', { name: 'Översikt' });
  await expect(summary).toContainText('Nästa datum');
  await expect(summary).toContainText('Nästa möte');
  await expect(summary).toContainText('Att göra');

  // The contents list every section, the ones that were missing included.
  const contents = page.getByRole('navigation', { name: 'Innehåll på sidan' });
  for (const section of [
    'Händelser och datum',
    'Möten',
    'Öppna beslut',
    'Besked till barnet',
    'Samordnad individuell plan',
  ]) {
    await expect(contents.getByRole('link', { name: new RegExp(`^${section}`) })).toBeVisible();
  }
  for (const link of await contents.getByRole('link').all()) {
    const target = (await link.getAttribute('href')) ?? '';
    await expect(page.locator(target), `section ${target}`).toHaveCount(1);
  }

  // Forms are closed: a button opens one and focus moves into it.
  const events = page.getByRole('region', { name: 'Händelser och datum' });
  const open = events.getByRole('button', { name: 'Registrera en händelse' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await expect(events.getByLabel('Händelse', { exact: true })).toHaveCount(0);
  // Was 9,664 px on this child with every form open; 6,522 with forms closed and topics side by side; 7,332 once
  // the child's messages and the whole history joined (each ten entries a page). The target is under 3,000 px
  // (issue 17): tabs or collapsed topics and agreements are still to come. This guards against growing back; it runs
  // first (the 'seeded' project in playwright.config.ts), on the demo data as seeded, so other tests' questions,
  // messages and history on the same child do not move it.
  expect(childHeight).toBeLessThan(7_500);
  await expectAccessible(page);
  await open.click();
  await expect(events.getByLabel('Händelse', { exact: true })).toBeFocused();

  // Sent empty: the form says what is missing at the field, headed as a check, not a failure.
  await events.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(events.getByText('Kontrollera fälten')).toBeVisible();
  await expect(events.getByText('Något gick fel')).toHaveCount(0);
  await expect(events.getByLabel('Händelse', { exact: true })).toBeFocused();
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  console.log(`everyday ${label}: child page ${await height(page)} px at 390 wide`);
  await page.screenshot({ path: `${shots}/child-${label}-phone.png`, fullPage: true });
  await expectAccessible(page);
});
