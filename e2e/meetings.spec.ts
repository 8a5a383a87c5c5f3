import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { openChildView } from './hub-helpers.ts';

/** A Swedish calendar day `days` from today, YYYY-MM-DD. */
function swedishDay(days: number): string {
  const d = new Date(Date.now() + days * 24 * 60 * 60_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d);
}

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

test('a hub meeting: scheduled, accepted, held with two decisions; the overdue one is on its owner’s task list', async ({
  page,
}) => {
  const title = `Navetmöte om skolstarten ${Date.now()}`;
  // The meeting was held last week and is entered now, so a decision due three days ago is overdue.
  const meetingDay = swedishDay(-7);

  // The social worker schedules it from Amir's page.
  await logIn(page, demo.socialWorker);
  await openAmir(page);
  await openChildView(page, 'Möten');
  const meetings = page.getByRole('region', { name: 'Möten', exact: true });
  await meetings.getByRole('link', { name: 'Planera ett möte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Planera ett möte' })).toBeVisible();
  await expectAccessible(page);
  // A meeting that ends before it starts is refused beside the field.
  await page.getByLabel('Rubrik').fill(title);
  await page.getByLabel('Datum').fill(meetingDay);
  await page.getByLabel('Börjar').fill('10:00');
  await page.getByLabel('Slutar').fill('09:00');
  await page.getByRole('button', { name: 'Planera mötet' }).click();
  await expect(page.getByText('Mötet måste sluta efter att det börjar')).toBeVisible();
  await page.getByLabel('Börjar').fill('09:00');
  await page.getByLabel('Slutar').fill('10:30');
  await page.getByLabel('Plats').fill('Socialkontoret, rum 3');
  await page.getByLabel(/Göran Ek/).check();
  await page.getByLabel(/Karin Berg/).check();
  await page.getByRole('radio', { name: 'Barnet är med på de punkter som är markerade.' }).check();
  await page.getByLabel('Vad barnet vill ta upp').fill('Fotbollen efter skolan');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Planera mötet' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const meetingUrl = page.url();
  await expect(page.getByText('Före mötet: dagordning och inbjudningar.')).toBeVisible();
  const participants = page.getByRole('region', { name: 'Deltagare' });
  await expect(participants.getByRole('listitem').filter({ hasText: 'Göran Ek' })).toContainText('Har inte svarat');
  await expect(page.getByRole('region', { name: 'Amir och mötet' })).toContainText('Fotbollen efter skolan');
  await expect(page.getByRole('link', { name: 'Lägg till i min kalender (.ics)' })).toBeVisible();
  await expectAccessible(page);

  // The god man accepts.
  await switchTo(page, demo.godMan);
  await page.goto(meetingUrl);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Jag kommer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Du har tackat ja.' })).toBeVisible();
  await expect(participants.getByRole('listitem').filter({ hasText: 'Göran Ek' })).toContainText('Kommer');
  await expectAccessible(page);

  // The social worker holds the meeting: agenda, minutes and two decisions typed live.
  await switchTo(page, demo.socialWorker);
  await page.goto(meetingUrl);
  // Closing is offered only once the meeting has started.
  await expect(page.getByRole('button', { name: 'Avsluta mötet' })).toHaveCount(0);
  await expect(page.getByText('Mötet kan avslutas när det har startat.')).toBeVisible();
  await page.getByRole('button', { name: 'Starta mötet' }).click();
  await expect(page.getByText('Mötet pågår: skriv protokoll och beslut.')).toBeVisible();
  const agendaForm = page.getByRole('form', { name: 'Ny punkt på dagordningen' });
  await agendaForm.getByLabel('Punkt', { exact: true }).fill('Skolstarten');
  await agendaForm.getByLabel('Ansvarig').selectOption({ label: 'Karin Berg (kontaktperson)' });
  await agendaForm.getByRole('button', { name: 'Lägg till punkten' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Skolstarten' })).toBeVisible();
  // An agenda item is edited in place: its fields open where it stands, focus in the title.
  await page.getByRole('button', { name: 'Ändra Skolstarten' }).click();
  const itemForm = page.getByRole('form', { name: 'Ändra punkten Skolstarten' });
  await expect(itemForm.getByLabel('Punkt', { exact: true })).toBeFocused();
  await expectAccessible(page);
  await itemForm.getByLabel('Punkt', { exact: true }).fill('Skolstarten i januari');
  await itemForm.getByRole('button', { name: 'Spara punkten' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Skolstarten i januari' })).toBeVisible();
  await expect(page.getByText('Punkten Skolstarten i januari är sparad.')).toBeVisible();

  await page
    .getByRole('textbox', { name: 'Protokoll' })
    .fill('Amir har börjat skolan. Fotbollen fortsätter på tisdagar.');
  // The minutes save themselves once typing pauses; the button saves at once as well.
  await expect(page.getByRole('status').filter({ hasText: /^Sparat / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv ut protokollet' })).toBeVisible();
  await page.getByRole('button', { name: 'Spara protokollet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Protokollet är sparat.' })).toBeVisible();

  const decisionForm = page.getByRole('form', { name: 'Nytt beslut' });
  const decide = async (text: string, owner: string, dueOn: string) => {
    await decisionForm.getByLabel('Beslut', { exact: true }).fill(text);
    await decisionForm.getByLabel('Ansvarig').selectOption({ label: owner });
    await decisionForm.getByLabel('Klart senast').fill(dueOn);
    await decisionForm.getByRole('button', { name: 'Spara beslutet' }).click();
    // The form empties once the decision is saved, ready for the next one.
    await expect(decisionForm.getByLabel('Beslut', { exact: true })).toHaveValue('');
    await expect(page.getByRole('region', { name: 'Beslut', exact: true }).getByText(text)).toBeVisible();
  };
  // Without an owner, the decision is refused beside the field.
  await decisionForm.getByLabel('Beslut', { exact: true }).fill('Någon ringer skolan');
  await decisionForm.getByRole('button', { name: 'Spara beslutet' }).click();
  await expect(decisionForm.getByText('Välj en ansvarig')).toBeVisible();
  await decide('Ansöka om fritidskort', 'Göran Ek (god man)', swedishDay(-3));
  await decide('Boka tandläkare', 'Karin Berg (kontaktperson)', swedishDay(14));
  await expect(page.getByRole('region', { name: 'Beslut', exact: true }).getByText('Försenat')).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Avsluta mötet' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Avsluta mötet?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Avsluta', exact: true }).click();
  await expect(page.getByText('Mötet är avslutat: sammanfattning.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Protokoll', exact: true })).toContainText(
    'Fotbollen fortsätter på tisdagar.',
  );
  await expect(page.getByLabel('Nytt tillägg till protokollet')).toBeVisible();
  await expectAccessible(page);

  // The overdue decision is flagged on Amir's page and on its owner's task list. The way back from the
  // meeting leads to the meetings view.
  await page.getByRole('link', { name: 'Tillbaka till Amir' }).click();
  await expect(page).toHaveURL(/\?view=meetings$/);
  const open = page.getByRole('region', { name: 'Öppna beslut', exact: true });
  await expect(open).toContainText('beslut är försenat');
  await expect(open.getByRole('listitem').filter({ hasText: 'Ansöka om fritidskort' })).toContainText('Försenat');

  await switchTo(page, demo.godMan);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();
  const task = page.getByRole('listitem').filter({ hasText: 'Ansöka om fritidskort' });
  await expect(task).toContainText('Försenad');
  await expect(task).toContainText('Amir');
  await expect(page.getByRole('listitem').filter({ hasText: 'Boka tandläkare' })).toHaveCount(0);
  await expectAccessible(page);

  // Done: it leaves the list.
  await task.getByRole('link', { name: 'Ansöka om fritidskort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page
    .getByRole('region', { name: 'Beslut' })
    .getByRole('listitem')
    .filter({ hasText: 'Ansöka om fritidskort' })
    .getByRole('button', { name: 'Markera som klart' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Beslutet är klart.' })).toBeVisible();
});
