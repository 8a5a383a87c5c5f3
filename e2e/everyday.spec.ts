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

test('the child page opens with a summary, shows one view at a time and keeps its forms closed until asked', async ({
  page,
}) => {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, demo.socialWorker);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${shots}/start-${label}-desktop.png`, fullPage: true });
  const startHeight = await height(page);

  await openChild(page, 'Amir');
  const childUrl = page.url();
  // The first view has loaded (its sections, and no "loading" left) before measuring.
  await expect(page.getByRole('region', { name: 'Besked till barnet' })).toBeVisible();
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
  await expect(page.getByRole('region', { name: 'Att göra i navet' })).toBeVisible();

  // Forms are closed: a button opens one and focus moves into it.
  const events = page.getByRole('region', { name: 'Händelser och datum' });
  const open = events.getByRole('button', { name: 'Registrera en händelse' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await expect(events.getByLabel('Händelse', { exact: true })).toHaveCount(0);
  // Was 9,664 px on this child with every form open; 6,522 with forms closed and topics side by side; 7,332 once
  // the child's messages and the whole history joined (each ten entries a page); 7,388 before the sections were
  // grouped in views, one shown at a time (issue 17 asks for under 3,000 px). This guards against growing back; it
  // runs first (the 'seeded' project in playwright.config.ts), on the demo data as seeded, so other tests'
  // questions, messages and history on the same child do not move it.
  expect(childHeight).toBeLessThan(3_000);
  await expectAccessible(page);
  await open.click();
  await expect(events.getByLabel('Händelse', { exact: true })).toBeFocused();

  // Sent empty: the form says what is missing at the field, headed as a check, not a failure.
  await events.getByRole('button', { name: 'Registrera', exact: true }).click();
  await expect(events.getByText('Kontrollera fälten')).toBeVisible();
  await expect(events.getByText('Något gick fel')).toHaveCount(0);
  await expect(events.getByLabel('Händelse', { exact: true })).toBeFocused();
  await expectAccessible(page);

  // Every view is a link away and shows its sections, only its own; the view is in the URL.
  const views = page.getByRole('navigation', { name: 'Innehåll på sidan' });
  const sections: [string, string, string[]][] = [
    ['Händelser', 'events', ['Händelser och datum', 'Besked till barnet']],
    ['Navet', 'hub', ['Vuxna i navet', 'Vem barnet frågar om vad', 'Första mötet']],
    ['Frågor', 'questions', ['Frågor att ta upp med barnet']],
    ['Möten', 'meetings', ['Möten', 'Öppna beslut']],
    ['Plan', 'plan', ['Samordnad individuell plan (SIP / I-SIP)']],
    ['Barnet', 'child', ['Barnets egen sida', 'Meddelanden från barnet']],
    ['Historik', 'history', ['Historik']],
  ];
  await expect(views.getByRole('link')).toHaveText(sections.map(([name]) => name));
  for (const [name, view, regions] of sections) {
    await views.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?view=${view}$`));
    await expect(views.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(views.locator('[aria-current]')).toHaveCount(1);
    for (const region of regions) await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
    // The other views' sections are not on the page (nor do they ask the server for anything).
    for (const [, other, otherRegions] of sections)
      if (other !== view)
        for (const region of otherRegions.filter((r) => !regions.includes(r)))
          await expect(page.getByRole('region', { name: region, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('link', { name: 'Granska barnets logg' })).toHaveCount(0);
  await expectAccessible(page);

  // Reload and back keep the view.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Historik', exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?view=child$/);
  await expect(page.getByRole('region', { name: 'Barnets egen sida' })).toBeVisible();

  // With the keyboard: Tab reaches the view links, Enter opens one.
  await views.getByRole('link', { name: 'Plan', exact: true }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(views.getByRole('link', { name: 'Möten', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Öppna beslut' })).toBeVisible();

  // An anchor to a section, from an older link or a notice, opens its view and goes to the section.
  await page.goto(`${childUrl}#questions`);
  await expect(page.getByRole('region', { name: 'Frågor att ta upp med barnet' })).toBeFocused();
  await expect(page).toHaveURL(/\?view=questions#questions$/);
  await expect(views.getByRole('link', { name: 'Frågor', exact: true })).toHaveAttribute('aria-current', 'page');
  // The summary's next date opens the events view, at its section.
  await summary.locator('div').filter({ hasText: 'Nästa datum' }).getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Händelser och datum' })).toBeFocused();
  await expect(page).toHaveURL(/\?view=events#events$/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(childUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Besked till barnet' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  console.log(`everyday ${label}: child page ${await height(page)} px at 390 wide`);
  // The view links wrap: nothing makes the page scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/child-${label}-phone.png`, fullPage: true });
  await expectAccessible(page);
});
