import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { apiSession, openChildView } from './hub-helpers.ts';

const mentor = 'mentor@demo.navet.se';
// A colleague of the manager's own organisation (the manager reviews their logs) with no place in Amir's hub.
const coordinator = 'samordnare@demo.navet.se';

async function amirId(baseURL: string): Promise<string> {
  const sw = await apiSession(baseURL, demo.socialWorker);
  const list = (await sw.get('/api/children')) as { items: { id: string; displayName: string }[] };
  const id = list.items.find((c) => c.displayName === 'Amir')!.id;
  await sw.api.dispose();
  return id;
}

test('the history tells a school mentor that some of it is not shared with them', async ({ page, baseURL }) => {
  const id = await amirId(baseURL!);
  const sw = await apiSession(baseURL!, demo.socialWorker);
  const hub = (await sw.get(`/api/children/${id}/hub`)) as { members: { memberId: string; hubRole: string }[] };
  const me = hub.members.find((m) => m.hubRole === 'social_worker')!.memberId;
  const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  // Health information: the child's consent does not cover it, so the school may not see the question.
  await sw.send('POST', `/api/children/${id}/questions`, {
    text: 'Fråga om sömnen efter beskedet.',
    ownerMemberId: me,
    dueOn: due,
    topic: null,
    category: 'health',
  });
  await sw.api.dispose();

  await logIn(page, mentor);
  await page.goto(`/children/${id}`);
  await openChildView(page, 'Historik');
  const history = page.locator('section#timeline');
  await expect(history.getByRole('heading', { name: 'Historik' })).toBeVisible();
  await expect(history.getByText('Viss information delas inte med dig')).toBeVisible();
  await expect(history).not.toContainText('Fråga om sömnen');
  await expectAccessible(page);
});

test('a manager sees a refused attempt on a child in its log, and the person’s own log', async ({ page, baseURL }) => {
  const id = await amirId(baseURL!);
  const samir = await apiSession(baseURL!, coordinator);
  expect((await samir.api.get(`/api/children/${id}/timeline`)).status()).toBe(404);
  await samir.api.dispose();

  await logIn(page, demo.manager);
  await page.goto(`/children/${id}/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg för Amir' })).toBeVisible();
  const log = page.getByRole('region', { name: 'Händelser' });
  const row = log.getByRole('row').filter({ hasText: 'Nekad åtkomst' }).first();
  await expect(row).toContainText('barnet fanns inte eller låg utanför behörigheten');
  await expect(row).toContainText('GET /api/children/:id/timeline');
  await expectAccessible(page);

  await row.getByRole('link', { name: 'Samir Haddad – visa personens logg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logg för Samir Haddad' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Händelser' }).getByRole('row').filter({ hasText: 'Nekad åtkomst' }),
  ).not.toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Registrera loggranskning' })).toBeVisible();
  await expectAccessible(page);
});
