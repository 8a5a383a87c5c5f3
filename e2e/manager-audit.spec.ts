import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { openChildView } from './hub-helpers.ts';

test('a manager opens a child’s audit log and records a review', async ({ page }) => {
  await logIn(page, demo.manager);
  await expect(page.getByRole('heading', { level: 1, name: 'Barn som mina medarbetare arbetar med' })).toBeVisible();
  await expect(page.locator('.child-list').getByRole('link', { name: 'Amir' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('start-desktop.png'), fullPage: true });

  await page.locator('.child-list').getByRole('link', { name: 'Amir' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  await expect(page.getByText('Ingen egen roll (du ser barnet som chef)')).toBeVisible();
  await expectAccessible(page);

  // The log is reached from the history's view.
  await openChildView(page, 'Historik');
  await page.getByRole('link', { name: 'Granska barnets logg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg för Amir' })).toBeVisible();
  const log = page.getByRole('region', { name: 'Händelser' });
  // The manager's own visit to the child's page a moment ago is in the log.
  await expect(log.getByRole('row').filter({ hasText: 'Öppnade barnets sida' }).first()).toContainText('Cecilia Norén');
  await expect(page.getByText('Barnets logg har inte granskats tidigare.')).toBeVisible();
  await expectAccessible(page);

  // A review without findings is refused beside the field.
  await page.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(page.getByText('Skriv vad granskningen visade.')).toBeVisible();
  await expect(page.getByLabel('Resultat')).toBeFocused();
  await expectAccessible(page);

  // A period that ends before it starts is refused too.
  await page.getByLabel('Från och med').fill('2026-03-10');
  await page.getByLabel('Till och med').fill('2026-03-01');
  await page.getByLabel('Resultat').fill('Inga anmärkningar.');
  await page.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(page.getByText('Perioden måste sluta samma dag som den börjar eller senare.')).toBeVisible();

  await page.getByLabel('Från och med').fill('2026-01-01');
  await page.getByLabel('Till och med').fill('2026-01-31');
  await page.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(page.getByText('Granskningen är sparad.')).toBeVisible();
  const earlier = page.getByRole('region', { name: 'Tidigare granskningar av barnets logg' });
  await expect(earlier).toContainText('Inga anmärkningar.');
  await expect(earlier).toContainText('Cecilia Norén');
  // Recording the review is itself logged.
  await expect(log.getByRole('row').filter({ hasText: 'Registrerade en loggranskning' })).toHaveCount(1);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('audit-desktop.png'), fullPage: true });

  // The tenant-wide list shows it as well.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Loggranskningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Loggranskningar' })).toBeVisible();
  await expect(page.locator('.review-card').filter({ hasText: 'Inga anmärkningar.' })).toHaveCount(1);
  await expectAccessible(page);
});

test('a social worker cannot open the audit pages', async ({ page }) => {
  await logIn(page, demo.godMan);
  await page.goto('/audit/reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeVisible();
  await expectAccessible(page);
});
