import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'navet-demo-2026';

export const demo = {
  socialWorker: 'socialsekreterare@demo.navet.se',
  godMan: 'godman@demo.navet.se',
  contactPerson: 'kontaktperson@demo.navet.se',
  manager: 'chef@demo.navet.se',
  coordinator: 'samordnare@demo.navet.se',
  admin: 'admin@demo.navet.se',
  /** The second admin, who approves roles the first one requests. */
  admin2: 'admin2@demo.navet.se',
} as const;

/**
 * WCAG 2.1 A and AA checks on what the page shows now. Called on every page
 * (and every dialog) a test visits, so no screen goes unchecked.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Logs in through the form, as a person would, and waits for the start page. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel(/^(E-postadress|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Lösenord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Logga in|Log in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('banner')).toBeVisible();
}
