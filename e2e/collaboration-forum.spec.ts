import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { openChildView } from './hub-helpers.ts';

/*
 * The levels above the child, on the demo collaboration: a school mentor
 * raises a question from a child's hub (the forum sees nothing of the child);
 * the forum meeting takes it and adopts a routine; staff confirm reading it and
 * the manager sees who has not; a barrier is made a development proposal and
 * escalated to the strategic level, and the register names the barrier.
 */

const mentor = 'mentor@demo.navet.se';
const question = 'Hur ofta ska skolan träffa boendet?';
const routine = 'Skolans kontakt med boendet';

async function openForum(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Forum (verksamhetsnivå)' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verksamhetsnivå – forum' })).toBeVisible();
}

test('a question from a hub travels through the forum, a routine is read, a barrier goes up', async ({ browser }) => {
  // Three people and five pages with axe on each: longer than one page's budget on a busy machine.
  test.setTimeout(480_000);
  // 1. The mentor raises a general question from Amir's hub; the name is refused at the field.
  const page = await (await browser.newContext()).newPage();
  await logIn(page, mentor);
  await expect(page.getByRole('heading', { name: 'Forum och rutiner', level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Amir' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amir' })).toBeVisible();
  await openChildView(page, 'Frågor');
  await page.getByText('Lyft som generell fråga').click();
  await page.getByLabel('Frågan i korthet').fill('Amir behöver stöd');
  await page.getByLabel('Beskrivning').last().fill('Skolan och boendet träffas sällan.');
  await page.getByRole('button', { name: 'Lyft frågan' }).click();
  await expect(page.getByText('Ta bort barnets namn och ärendenummer: frågan ska vara generell.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Frågan i korthet').fill(question);
  await page.getByRole('button', { name: 'Lyft frågan' }).click();
  await expect(page.getByText('Frågan är lyft till forumet, utan barnets uppgifter.')).toBeVisible();

  // 2. The coordinator's forum sees the question, not the child; the meeting takes it; a routine is adopted.
  const coord = await (await browser.newContext()).newPage();
  await logIn(coord, demo.coordinator);
  await openForum(coord);
  const item = coord.getByRole('listitem').filter({ has: coord.getByRole('heading', { name: question }) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('lyft från ett nav, utan barnets uppgifter');
  await expect(coord.locator('main')).not.toContainText('Amir');
  await expectAccessible(coord);
  await item.getByRole('button', { name: 'Ta upp på mötet' }).click();
  await expect(item).toContainText('På dagordningen');
  await coord.getByText('Ny rutin').click();
  await coord.getByLabel('Rutinens namn').fill(routine);
  await coord.getByLabel('Mentor i skolan').check();
  await coord.getByLabel('Text', { exact: true }).fill('Mentorn och kontaktpersonen träffas en gång i månaden.');
  await coord.getByRole('button', { name: 'Skapa utkastet' }).click();
  const r = coord.getByRole('listitem').filter({ has: coord.getByRole('heading', { name: routine }) });
  await r.getByLabel(`Beslut som antar ${routine}`).fill('Verksamhetsforum, § 4');
  await r.getByRole('button', { name: 'Anta versionen' }).click();
  await expect(r).toContainText('Gäller version 1');
  await item.getByLabel(`Svar eller beslut – ${question}`).fill('Se rutinen om skolans kontakt med boendet.');
  await item.getByRole('button', { name: 'Spara svaret' }).click();
  await expect(coord.getByText('Besvarade och stängda frågor', { exact: false })).toBeVisible();
  await expectAccessible(coord);

  // 3. The mentor confirms reading it from the start page.
  await page.goto('/');
  await page.getByRole('button', { name: `Jag har läst: ${routine}` }).click();
  await expect(page.getByRole('button', { name: `Jag har läst: ${routine}` })).toHaveCount(0);

  // 4. The manager (the forum's representative) sees who of the staff has not read the routine in force.
  const mgr = await (await browser.newContext()).newPage();
  await logIn(mgr, demo.manager);
  await expect(mgr.getByRole('heading', { name: 'Din personal i samverkan' })).toBeVisible();
  await expect(mgr.getByText(/Tolk vid utvecklingssamtal i skolan \(version 1\): .*Sara Lind/).first()).toBeVisible();
  await expectAccessible(mgr);

  // 5. The manager registers a barrier on the forum and escalates it; the strategic level holds it.
  await openForum(mgr);
  await mgr.getByText('Registrera ett hinder').click();
  await mgr.getByLabel('Typ av hinder').selectOption('knowledge');
  await mgr.getByLabel('Beskrivning', { exact: true }).last().fill('Skolan vet inte vad sekretessen tillåter.');
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await mgr.getByLabel('Klart senast').last().fill(due);
  await mgr.getByRole('button', { name: 'Registrera hindret' }).click();
  const barrier = mgr.getByRole('listitem').filter({ hasText: 'Skolan vet inte vad sekretessen tillåter.' });
  // It becomes a development proposal in one action, and shows its link.
  await barrier.getByRole('button', { name: 'Gör till utvecklingsförslag' }).click();
  await expect(barrier.getByRole('link', { name: /Utvecklingsförslag finns/ })).toBeVisible();
  await barrier.getByRole('button', { name: 'Lyft till övergripande nivå' }).click();
  await expect(barrier).toHaveCount(0);
  await expectAccessible(mgr);
  await mgr.getByRole('link', { name: 'Övergripande nivå' }).first().click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Övergripande nivå' })).toBeVisible();
  await expect(mgr.getByText('Skolan vet inte vad sekretessen tillåter.')).toBeVisible();
  await expect(mgr.getByRole('heading', { name: 'Behovskartläggning' })).toBeVisible();
  await expectAccessible(mgr);
  // The register names the barrier the proposal came from.
  const held = mgr.getByRole('listitem').filter({ hasText: 'Skolan vet inte vad sekretessen tillåter.' });
  await held.getByRole('link', { name: /Utvecklingsförslag finns/ }).click();
  const proposal = mgr.getByRole('listitem').filter({ hasText: 'Från hindret' });
  await expect(proposal.getByRole('link', { name: 'Skolan vet inte vad sekretessen tillåter.' })).toBeVisible();
  await expectAccessible(mgr);
});
