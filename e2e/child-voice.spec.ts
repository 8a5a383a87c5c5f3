import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { serverURL } from './server-url.ts';
import { apiSession, type ApiSession } from './hub-helpers.ts';

const baseURL = serverURL();

let adult: ApiSession;
let childId: string;

/** Amir of the demo: Dari first, and the demo social worker Sara Lind in his hub. */
test.beforeAll(async () => {
  adult = await apiSession(baseURL, demo.socialWorker);
  const list = (await adult.get('/api/children')) as { items: { id: string; displayName: string }[] };
  childId = list.items.find((c) => c.displayName.startsWith('Amir'))!.id;
});

test.afterAll(async () => {
  await adult.api.dispose();
});

async function openChildPage(page: Page) {
  const link = (await adult.send('POST', `/api/children/${childId}/child-links`, {})) as {
    token: string;
    code: string;
  };
  await page.goto(`/c/${link.token}`);
  await page.getByRole('textbox').fill(link.code);
  await page.getByRole('button', { name: 'Öppna' }).click();
}

test('the child writes “I didn’t understand” in Dari, the social worker answers, the child reads the answer', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openChildPage(page);
  await expect(page.getByRole('heading', { level: 1, name: /سلام/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa-AF');

  const voice = page.getByRole('region', { name: 'به بزرگسالان خود بنویسید' });
  await expect(voice.getByText('شما هنوز چیزی نفرستاده‌اید.')).toBeVisible();
  await expectAccessible(page);

  // "I want to talk to …" without choosing: said at the choice, in Dari, without asking the server.
  await voice.getByRole('radio', { name: 'می‌خواهم با … گپ بزنم' }).check();
  await voice.getByRole('button', { name: 'فرستادن' }).click();
  await expect(voice.getByRole('alert')).toContainText('یک بزرگسال را انتخاب کنید.');
  await expect(voice.getByRole('combobox', { name: 'با چه کسی می‌خواهید گپ بزنید؟' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page);

  await voice.getByRole('radio', { name: 'من نفهمیدم' }).check();
  await voice.getByRole('textbox', { name: 'اگر می‌خواهید بیشتر بنویسید' }).fill('نفهمیدم جلسه بعدی کی است');
  await voice.getByRole('button', { name: 'فرستادن' }).click();
  await expect(voice.getByRole('status')).toHaveText('فرستاده شد! بزرگسال شما پیام تان را می‌گیرد.');
  const mine = voice.getByTestId('child-own-message');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('من نفهمیدم');
  await expect(mine).toContainText('Sara');
  await expect(mine).toContainText('هنوز جوابی نیامده است.');
  // The form stays right to left: the send button starts at the right edge of the form.
  const form = await voice.locator('form').boundingBox();
  const button = await voice.getByRole('button', { name: 'فرستادن' }).boundingBox();
  expect(form && button && Math.abs(form.x + form.width - (button.x + button.width))).toBeLessThan(2);
  await expectAccessible(page);

  // The social worker, at her desk, sees it on the child's page and answers in Swedish.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await desk.newPage();
  await logIn(staff, demo.socialWorker);
  // Her notice's link: the anchor opens the view with the child's messages, at them.
  await staff.goto(`/children/${childId}#child-messages`);
  const section = staff.getByRole('region', { name: 'Meddelanden från barnet' });
  await expect(section).toBeFocused();
  const message = section.getByTestId('child-message').first();
  await expect(message).toContainText('Jag förstod inte');
  await expect(message).toContainText('Skrivet på dari');
  await expect(message.locator('blockquote')).toHaveAttribute('lang', 'fa-AF');
  await expect(message.locator('blockquote')).toHaveText('نفهمیدم جلسه بعدی کی است');
  await expectAccessible(staff);
  await message.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(message.getByText('Skriv ett svar.')).toBeVisible();
  await message
    .getByRole('textbox', { name: 'Ditt svar till barnet' })
    .fill('Mötet är på tisdag klockan 10. Jag ringer dig.');
  await message.getByRole('button', { name: 'Skicka svaret' }).click();
  await expect(message).toContainText('Svar från Sara Lind');
  await expect(message.getByText('Mötet är på tisdag klockan 10. Jag ringer dig.')).toHaveAttribute('lang', 'sv');
  await expectAccessible(staff);
  await desk.close();

  // The child sees the answer, marked as written in Swedish, never passed off as Dari.
  await page.reload();
  const answered = page.getByTestId('child-own-message').first();
  await expect(answered).toContainText('جواب از Sara');
  await expect(answered).toContainText('به زبان سویدنی نوشته شده');
  const answer = answered.getByText('Mötet är på tisdag klockan 10. Jag ringer dig.');
  await expect(answer).toHaveAttribute('lang', 'sv');
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
});
