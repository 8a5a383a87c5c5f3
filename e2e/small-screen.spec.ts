import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('the start page works on a 360 px wide screen', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('login-360.png'), fullPage: true });

  await logIn(page, demo.godMan);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();
  for (const name of ['Amir', 'Hodan', 'Layla', 'Khalid']) {
    await expect(page.locator('.child-list').getByRole('link', { name, exact: true })).toBeVisible();
  }
  // Nothing sticks out sideways: no horizontal scrolling (WCAG 1.4.10 reflow).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('start-360.png'), fullPage: true });

  // The skip link is the first stop and lands on the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
