import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

test('a tenant admin adds an organisation and a user, a second admin approves the role, a role is given and ended, and the user disabled', async ({
  page,
  browser,
}) => {
  await logIn(page, demo.admin);
  await expect(page.getByRole('heading', { level: 2, name: 'Administration' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByLabel('Kräv tvåstegsinloggning för alla användare')).not.toBeChecked();
  await expectAccessible(page);

  // An organisation.
  await page.getByRole('main').getByRole('link', { name: 'Organisationer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisationer' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'HVB Solgården' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lägg till organisationen' }).click();
  await expect(page.getByText('Skriv ett namn.')).toBeVisible();
  await expect(page.getByText('Välj typ av huvudman.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Namn').fill('Familjehemmet Norr');
  await page.getByLabel('Typ av huvudman').selectOption('private_provider');
  await page.getByRole('button', { name: 'Lägg till organisationen' }).click();
  await expect(page.getByText('Familjehemmet Norr är tillagd.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Familjehemmet Norr' })).toBeVisible();
  // The same name again is refused beside the field.
  await page.getByLabel('Namn').fill('Familjehemmet Norr');
  await page.getByLabel('Typ av huvudman').selectOption('private_provider');
  await page.getByRole('button', { name: 'Lägg till organisationen' }).click();
  await expect(page.getByText('Välj ett annat namn; det här används redan.')).toBeVisible();

  // A user.
  await page.getByRole('link', { name: 'Tillbaka till administrationen' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Användare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sara Lind' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Lägg till användare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lägg till användare' })).toBeVisible();
  await page.getByLabel('Namn').fill('Fatima Familjehem');
  await page.getByLabel('E-postadress').fill('fatima@demo.navet.se');
  await page.getByLabel('Första lösenord').fill('kort');
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Familjehemmet Norr' });
  await page.getByLabel('Roll', { exact: true }).selectOption('contact_person');
  await page.getByRole('button', { name: 'Skapa användaren' }).click();
  await expect(page.getByText('Lösenordet måste ha minst 12 tecken.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Första lösenord').fill('blåbär ladan älgen fyra');
  await page.getByRole('button', { name: 'Skapa användaren' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Fatima Familjehem' })).toBeVisible();
  await expect(page.getByText('Användaren är skapad.')).toBeVisible();
  // A contact person reads children's data: the role waits for a second admin.
  const pending = page.getByRole('region', { name: 'Väntar på godkännande' });
  await expect(pending).toContainText('Kontaktperson, Familjehemmet Norr');
  await expectAccessible(page);

  // The first admin may not approve their own request; the second admin does, after confirming.
  await page.getByRole('link', { name: 'Roller som väntar på godkännande' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roller som väntar på godkännande' })).toBeVisible();
  const ownRequest = page.getByRole('listitem').filter({ hasText: 'Fatima Familjehem' });
  await expect(ownRequest).toContainText('en annan administratör godkänner den');
  await expect(ownRequest.getByRole('button', { name: 'Godkänn rollen' })).toHaveCount(0);
  await expectAccessible(page);
  const secondContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const second = await secondContext.newPage();
  await logIn(second, demo.admin2);
  await second.goto('/admin/grants');
  const request = second.getByRole('listitem').filter({ hasText: 'Fatima Familjehem' });
  await request.getByRole('button', { name: 'Godkänn rollen' }).click();
  const approveDialog = second.getByRole('alertdialog', { name: 'Godkänna rollen?' });
  await expect(approveDialog).toContainText('Fatima Familjehem får rollen Kontaktperson i Familjehemmet Norr');
  await expectAccessible(second);
  await approveDialog.getByRole('button', { name: 'Godkänn rollen' }).click();
  await expect(second.getByText('Fatima Familjehem har fått rollen Kontaktperson.')).toBeVisible();
  await expectAccessible(second);
  await secondContext.close();

  // Back on the user's page, read afresh: the role is given.
  await page.goBack();
  await page.reload();
  const roles = page.getByRole('region', { name: 'Roller' });
  await expect(roles).toContainText('Kontaktperson, Familjehemmet Norr');
  await expect(page.getByRole('region', { name: 'Väntar på godkännande' })).toHaveCount(0);

  // A role without children's data is given at once; then end it after confirming.
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Strömsunds kommun, socialtjänsten' });
  await page.getByLabel('Roll', { exact: true }).selectOption('coordinator');
  await page.getByRole('button', { name: 'Ge en roll' }).click();
  const coordinator = roles.getByRole('listitem').filter({ hasText: 'Samordnare, Strömsunds kommun, socialtjänsten' });
  await expect(coordinator).toBeVisible();
  await coordinator.getByRole('button', { name: 'Avsluta rollen' }).click();
  const endDialog = page.getByRole('alertdialog', { name: 'Avsluta rollen?' });
  await expect(endDialog).toBeVisible();
  await expectAccessible(page);
  await endDialog.getByRole('button', { name: 'Avsluta rollen' }).click();
  await expect(coordinator).toContainText('avslutad');

  // Disable the account.
  await page.getByRole('button', { name: 'Stäng av kontot' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stäng av kontot' }).click();
  await expect(page.getByRole('main')).toContainText('Avstängd');
  await expect(page.getByRole('button', { name: 'Stäng av kontot' })).toHaveCount(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: test.info().outputPath('admin-user-360.png'), fullPage: true });
});

test('someone who is not an admin is told so on the admin pages', async ({ page }) => {
  await logIn(page, demo.manager);
  await expect(
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }),
  ).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await expectAccessible(page);
});
