import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

test('a tenant admin adds an organisation and a user, gives and ends a role, and disables the user', async ({
  page,
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
  const roles = page.getByRole('region', { name: 'Roller' });
  await expect(roles).toContainText('Kontaktperson, Familjehemmet Norr');
  await expectAccessible(page);

  // A second role, then end it after confirming.
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Röda Korset Strömsund' });
  await page.getByLabel('Roll', { exact: true }).selectOption('volunteer');
  await page.getByRole('button', { name: 'Ge en roll' }).click();
  const volunteer = roles.getByRole('listitem').filter({ hasText: 'Volontär, Röda Korset Strömsund' });
  await expect(volunteer).toBeVisible();
  await volunteer.getByRole('button', { name: 'Avsluta rollen' }).click();
  const endDialog = page.getByRole('alertdialog', { name: 'Avsluta rollen?' });
  await expect(endDialog).toBeVisible();
  await expectAccessible(page);
  await endDialog.getByRole('button', { name: 'Avsluta rollen' }).click();
  await expect(volunteer).toContainText('avslutad');

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
