import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * Two people edit the same map: while the coordinator has the map open, a save
 * lands on top of version 1. Their own save then meets the conflict (409): it
 * is kept as a version of its own, the page says so in words, and the versions
 * list shows both saves to compare.
 */

const COLLABORATION = 'Samverkan ensamkommande Strömsund–Krokom (demo)';

test('a save on top of a version someone saved meanwhile is kept as a version of its own', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, demo.coordinator);
  await page.goto('/collaborations');
  await page.getByRole('link', { name: COLLABORATION }).click();
  await page.getByRole('link', { name: 'Processkartor' }).click();
  await page.getByLabel('Kartans namn').fill(`Konfliktkarta ${Date.now()}`);
  await page.getByRole('button', { name: 'Börja från startkartan' }).click();
  await expect(page.getByRole('heading', { name: 'Spara en ny version (utgår från version 1)' })).toBeVisible();
  await expect(page.locator('.bpmn-canvas [data-element-id="Task_FirstHub"]')).toBeVisible();

  // Someone else saves version 2 while this page still builds on version 1.
  const url = `/api${new URL(page.url()).pathname}`;
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const { xml } = (await (await page.request.get(`${url}/versions/1`)).json()) as { xml: string };
  const theirs = await page.request.post(`${url}/versions`, {
    data: { baseNumber: 1, xml },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(theirs.status()).toBe(201);

  await page.getByRole('button', { name: 'Spara version' }).click();
  await expect(
    page.getByText(
      'Någon annan sparade kartan medan du arbetade. Din ändring är sparad som en egen version – jämför versionerna nedan.',
    ),
  ).toBeVisible();
  // The conflict is told in words, not as an error.
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  const versions = page.getByRole('region', { name: 'Versioner' }).getByRole('listitem');
  await expect(versions.filter({ hasText: /^Version 3, / })).toBeVisible();
  await expect(versions.filter({ hasText: /^Version 2, / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Spara en ny version (utgår från version 3)' })).toBeVisible();
  await expectAccessible(page);
});
