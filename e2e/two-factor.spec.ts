import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD, demo, expectAccessible, logIn } from './helpers.ts';

const volunteer = 'volontar@demo.navet.se';

test('with two-factor login required, a user links an authenticator app, then logs in with a code', async ({
  browser,
  page,
}) => {
  // The admin turns the rule on, in a browser of their own, and turns it off again at the end.
  const adminContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const admin = await adminContext.newPage();
  const requireTotp = admin.getByLabel('Kräv tvåstegsinloggning för alla användare');
  await logIn(admin, demo.admin);
  await admin.goto('/admin');
  await requireTotp.check();
  await admin.getByRole('button', { name: 'Spara' }).click();
  await expect(admin.getByText('Inställningen är sparad.')).toBeVisible();

  try {
    await page.goto('/login');
    const notice = page.locator('.notice').filter({ hasText: 'Demoversion' });
    await expect(notice).toContainText('Demo: påhittade uppgifter.');
    await expect(notice).not.toContainText('avstängd');

    await page.getByLabel('E-postadress').fill(volunteer);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();

    // Enrolment: the secret in groups of four, to type into an app.
    const heading = page.getByRole('heading', { level: 1, name: 'Koppla en autentiseringsapp' });
    await expect(heading).toBeFocused();
    const grouped = await page.locator('.code--secret').innerText();
    expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = grouped.replace(/\s/g, '');
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('enrol-desktop.png'), fullPage: true });

    const code = page.getByLabel('Kod med sex siffror');
    await code.fill('12');
    await page.getByRole('button', { name: 'Koppla appen och logga in' }).click();
    await expect(page.getByText('Skriv de sex siffrorna från autentiseringsappen.')).toBeVisible();
    await expect(code).toBeFocused();
    await expectAccessible(page);

    await code.fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Koppla appen och logga in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();
    // A volunteer sees the child in the narrow view: no case facts.
    const layla = page.locator('.child-card').filter({ hasText: 'Layla' });
    await expect(layla).toBeVisible();
    await expect(layla).not.toContainText('Asylärende');
    await expectAccessible(page);

    // Next time: a code from the app. The last code cannot be replayed, so take the next one.
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
    await page.getByLabel('E-postadress').fill(volunteer);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ange kod' })).toBeFocused();
    await expectAccessible(page);
    await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();
  } finally {
    await requireTotp.uncheck();
    await admin.getByRole('button', { name: 'Spara' }).click();
    await expect(admin.getByText('Inställningen är sparad.')).toBeVisible();
    await adminContext.close();
  }
});
