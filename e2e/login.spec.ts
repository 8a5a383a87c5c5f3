import { expect, test } from '@playwright/test';
import { demoUsers } from '../server/demo/users.ts';
import { DEMO_PASSWORD, demo, expectAccessible, logIn } from './helpers.ts';

test('the login page says it is a demo, with two-factor off, and lists every demo login', async ({ page }) => {
  await page.goto('/login');
  const notice = page.locator('.notice').filter({ hasText: 'Demoversion' });
  await expect(notice).toContainText('Demo: påhittade uppgifter. Tvåstegsinloggning är avstängd i demon.');
  await expect(notice).toContainText(DEMO_PASSWORD);
  await notice.getByText('Visa demokonton').click();
  for (const user of demoUsers) await expect(notice.getByRole('button', { name: user.email })).toBeVisible();
  await expectAccessible(page);

  // Picking a demo login fills in the form.
  await notice.getByRole('button', { name: demo.godMan }).click();
  await expect(page.getByLabel('E-postadress')).toHaveValue(demo.godMan);
  await expect(page.getByLabel('Lösenord')).toHaveValue(DEMO_PASSWORD);
});

test('a wrong password, and empty fields, are explained', async ({ page }) => {
  await page.goto('/login');

  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Skriv din e-postadress.')).toBeVisible();
  await expect(page.getByText('Skriv ditt lösenord.')).toBeVisible();
  await expect(page.getByLabel('E-postadress')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-postadress')).toBeFocused();
  await expectAccessible(page);

  await page.getByLabel('E-postadress').fill(demo.coordinator);
  await page.getByLabel('Lösenord').fill('not-the-password');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('E-postadressen eller lösenordet är fel.');
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);

  // The right password still works afterwards.
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Samir Haddad' })).toBeVisible();
});

test('too many wrong passwords make this address wait; the admin sees why and unlocks', async ({ page, browser }) => {
  await page.goto('/login');
  // An account no other browser test logs in with (check before using it elsewhere): this address waits a while.
  await page.getByLabel('E-postadress').fill('elevhalsa@demo.navet.se');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.getByLabel('Lösenord').fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toContainText('E-postadressen eller lösenordet är fel.');
  }
  await page.getByLabel('Lösenord').fill('wrong-password-5');
  await page.getByRole('button', { name: 'Logga in' }).click();
  const waiting = 'För många misslyckade inloggningar härifrån. Försök igen om 1 minut.';
  await expect(page.getByRole('alert')).toContainText(waiting);
  await expectAccessible(page);
  // From this address even the right password waits: otherwise the wait would tell a guess is right.
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText(waiting);

  // The tenant admin sees the failures and from where, and unlocks.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, demo.admin);
  await admin.goto('/admin/users');
  await admin.getByRole('link', { name: 'Elin Strand' }).click();
  await expect(admin.getByRole('heading', { level: 2, name: 'Misslyckade inloggningar' })).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Adresser som misslyckats det senaste dygnet' })).toContainText(
    '127.0.0.1',
  );
  await expectAccessible(admin);
  await admin.getByRole('button', { name: 'Lås upp kontot' }).click();
  await admin.getByRole('alertdialog').getByRole('button', { name: 'Lås upp kontot' }).click();
  await expect(admin.getByText('Kontot är upplåst.')).toBeVisible();
  await expect(admin.getByText('Inga misslyckade inloggningar det senaste dygnet.')).toBeVisible();
  await adminContext.close();

  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
});

test('the coordinator starts at the collaboration: its steps done and what comes next, no child list', async ({
  page,
}) => {
  await logIn(page, demo.coordinator);
  const section = page.getByRole('region', { name: 'Samverkan' });
  await expect(section.getByRole('link', { name: 'Samverkan ensamkommande Strömsund–Krokom (demo)' })).toBeVisible();
  await expect(section.getByText(/^\d av 7 steg klara\.$/).first()).toBeVisible();
  await expect(section.getByText(/^Nästa steg: \d /).first()).toBeVisible();
  await expect(page.locator('.child-list')).toHaveCount(0);
  await expectAccessible(page);
});

test('an ended session sends the user to login with a message', async ({ page, context }) => {
  await logIn(page, demo.contactPerson);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();
  // The server forgets the session (as after the idle timeout): the next request gets 401.
  await context.clearCookies();
  await page.locator('.child-list').getByRole('link', { name: 'Hodan' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Din inloggning har gått ut. Logga in igen för att fortsätta.')).toBeVisible();
  await expectAccessible(page);

  // Logging in again returns to where the user was going.
  await page.getByLabel('E-postadress').fill(demo.contactPerson);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hodan' })).toBeVisible();
});

test('"log out everywhere" asks first, then ends the session', async ({ page }) => {
  await logIn(page, demo.contactPerson);
  await page.getByRole('button', { name: 'Logga ut överallt' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Logga ut på alla enheter?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);

  // Cancel keeps the session.
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut överallt' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Logga ut överallt' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Du är utloggad på alla enheter.')).toBeVisible();
});
