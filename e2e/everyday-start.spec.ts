import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

test('the start page says what to do next: the god man’s question for Amir, linked to where it is done', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, demo.godMan);
  const day = page.getByRole('region', { name: 'Din dag' });
  await expect(day).toBeVisible();
  // Every part is there, with its lines or a plain word that there are none.
  for (const part of ['Datum i ärendena', 'Försenat och snart', 'Möten den här veckan', 'Planer att följa upp'])
    await expect(day.getByRole('region', { name: part })).toBeVisible();
  const due = day.getByRole('region', { name: 'Försenat och snart' });
  const question = due.getByRole('link', { name: /^Fråga till Amir: Förklara vad avslaget betyder/ });
  await expect(question).toBeVisible();
  await expect(due).toContainText('om 3 dagar');
  await expect(day.getByRole('region', { name: 'Planer att följa upp' })).toContainText(
    'Inga planer att följa upp de närmaste 14 dagarna.',
  );
  await expect(day.getByRole('link', { name: 'Alla mina uppgifter' })).toHaveAttribute('href', '/tasks');
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await question.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  // Where it is done: the child page's questions, not its first view.
  await expect(page.getByRole('region', { name: 'Frågor att ta upp med barnet' })).toBeFocused();
});

test('for an admin with no hub: their notices and meetings, or that nothing waits', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, demo.admin);
  const day = page.getByRole('region', { name: 'Din dag' });
  await expect(day).toBeVisible();
  await expect(day.getByRole('region', { name: 'Datum i ärendena' })).toHaveCount(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
});

test('the social worker’s day in English', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, demo.socialWorker);
  await page.getByRole('button', { name: /English/ }).click();
  const en = page.getByRole('region', { name: 'Your day' });
  await expect(en).toBeVisible();
  await expect(en.getByRole('region', { name: 'Dates in the cases' })).toBeVisible();
  await expectAccessible(page);

  // Back to Swedish, and saved: the choice follows the account, and later tests read this social worker in Swedish.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/locale') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'På svenska' }).click();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByRole('region', { name: 'Din dag' })).toBeVisible();
});
