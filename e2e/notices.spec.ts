import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/** Today plus days, as the Swedish medium date the page shows ("7 apr. 2026"). */
function swedishDate(daysFromToday: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

test('a rejection recorded by the contact person reaches the social worker’s open page at once; she acknowledges it and sees the appeal deadline', async ({
  page: sara, // the social worker
  browser,
  baseURL,
  locale,
  timezoneId,
}) => {
  // The contact person at the HVB, on another computer: her own browser context and session.
  const karinContext = await browser.newContext({ baseURL, locale, timezoneId });
  const karin = await karinContext.newPage();
  await logIn(sara, demo.socialWorker);
  await expect(sara.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();
  await expect(sara.getByRole('link', { name: /^Notiser/ })).toBeVisible();
  // Other notices may be waiting already (a reminder before a child turns 18): count from here.
  const before = await sara.evaluate(async () => {
    const res = await fetch('/api/notifications?unread=true&pageSize=1');
    return ((await res.json()) as { unreadCount: number }).unreadCount;
  });
  const unread = (n: number) => (n === 1 ? '1 oläst' : `${n} olästa`);

  await logIn(karin, demo.contactPerson);
  await karin.locator('.child-list').getByRole('link', { name: 'Amir', exact: true }).click();
  await expect(karin.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  const section = karin.getByRole('region', { name: 'Händelser och datum' });
  await section.getByRole('button', { name: 'Registrera en händelse' }).click();
  await expect(section.getByRole('heading', { name: 'Registrera en händelse' })).toBeVisible();
  await expectAccessible(karin);

  await section.getByLabel('Händelse', { exact: true }).selectOption('asylum_rejected');
  await section.getByLabel('Källa').selectOption('migrationsverket');
  await section.getByLabel('Kort anteckning').fill('Beslutet kom med posten i dag.');
  const recorded = karin.waitForResponse((r) => r.url().endsWith('/events') && r.request().method() === 'POST');
  await section.getByRole('button', { name: 'Registrera', exact: true }).click();
  expect((await recorded).status()).toBe(201);

  // Sara has not reloaded: the notice is pushed to her open page within a second.
  const urgent = sara.locator('.live-notice--immediate');
  await expect(urgent).toContainText('Avslag på asylansökan – Amir', { timeout: 1_000 });
  await expect(urgent).toContainText('Brådskande');
  // The rejection itself and the proposal of a hub meeting.
  await expect(sara.getByTestId('unread-count')).toHaveText(unread(before + 2));
  await expect(section.getByText('Händelsen är registrerad.', { exact: false })).toBeVisible();
  await expectAccessible(sara);

  await urgent.getByRole('button', { name: 'Jag har sett detta' }).click();
  await expect(urgent).toHaveCount(0);
  await expect(sara.getByTestId('unread-count')).toHaveText(unread(before + 1));

  // The list says when she acknowledged it.
  await sara.getByRole('link', { name: /^Notiser/ }).click();
  await expect(sara.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
  const acknowledged = sara.locator('.notice-item').filter({ hasText: 'Avslag på asylansökan – Amir' });
  await expect(acknowledged).toContainText('Kvitterad');
  await expect(sara.getByRole('region', { name: 'Mina datum' })).toContainText('Sista dag att överklaga');
  await expectAccessible(sara);

  // The appeal deadline, three weeks from the notice, on the child's page.
  await acknowledged.getByRole('link', { name: 'Öppna' }).click();
  await expect(sara.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  const deadlines = sara.getByTestId('child-deadlines');
  await expect(deadlines).toContainText(`${swedishDate(21)} – Sista dag att överklaga`);
  await expect(sara.getByRole('region', { name: 'Händelser och datum' })).toContainText(
    'Beslutet kom med posten i dag.',
  );
  await expectAccessible(sara);
  await karinContext.close();
});
