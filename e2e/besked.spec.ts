import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

async function switchTo(page: Page, email: string) {
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, email);
}

async function openAmir(page: Page) {
  await page.goto('/');
  await page.locator('.child-list').getByRole('link', { name: 'Amir', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
}

async function tell(page: Page, summary: string) {
  await openAmir(page);
  await page.getByRole('region', { name: 'Besked till barnet' }).getByRole('link', { name: 'Visa beskeden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Besked till Amir' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Anteckna ett besked' });
  await form.getByLabel('Fråga').selectOption({ label: 'Återvändande' });
  await form.getByLabel('Vad du sa').fill(summary);
  await form.getByLabel('Språk').selectOption('prs');
  await form.getByLabel('Tolk användes').check();
  await form.getByRole('button', { name: 'Spara beskedet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Beskedet är sparat.' })).toBeVisible();
}

test('two besked entries marked as contradicting flag the child until the hub records its agreed line', async ({
  page,
}) => {
  const said = `Beslutet kan överklagas inom tre veckor (${Date.now()}).`;
  const other = `Du får säkert stanna i Sverige (${Date.now()}).`;

  await logIn(page, demo.socialWorker);
  await tell(page, said);
  await expectAccessible(page);

  await switchTo(page, demo.contactPerson);
  await tell(page, other);

  // The god man sees both side by side and marks them as contradicting.
  await switchTo(page, demo.godMan);
  await openAmir(page);
  await page.getByRole('link', { name: 'Visa beskeden' }).click();
  const topic = page.getByRole('region', { name: 'Återvändande' });
  await expect(topic.getByText(said)).toBeVisible();
  await expect(topic.getByText(other)).toBeVisible();
  await topic.getByLabel('Jämför beskedet från Sara Lind').first().check();
  await topic.getByLabel('Jämför beskedet från Karin Berg').first().check();
  await topic.getByLabel('Hur säger de emot varandra?').fill('Olika besked om framtiden');
  await topic.getByRole('button', { name: 'Markera som motstridiga' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Beskeden är markerade som motstridiga.' })).toBeVisible();
  await expect(topic.getByText('Markerat som motstridigt')).toHaveCount(2);
  await expectAccessible(page);

  // The child's page flags it.
  await openAmir(page);
  const panel = page.getByRole('region', { name: 'Besked till barnet' });
  await expect(panel).toContainText('Motstridiga besked');
  await expectAccessible(page);

  // The hub agrees its line on the topic and who tells Amir: the flag clears.
  await panel.getByRole('link', { name: 'Visa beskeden' }).click();
  await topic.getByRole('button', { name: 'Anteckna navets gemensamma besked' }).click();
  await topic
    .getByLabel('Vad barnet ska få veta om Återvändande')
    .fill('Beslutet gäller. Vi hjälper dig att överklaga.');
  await topic.getByLabel('Vem ger beskedet till barnet?').selectOption({ label: 'Sara Lind (socialsekreterare)' });
  await expectAccessible(page);
  await topic.getByRole('button', { name: 'Spara det gemensamma beskedet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Det gemensamma beskedet är sparat.' })).toBeVisible();
  // The agreed line stands above the entries.
  await expect(topic.locator('.besked-line')).toContainText('Beslutet gäller. Vi hjälper dig att överklaga.');
  await expect(topic.locator('.besked-line')).toContainText('Sara Lind');
  await expect(topic.getByText('Markerat som motstridigt')).toHaveCount(0);

  await openAmir(page);
  await expect(page.getByRole('region', { name: 'Besked till barnet' })).not.toContainText('Motstridiga besked');
  await expect(page.getByRole('region', { name: 'Besked till barnet' })).toContainText('Inga motstridigheter');
});
