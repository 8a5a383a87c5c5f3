import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { serverURL } from './server-url.ts';
import {
  apiSession,
  createSocialWorker,
  openChildView,
  persianDigits,
  swedishDate,
  type NewUser,
} from './hub-helpers.ts';

const baseURL = serverURL();
let nora: NewUser;

test.beforeAll(async () => {
  nora = await createSocialWorker(baseURL, 'Nora Sjö');
});

/** One member's communication agreement, filled in through its own small form. */
async function agree(page: Page, name: string, availability: string, channel: string, detail: string) {
  await page.getByRole('button', { name: `Ändra ${name}` }).click();
  await page.getByLabel(`När ${name} nås`).fill(availability);
  await page.getByLabel(`Hur ${name} helst nås`).selectOption(channel);
  await page.getByLabel('Nummer, adress eller plats').fill(detail);
  await page.locator('#first-meeting').getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Överenskommelsen för ${name} är sparad.` })).toBeVisible();
}

async function assignTopic(page: Page, topic: string, responsible: string, fallback?: string) {
  await page.getByRole('button', { name: `Ändra ${topic}`, exact: true }).click();
  await page.getByLabel(`Ansvarig för ${topic}`).selectOption({ label: responsible });
  if (fallback) await page.getByLabel(`Reserv för ${topic}`).selectOption({ label: fallback });
  await page.locator('#topics').getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${topic} är sparat.` })).toBeVisible();
}

/** Opens a form the page keeps closed until asked (its button says aria-expanded). */
async function reveal(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
}

async function addMember(page: Page, search: string, option: string, roleLabel: string) {
  await reveal(page, 'Lägg till någon i navet');
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Lägg till någon i navet' }) });
  await form.getByLabel('Sök bland kollegor (Person)').fill(search);
  await form.getByLabel('Person', { exact: true }).selectOption({ label: option });
  await expect(form.getByLabel('Roll i navet')).toHaveValue(roleLabel);
  await form.getByRole('button', { name: 'Lägg till i navet' }).click();
}

test('a social worker opens a case, builds the hub around the child and hands over the child’s own page', async ({
  page,
  browser,
}) => {
  // One long story across three browsers: the adults' pages, the child's phone, the contact person.
  test.setTimeout(300_000);
  await logIn(page, nora.email, nora.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina barn' })).toBeVisible();

  // ---- Open the case ----
  await page.getByRole('link', { name: 'Lägg in ett nytt barn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt barn' })).toBeVisible();
  await expectAccessible(page);
  // The form says what is missing, beside the field.
  await page.getByRole('button', { name: 'Lägg in barnet' }).click();
  await expect(page.getByText('Skriv barnets namn.')).toBeVisible();
  await expect(page.getByLabel('Namn', { exact: true })).toBeFocused();
  await page.getByLabel('Namn', { exact: true }).fill('Farid');
  await page.getByLabel('Födelsedatum').fill('2010-05-04');
  await page.getByLabel('Barnets starkaste språk').selectOption('prs');
  await page.getByRole('checkbox', { name: 'svenska' }).check();
  await page.getByRole('checkbox', { name: 'De vuxna behöver tolk för att prata med barnet' }).check();
  await page.getByLabel('Tolk på språket').selectOption('prs');
  await page.getByLabel('Asylärende').selectOption('rejected');
  await page.getByLabel('Migrationsverkets ärendenummer').fill('12345678');
  await page.getByLabel('Boende', { exact: true }).selectOption('hvb');
  await page.getByLabel('Vilket boende').selectOption({ label: 'HVB Solgården' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lägg in barnet' }).click();

  // ---- The child page: header and flags ----
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
  const childUrl = page.url();
  const childId = childUrl.split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: 'Farid' })).toBeVisible();
  const header = page.locator('.hub-header');
  await expect(header).toContainText('dari, svenska');
  await expect(header).toContainText('Behövs, på dari');
  await expect(header).toContainText('Avslag');
  await expect(header).toContainText('12345678');
  await expect(header).toContainText('HVB: HVB Solgården');
  const flags = page.locator('#flags');
  await expect(flags).toContainText('Saknas i navet: god man och kontaktperson');
  await expect(flags).toContainText('Checklistan för första mötet är inte klar');
  await expect(flags).toContainText('10 ämnen har ingen ansvarig');
  await expectAccessible(page);
  // A flag leads to where it is fixed: the hub's view, at its members.
  await flags.getByRole('link', { name: /^Saknas i navet/ }).click();
  await expect(page).toHaveURL(/\?view=hub#hub$/);
  await expect(page.getByRole('region', { name: 'Vuxna i navet' })).toBeFocused();

  // ---- Add the god man and the contact person ----
  await addMember(page, 'Göran', 'Göran Ek – Överförmyndaren i Strömsund', 'god_man');
  await expect(page.getByRole('status').filter({ hasText: 'Göran Ek är tillagd i navet.' })).toBeVisible();
  await addMember(page, 'Karin', 'Karin Berg – HVB Solgården', 'contact_person');
  await expect(page.getByRole('status').filter({ hasText: 'Karin Berg är tillagd i navet.' })).toBeVisible();
  const hub = page.locator('#hub');
  await expect(hub.getByText('Socialsekreterare, god man och kontaktperson finns på plats.')).toBeVisible();
  await expect(hub.locator('.hub-member__name')).toHaveText(['Nora Sjö', 'Göran Ek', 'Karin Berg']);
  // The core three are marked in words, not only by colour.
  await expect(hub.locator('.hub-member').filter({ hasText: 'Göran Ek' })).toContainText('Kärnan');
  await expect(flags).not.toContainText('Saknas i navet');
  // People already in the hub are not offered again.
  await page.getByLabel('Sök bland kollegor (Person)').fill('Göran');
  await expect(page.getByLabel('Person', { exact: true })).toHaveAccessibleDescription('0 personer hittades.');
  await expect(page.getByLabel('Person', { exact: true }).locator('option')).toHaveText(['Välj …']);
  await expectAccessible(page);

  // ---- First meeting: the checklist and the communication agreement ----
  const meeting = page.locator('#first-meeting');
  await expect(meeting.getByRole('heading', { name: 'Deltar' })).toBeVisible();
  await expect(meeting).toContainText('Göran Ek (god man)');
  await reveal(page, 'Checklista');
  for (const item of [
    'Mötet är hållet',
    'Sätta ansikten på varandra',
    'Sekretess och dokumentation',
    'Hur de vuxna pratar med varandra',
    'Vem går på vilka möten',
    'Barnets delaktighet',
    'Barnet vet vem hen frågar om vad',
  ])
    await meeting.getByRole('checkbox', { name: item, exact: true }).check();
  await meeting
    .getByLabel('Vad ni kom överens om: Hur de vuxna pratar med varandra')
    .fill('God man helst sms, kontaktpersonen på Solgården.');
  await meeting.getByRole('button', { name: 'Spara checklistan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checklistan är sparad.' })).toBeVisible();
  await expect(meeting.getByText('Alla punkter på checklistan är gjorda.')).toBeVisible();
  await expect(flags).not.toContainText('Checklistan för första mötet');

  await agree(page, 'Nora Sjö', 'Vardagar 8–16', 'phone', '0670-100 00');
  await agree(page, 'Göran Ek', 'Kvällar efter 17', 'sms', '070-555 12 34');
  await agree(page, 'Karin Berg', 'På Solgården dagtid', 'meeting', 'HVB Solgården');
  await expect(meeting).not.toContainText('inte fyllt i');
  await expectAccessible(page);

  // ---- Topic matrix ----
  await assignTopic(page, 'Skolan', 'Karin Berg (kontaktperson)');
  await assignTopic(page, 'Asylärendet', 'Göran Ek (god man)', 'Nora Sjö (socialsekreterare)');
  await assignTopic(page, 'Pengar', 'Göran Ek (god man)');
  await assignTopic(page, 'Vardagen', 'Karin Berg (kontaktperson)');
  const asylum = page.locator('.hub-topic').filter({ has: page.getByRole('heading', { name: 'Asylärendet' }) });
  await expect(asylum).toContainText('Göran Ek (god man)');
  await expect(asylum).toContainText('Nora Sjö (socialsekreterare)');
  await expect(flags).toContainText('6 ämnen har ingen ansvarig');

  // ---- A question for the child ----
  await openChildView(page, 'Frågor');
  const questions = page.locator('#questions');
  await reveal(page, 'Ny fråga till barnet');
  await questions.getByLabel('Vad ska tas upp med barnet?').fill('Förklara vad avslaget betyder.');
  await questions.getByLabel('Ägare', { exact: true }).selectOption({ label: 'Göran Ek (god man)' });
  await questions.getByLabel('Senast', { exact: true }).fill(swedishDate(7));
  await questions.getByLabel('Ämne', { exact: true }).selectOption({ label: 'Asylärendet' });
  await expect(questions.getByLabel('Slags uppgift', { exact: true })).toHaveValue('asylum_case');
  // No consent yet: the god man's organisation may not see the social worker's question, so he cannot take it.
  await questions.getByRole('button', { name: 'Lägg till frågan' }).click();
  await expect(questions).toContainText('Den personens organisation får inte se en fråga av det här slaget.');
  await questions.getByLabel('Ägare', { exact: true }).selectOption({ label: 'Nora Sjö (socialsekreterare)' });
  await questions.getByRole('button', { name: 'Lägg till frågan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Frågan är tillagd.' })).toBeVisible();
  await expect(questions.locator('.hub-question')).toContainText(['Förklara vad avslaget betyder.']);
  await expectAccessible(page);

  // ---- The child's link: shown once, handed over in person ----
  await openChildView(page, 'Barnet');
  const links = page.locator('#child-link');
  await links.getByRole('button', { name: 'Skapa länk och kod till barnet' }).click();
  await expect(links.getByRole('heading', { name: 'Länken och koden är klara' })).toBeVisible();
  await expect(links).toContainText('Koden visas bara nu.');
  await expect(links).toContainText('Ge koden till barnet personligen.');
  const url = (await links.getByTestId('child-link-url').textContent())!;
  const code = (await links.getByTestId('child-link-code').textContent())!;
  expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{43}$/);
  expect(code).toMatch(/^[0-9]{6}$/);
  await expectAccessible(page);
  await links.getByRole('button', { name: 'Klart, dölj koden' }).click();
  await expect(links.getByTestId('child-link-code')).toHaveCount(0);
  await expect(links).toContainText('Väntar på att barnet öppnar den');

  // The history says what happened, in words.
  await openChildView(page, 'Historik');
  const timeline = page.locator('#timeline');
  await expect(timeline).toContainText('Göran Ek lades till som god man.');
  await expect(timeline).toContainText('Asylärendet: Göran Ek är ansvarig.');

  // ---- The page at 360 px: nothing sideways, still accessible ----
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Farid' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/child-page-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // ---- The child, on their own phone: no adult session ----
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'sv-SE',
  });
  const child = await phone.newPage();
  await child.goto(new URL(url).pathname);
  await expect(child.getByRole('heading', { level: 1, name: 'Skriv in din kod' })).toBeVisible();
  await expectAccessible(child);
  // A Dari keyboard types Persian digits; they count as the same code.
  await child.getByLabel('Kod (6 siffror)').fill(persianDigits(code));
  await child.getByRole('button', { name: 'Öppna' }).click();
  // Farid's first language is Dari: the page opens in it, right to left.
  await expect(child.getByRole('heading', { level: 1, name: 'سلام Farid!' })).toBeVisible();
  await expect(child.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(child.locator('html')).toHaveAttribute('lang', 'fa-AF');
  await expect(child).toHaveURL(/\/c$/);
  await expect(child.getByRole('heading', { level: 3, name: 'Göran Ek' }).first()).toBeVisible();
  await expectAccessible(child);
  await child.screenshot({ path: 'test-results/screens/child-view-prs-360.png', fullPage: true });

  await child.getByRole('combobox').selectOption('sv');
  await expect(child.getByRole('heading', { level: 1, name: 'Hej Farid!' })).toBeVisible();
  await expect(child.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(child.locator('html')).toHaveAttribute('lang', 'sv');
  const main = child.getByRole('main');
  await expect(main).toContainText('God man');
  await expect(main).toContainText('Fråga Göran Ek om:');
  await expect(main).toContainText('Ditt asylärende');
  await expect(main.getByRole('link', { name: /Skicka sms till Göran Ek/ })).toHaveAttribute('href', 'sms:0705551234');
  await expect(main).toContainText('Du har inga möten planerade just nu.');
  // Nothing sensitive: no case number, no asylum decision.
  await expect(main).not.toContainText('12345678');
  await expect(main).not.toContainText('Avslag');
  await expectAccessible(child);
  await child.screenshot({ path: 'test-results/screens/child-view-sv-360.png', fullPage: true });
  await phone.close();

  // The adults see that the child opened the page.
  await page.reload();
  await expect(page.locator('#timeline')).toContainText('Barnet öppnade sin sida.');
  await openChildView(page, 'Barnet');
  await expect(page.locator('#child-link')).toContainText('Används: barnets telefon är inloggad');

  // ---- Ending a membership: the contact person loses the child at once ----
  const karinContext = await browser.newContext();
  const karin = await karinContext.newPage();
  await logIn(karin, demo.contactPerson);
  await karin.goto(`/children/${childId}`);
  await expect(karin.getByRole('heading', { level: 1, name: 'Farid' })).toBeVisible();

  await openChildView(page, 'Navet');
  await page.getByRole('button', { name: 'Avsluta medlemskapet Karin Berg' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'Avsluta medlemskapet för Karin Berg?' })).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Avsluta medlemskapet' }).click();
  // The last contact person: the rule is explained, with both ways forward.
  const rule = dialog.getByRole('alert');
  await expect(rule).toContainText('Navet blir utan kontaktperson');
  await expect(rule).toContainText('Karin Berg är den sista med rollen kontaktperson.');
  await expect(dialog.getByRole('button', { name: 'Avsluta medlemskapet' })).toBeDisabled();
  await expectAccessible(page);
  await dialog.getByRole('checkbox', { name: 'Rollen kontaktperson får stå tom tills vidare' }).check();
  await dialog.getByRole('button', { name: 'Avsluta medlemskapet' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Medlemskapet för Karin Berg är avslutat.' })).toBeVisible();
  await expect(flags).toContainText('Saknas i navet: kontaktperson');
  await expect(page.locator('#hub').getByText('Tidigare medlem (1)')).toBeVisible();

  await karin.reload();
  await expect(karin.getByRole('heading', { level: 1, name: 'Barnet hittades inte' })).toBeVisible();
  await expectAccessible(karin);
  await karinContext.close();

  // ---- Editing with the version: someone else saved first ----
  const other = await apiSession(baseURL, nora.email, nora.password);
  await page.getByRole('link', { name: 'Ändra barnets uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ändra uppgifter om Farid' })).toBeVisible();
  await expectAccessible(page);
  const { version } = (await other.get(`/api/children/${childId}`)) as { version: number };
  await other.send('PATCH', `/api/children/${childId}`, { version, arrivalDate: '2024-10-01' });
  await page.getByLabel('Namn', { exact: true }).fill('Farid A.');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat uppgifterna' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Ankomstdatum');
  await expectAccessible(page);
  await conflict.getByRole('button', { name: 'Hämta den nya versionen och börja om' }).click();
  await expect(page.getByLabel('Datum då barnet kom till kommunen')).toHaveValue('2024-10-01');
  await page.getByLabel('Namn', { exact: true }).fill('Farid A.');
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Farid A.' })).toBeVisible();
  await openChildView(page, 'Historik');
  await expect(page.locator('#timeline')).toContainText('Uppgifter ändrades: Namn.');
  await other.api.dispose();
});

test('a tenant admin adds a topic for every child’s matrix and archives it again', async ({ page }) => {
  await logIn(page, demo.admin);
  await page.goto('/admin/topics');
  await expect(page.getByRole('heading', { level: 1, name: 'Ämnen i barnens nav' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Vägledningens ämnen' })).toContainText('Asylärendet');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Lägg till ämnet' }).click();
  await expect(page.getByText('Skriv ett namn.')).toHaveCount(2);
  await page.getByLabel('Namn på svenska').fill('Körkort');
  await page.getByLabel('Namn på engelska').fill('Driving licence');
  await page.getByRole('button', { name: 'Lägg till ämnet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Körkort är tillagt i alla barns matriser.' })).toBeVisible();
  const own = page.getByRole('region', { name: 'Kommunens egna ämnen' });
  await expect(own).toContainText('Körkort / Driving licence');
  await expectAccessible(page);

  // Archived again, so the other tests' matrices stay as the demo made them.
  await own.getByRole('button', { name: 'Arkivera Körkort' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Körkort är arkiverat' })).toBeVisible();
  await expect(own.locator('.hub-topic').filter({ hasText: 'Körkort' })).toContainText('arkiverat');
});

test('a volunteer sees the narrow view: the hub and the shared topics, nothing about the case', async ({ page }) => {
  await logIn(page, 'volontar@demo.navet.se');
  await page.locator('.child-list').getByRole('link', { name: 'Layla', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Layla' })).toBeVisible();
  const main = page.getByRole('main');
  // The hub is the only view for this reader: no view links.
  await expect(page.getByRole('navigation', { name: 'Innehåll på sidan' })).toHaveCount(0);
  await expect(page.locator('#hub')).toContainText('Karin Berg');
  await expect(page.locator('#topics')).toContainText('Fritid');
  await expect(page.locator('#topics')).not.toContainText('Asylärendet');
  for (const hidden of ['Asylärende', 'Ålder', 'Migrationsverkets ärendenummer', 'Historik', 'Första mötet'])
    await expect(main).not.toContainText(hidden);
  await expect(page.getByRole('button', { name: /Avsluta medlemskapet/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Ändra/ })).toHaveCount(0);
  await expectAccessible(page);
});
