import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers.ts';
import { serverURL } from './server-url.ts';
import { apiSession, createSocialWorker, type ApiSession } from './hub-helpers.ts';

const baseURL = serverURL();

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

interface Link {
  token: string;
  code: string;
}

let adult: ApiSession;
let childId: string;

/** A child with a small hub, set up through the API: this file is about the child's side. */
test.beforeAll(async () => {
  const sw = await createSocialWorker(baseURL, 'Petra Vik');
  adult = await apiSession(baseURL, sw.email, sw.password);
  const child = (await adult.send('POST', '/api/children', {
    displayName: 'Mina',
    dateOfBirth: '2011-02-03',
    languages: ['ar', 'sv'],
    interpreterNeeded: true,
    interpreterLanguage: 'ar',
    caseNumber: '99887766',
    asylumStatus: 'final',
  })) as { id: string };
  childId = child.id;
  const person = async (q: string) =>
    ((await adult.get(`/api/hub/people?q=${encodeURIComponent(q)}`)) as { items: { userId: string }[] }).items[0]!
      .userId;
  const godMan = (await adult.send('POST', `/api/children/${childId}/hub/members`, {
    userId: await person('Göran'),
    hubRole: 'god_man',
  })) as { memberId: string };
  await adult.send('POST', `/api/children/${childId}/hub/members`, {
    userId: await person('Karin'),
    hubRole: 'contact_person',
  });
  await adult.send('PUT', `/api/children/${childId}/hub/members/${godMan.memberId}/agreement`, {
    availability: 'Kvällar efter 17',
    preferredChannel: 'phone',
    contactDetail: '070-555 12 34',
  });
  await adult.send('PUT', `/api/children/${childId}/topics/money`, { responsibleMemberId: godMan.memberId });
});

test.afterAll(async () => {
  await adult.api.dispose();
});

async function newLink(): Promise<Link> {
  return (await adult.send('POST', `/api/children/${childId}/child-links`, {})) as Link;
}

async function enterCode(page: Page, code: string) {
  await page.getByRole('textbox').fill(code);
  await page.getByRole('button', { name: 'Öppna' }).click();
}

test('the code page accepts any phone’s digits, explains wrong codes and spent links, and logs out', async ({
  page,
  browser,
}) => {
  const link = await newLink();
  await page.goto(`/c/${link.token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv in din kod' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

  // Too few digits: said at once, without asking the server.
  await enterCode(page, '12');
  await expect(page.getByRole('alert')).toContainText('Skriv 6 siffror.');
  await expect(page.getByRole('textbox')).toBeFocused();
  await expect(page.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // A wrong code: the server counts it; the child is told to try again.
  const wrong = link.code === '000000' ? '111111' : '000000';
  await enterCode(page, wrong);
  await expect(page.getByRole('alert')).toContainText('Koden är fel. Försök igen.');
  await expect(page.getByRole('textbox')).toHaveValue('');
  await expectAccessible(page);

  // Arabic-Indic digits, as an Arabic keyboard types them.
  const arabic = link.code.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  await enterCode(page, arabic);
  // Mina's first language is Arabic: right to left.
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا Mina!' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expectAccessible(page);

  // The same link a second time, on another phone: spent, and the child is told what to do.
  const other = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'sv-SE' });
  const second = await other.newPage();
  await second.goto(`/c/${link.token}`);
  await enterCode(second, link.code);
  await expect(second.getByRole('alert')).toContainText('Den här länken har redan använts.');
  await expect(second.getByRole('alert')).toContainText('Be din socialsekreterare eller din gode man om en ny länk.');
  await expect(second.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(second);
  await other.close();

  // Logging out ends the child's session on this phone.
  await page.getByRole('combobox').selectOption('sv');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sidan är stängd. Nu kan du stänga fönstret.' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText('Be din socialsekreterare eller din gode man om en ny länk.')).toBeVisible();
  await expectAccessible(page);
});

test('the child’s page in all seven languages: native names, direction, nothing sensitive', async ({ page }) => {
  const link = await newLink();
  await page.goto(`/c/${link.token}`);
  await enterCode(page, link.code);
  await expect(page.getByRole('heading', { level: 1, name: 'مرحبًا Mina!' })).toBeVisible();

  // The picker names each language in its own script.
  await expect(page.getByRole('combobox').locator('option')).toHaveText([
    'Svenska',
    'English',
    'دری',
    'العربية',
    'Soomaali',
    'ትግርኛ',
    'پښتو',
  ]);
  const expected: [string, string, 'ltr' | 'rtl', string][] = [
    ['sv', 'sv', 'ltr', 'Hej Mina!'],
    ['en', 'en', 'ltr', 'Hi Mina!'],
    ['prs', 'fa-AF', 'rtl', 'سلام Mina!'],
    ['so', 'so', 'ltr', 'Mina'],
    ['ti', 'ti', 'ltr', 'Mina'],
    ['ps', 'ps', 'rtl', 'Mina'],
    ['ar', 'ar', 'rtl', 'مرحبًا Mina!'],
  ];
  for (const [value, lang, dir, greeting] of expected) {
    await page.getByRole('combobox').selectOption(value);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(greeting);
    // Right to left mirrors the layout: the initials sit at the start of the line, which is the right edge.
    const box = await page.locator('.cv-initials').first().boundingBox();
    const card = await page.locator('.cv-card').first().boundingBox();
    expect(box && card, 'initials and card are on screen').toBeTruthy();
    const nearStart = dir === 'rtl' ? card!.x + card!.width - (box!.x + box!.width) : box!.x - card!.x;
    expect(nearStart).toBeLessThan(40);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scrolling in ${value}`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  // The choice is remembered on the phone.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // What the page says about the god man, in English.
  await page.getByRole('combobox').selectOption('en');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: /Call Göran Ek/ })).toHaveAttribute('href', 'tel:0705551234');
  await expect(main).toContainText('Money');
  // Read aloud: a button where the phone has a voice for the language, else a sentence saying there is none.
  const voices = await page.evaluate(() => window.speechSynthesis?.getVoices().length ?? 0);
  if (voices === 0) await expect(page.getByText(/no voice for this language/i)).toBeVisible();
  else await expect(page.getByRole('button', { name: /Read aloud/i })).toBeVisible();

  // Nothing sensitive reaches the child's page or its API answer.
  await expect(main).not.toContainText('99887766');
  const me = await page.evaluate(async () => (await fetch('/api/child-view/me')).text());
  expect(me).not.toContain('99887766');
  expect(me).not.toMatch(/caseNumber|asylumStatus|dateOfBirth|organisation/i);
});
