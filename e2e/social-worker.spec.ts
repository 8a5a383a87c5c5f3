import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { openChildView } from './hub-helpers.ts';

test('a social worker sees their children in Swedish, switches to English, opens a child and logs out', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expectAccessible(page);

  await logIn(page, demo.socialWorker);

  // Start page, in Swedish, with the four children whose hub Sara is in.
  await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Sara Lind');
  await expect(page.getByRole('banner')).toContainText('Strömsund (demo)');
  const list = page.locator('.child-list');
  for (const name of ['Amir', 'Hodan', 'Yonas', 'Layla']) {
    await expect(list.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(list.getByRole('link', { name: 'Khalid' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '4 barn' })).toBeVisible();
  // Yonas has no god man: the gap is said in words, not only with colour.
  const yonas = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Yonas' }) });
  await expect(yonas).toContainText('Saknas i navet: god man');
  await expectAccessible(page);

  // Filter on the asylum status: only Amir's application is rejected.
  await page.getByLabel('Asylärende').selectOption('rejected');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 barn' })).toBeVisible();
  await expect(list.getByRole('link')).toHaveText(['Amir']);
  await expect(page).toHaveURL(/asylumStatus=rejected/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(page.getByRole('status').filter({ hasText: '4 barn' })).toBeVisible();

  // Switch to English: text and <html lang> follow.
  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: '4 children' })).toBeVisible();
  await expect(yonas).toContainText('Missing from the hub: god man (guardian)');
  await expectAccessible(page);

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My children' })).toBeVisible();

  // Open a child.
  await list.getByRole('link', { name: 'Amir' }).click();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Rejected');
  await expect(page.getByRole('main')).toContainText('social worker');
  await openChildView(page, 'The hub');
  await expect(page.getByText('Social worker, god man and contact person are in place.')).toBeVisible();
  // A social worker does not review logs.
  await expect(page.getByRole('link', { name: "Review the child's log" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('child-desktop-en.png'), fullPage: true });

  // A child outside one's scope (or none at all) gets the same friendly page.
  await page.goto('/children/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Child not found' })).toBeVisible();
  await expectAccessible(page);

  // Log out.
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('You are logged out.')).toBeVisible();
  await expectAccessible(page);

  // The session is gone: the start page sends back to login.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
