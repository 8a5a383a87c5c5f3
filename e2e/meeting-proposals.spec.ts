import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { apiSession, createSocialWorker, swedishDate, type NewUser } from './hub-helpers.ts';

/**
 * A child of this test alone, in the hub of a social worker made for it with the demo's god man and
 * contact person (the core three, so Navet proposes the first meeting). The demo's children stay as
 * other tests count them.
 */
async function ownChild(baseURL: string, worker: NewUser, first: string) {
  const s = await apiSession(baseURL, worker.email, worker.password);
  const name = `${first} ${Date.now() % 100000}`;
  const child = (await s.send('POST', '/api/children', { displayName: name, languages: ['sv'] })) as { id: string };
  const people = (await s.get('/api/hub/people?limit=100')) as { items: { userId: string; displayName: string }[] };
  for (const [who, hubRole] of [
    ['Göran Ek', 'god_man'],
    ['Karin Berg', 'contact_person'],
  ] as const) {
    const person = people.items.find((p) => p.displayName === who);
    expect(person, who).toBeTruthy();
    await s.send('POST', `/api/children/${child.id}/hub/members`, { userId: person!.userId, hubRole });
  }
  return { id: child.id, name, session: s };
}

const summaryOf = (page: Page) => page.getByRole('region', { name: 'Översikt' });

test('a changed wellbeing drafts a hub meeting that stays on the summary and the start page until it is cancelled with a reason', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const worker = await createSocialWorker(baseURL!, 'Maja Möteberg');
  const child = await ownChild(baseURL!, worker, 'Rahim');
  await child.session.send('POST', `/api/children/${child.id}/events`, {
    type: 'wellbeing_changed',
    occurredOn: swedishDate(0),
    source: 'residence',
    note: 'Sover dåligt sedan en vecka.',
  });
  await child.session.api.dispose();

  await logIn(page, worker.email, worker.password);
  // The start page: the proposal, whatever its date, until it is resolved (the job runs within seconds).
  const proposals = page.getByRole('region', { name: 'Möten som Navet föreslagit' });
  await expect(async () => {
    await page.goto('/');
    await expect(proposals).toContainText(`Navetmöte (föreslaget av Navet) om ${child.name}`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);

  await page.goto(`/children/${child.id}`);
  const summary = summaryOf(page);
  await expect(summary).toContainText('Möte som Navet föreslagit');
  await expectAccessible(page);
  await summary.getByRole('link', { name: /håll det eller ställ in med motivering/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Navetmöte (föreslaget av Navet)' })).toBeVisible();
  // The hub is invited.
  const participants = page.getByRole('region', { name: 'Deltagare' });
  await expect(participants.getByRole('listitem').filter({ hasText: 'Göran Ek' })).toContainText('Har inte svarat');
  await expect(participants.getByRole('listitem').filter({ hasText: 'Karin Berg' })).toBeVisible();
  await expectAccessible(page);

  // Declining needs a reason, said at the field.
  await page.getByRole('button', { name: 'Ställ in mötet' }).click();
  await page.getByRole('button', { name: 'Ställ in', exact: true }).click();
  await expect(page.getByText('Skriv varför mötet ställs in.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Varför ställs mötet in?').fill('Vi tar det på fredagens ordinarie navetmöte.');
  await page.getByRole('button', { name: 'Ställ in', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mötet är inställt.' })).toBeVisible();

  await page.goto(`/children/${child.id}`);
  await expect(summaryOf(page)).toContainText('Att göra');
  await expect(summaryOf(page)).not.toContainText('Möte som Navet föreslagit');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Din dag' })).toBeVisible();
  await expect(proposals).toHaveCount(0);
});

test('the first meeting is booked from its checklist, and holding it ticks "the meeting is held"', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const worker = await createSocialWorker(baseURL!, 'Ines Förstamöte');
  const child = await ownChild(baseURL!, worker, 'Samira');
  await child.session.api.dispose();

  await logIn(page, worker.email, worker.password);
  // The first meeting is in the hub's view: its anchor opens it.
  await page.goto(`/children/${child.id}#first-meeting`);
  const first = page.locator('#first-meeting');
  await first.getByRole('link', { name: 'Boka första mötet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Planera ett möte' })).toBeVisible();
  // The kind and the proposed day come filled in.
  await expect(page.getByLabel('Datum')).toHaveValue(swedishDate(7));
  await page.getByLabel('Rubrik').fill(`Första mötet för ${child.name}`);
  await page.getByLabel(/Göran Ek/).check();
  await page.getByLabel(/Karin Berg/).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Planera mötet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Första mötet för ${child.name}` })).toBeVisible();
  const meetingUrl = page.url();

  await page.goto(`/children/${child.id}#first-meeting`);
  await expect(first).toContainText('Bokat:');
  await expect(first.getByRole('link', { name: 'Öppna mötet' })).toHaveAttribute('href', new URL(meetingUrl).pathname);
  await expectAccessible(page);

  await page.goto(meetingUrl);
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mötet pågår.' })).toBeVisible();

  await page.goto(`/children/${child.id}#first-meeting`);
  await first.getByRole('button', { name: 'Checklista' }).click();
  await expect(first.getByRole('checkbox', { name: 'Mötet är hållet', exact: true })).toBeChecked();
  await expect(first.getByRole('checkbox', { name: 'Sätta ansikten på varandra', exact: true })).not.toBeChecked();
  await expectAccessible(page);
});

test('at phone width the summary and the start page show the proposal accessibly', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const worker = await createSocialWorker(baseURL!, 'Tove Telefon');
  const child = await ownChild(baseURL!, worker, 'Yasin');
  await child.session.send('POST', `/api/children/${child.id}/events`, {
    type: 'wellbeing_changed',
    occurredOn: swedishDate(0),
    source: 'residence',
  });
  await child.session.api.dispose();
  await logIn(page, worker.email, worker.password);
  const proposals = page.getByRole('region', { name: 'Möten som Navet föreslagit' });
  await expect(async () => {
    await page.goto('/');
    await expect(proposals).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  await page.goto(`/children/${child.id}`);
  await expect(summaryOf(page)).toContainText('Möte som Navet föreslagit');
  await expectAccessible(page);
});

test('a besked contradiction flags the child in "my children" and on the summary until the line is agreed', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const worker = await createSocialWorker(baseURL!, 'Bodil Besked');
  const child = await ownChild(baseURL!, worker, 'Omid');
  const besked = `/api/children/${child.id}/besked`;
  type View = {
    topics: { topic: { key: string }; entries: { id: string; summary: string }[] }[];
    tellers: { memberId: string; displayName: string }[];
  };
  let view: View | null = null;
  for (const summary of ['Beslutet kan överklagas.', 'Du får säkert stanna.'])
    view = (await child.session.send('POST', `${besked}/entries`, {
      topic: 'return',
      toldOn: swedishDate(0),
      summary,
      language: 'sv',
      interpreterUsed: false,
    })) as View;
  const entries = view!.topics.find((x) => x.topic.key === 'return')!.entries.map((e) => e.id);
  await child.session.send('POST', `${besked}/contradictions`, {
    entryIds: entries,
    note: 'Olika besked om framtiden',
  });

  await logIn(page, worker.email, worker.password);
  const card = page.locator('.child-card').filter({ hasText: child.name });
  await expect(card.getByRole('link', { name: /^Motstridiga besked: 1 fråga/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/children/${child.id}`);
  await expect(summaryOf(page).getByRole('link', { name: /^Motstridiga besked: 1 fråga/ })).toBeVisible();
  await expectAccessible(page);

  const me = view!.tellers.find((x) => x.displayName === 'Bodil Besked')!;
  await child.session.send('PUT', `${besked}/lines/return`, {
    text: 'Beslutet gäller; vi hjälper dig att överklaga.',
    tellerMemberId: me.memberId,
  });
  await child.session.api.dispose();
  await page.reload();
  await expect(summaryOf(page)).toContainText('Att göra');
  await expect(summaryOf(page)).not.toContainText('Motstridiga besked');
  await page.goto('/');
  await expect(card).toBeVisible();
  await expect(card).not.toContainText('Motstridiga besked');
});

test('a manager reads one user’s audit log on its own page, with the CSV', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const worker = await createSocialWorker(baseURL!, 'Lova Loggad');
  const child = await ownChild(baseURL!, worker, 'Dawit');
  const me = (await child.session.get('/api/auth/me')) as { user: { id: string } };
  await child.session.api.dispose();

  await logIn(page, demo.manager);
  await page.goto(`/audit/users/${me.user.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Logg för Lova Loggad' })).toBeVisible();
  await expect(page.getByRole('link', { name: /CSV/ })).toHaveAttribute(
    'href',
    `/api/audit/users/${me.user.id}/log.csv`,
  );
  await expectAccessible(page);
});
