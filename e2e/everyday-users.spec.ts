import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

test('the admin’s users are a table: filter by role and organisation, search by name or e-mail, kept in the address', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, demo.admin);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Användare med roller, status och åtgärder' });
  await expect(table.getByRole('rowheader', { name: 'Sara Lind' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Roll', { exact: true }).selectOption('god_man');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/role=god_man/);
  await expect(table.getByRole('rowheader', { name: 'Sara Lind' })).toHaveCount(0);
  const godMen = await table.locator('tbody tr').count();
  expect(godMen).toBeGreaterThan(0);
  for (const row of await table.locator('tbody tr').all()) await expect(row).toContainText('God man');

  await page.getByLabel('Roll', { exact: true }).selectOption('');
  const orgSelect = page.getByLabel('Organisation', { exact: true });
  await orgSelect.selectOption({ label: 'HVB Solgården' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/organisationId=/);
  for (const row of await table.locator('tbody tr').all()) await expect(row).toContainText('HVB Solgården');

  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await page.getByLabel('Sök på namn eller e-post').fill('socialsekreterare@demo');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.getByRole('rowheader', { name: 'Sara Lind' })).toBeVisible();

  await page.getByLabel('Sök på namn eller e-post').fill('ingen-sadan-person');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByText('Inga användare matchar. Prova att rensa filtret.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(table.getByRole('rowheader', { name: 'Sara Lind' })).toBeVisible();
  await expectAccessible(page);
});
