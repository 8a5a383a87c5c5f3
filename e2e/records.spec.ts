import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { openChildView } from './hub-helpers.ts';

test('the god man requests a registry extract for a child and downloads it', async ({ page }) => {
  await logIn(page, demo.godMan);
  await page.goto('/');
  await page.locator('.child-list').getByRole('link', { name: 'Amir', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();

  // The child's history: filtered to one kind, only that kind is listed.
  await openChildView(page, 'Historik');
  const history = page.getByRole('list', { name: 'Barnets historik' });
  await expect(history.getByRole('listitem').first()).toBeVisible();
  const filter = page.getByRole('form', { name: 'Visa' });
  await filter.getByLabel('Typ').selectOption({ label: 'Nätverket' });
  await filter.getByRole('button', { name: 'Visa' }).click();
  await expect(history.getByRole('listitem').first()).toContainText('Nätverket:');
  for (const text of await history.getByRole('listitem').allInnerTexts()) expect(text).toMatch(/^Nätverket:/);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Begär registerutdrag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registerutdrag för Amir' })).toBeVisible();
  await expect(page.getByText('Inga utdrag har begärts ännu.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Begär registerutdrag' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Ja, begär utdrag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utdraget har begärts' })).toBeVisible();

  // The job runner builds it; the list polls until the link appears.
  const link = page.getByRole('link', { name: 'Ladda ner (zip)' });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('cell', { name: 'Klart' })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(files).sort()).toEqual(['registerutdrag.json', 'registerutdrag.pdf']);
  const json = JSON.parse(strFromU8(files['registerutdrag.json']!)) as { subjectName: string; subject: string };
  expect(json).toMatchObject({ subject: 'child', subjectName: 'Amir' });
});

test('every user finds "Mina personuppgifter" and can ask for their own extract', async ({ page }) => {
  await logIn(page, demo.contactPerson);
  await page.getByRole('navigation').getByRole('link', { name: 'Mina personuppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina personuppgifter' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Begär registerutdrag' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, begär utdrag' }).click();
  await expect(page.getByRole('link', { name: 'Ladda ner (zip)' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page);
});
