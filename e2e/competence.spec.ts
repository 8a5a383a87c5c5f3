import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';
import { apiSession } from './hub-helpers.ts';

/*
 * The competence basis in the browser: a coordinator records a secrecy
 * training with attendance and sees the coverage of social services go from
 * "<5" to a figure; writes an article with a script and a javascript: link,
 * which come out as inert text; a staff member reads a starter article; and
 * "May I share this?" answers "only with consent" for school → social
 * services on health, then "yes" once the child's consent covers it.
 */

const COLLABORATION = 'Samverkan ensamkommande Strömsund–Krokom (demo)';
const mentor = 'mentor@demo.navet.se';

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

test('competence: training changes coverage, articles are inert, May I share this? follows consent', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(420_000);
  // Any script the article might smuggle in would open a dialog: the test fails on one.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await logIn(page, demo.coordinator);
  await page.goto('/collaborations');
  await page.getByRole('link', { name: COLLABORATION }).click();
  await page.getByRole('link', { name: 'Kompetens', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kompetens' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Asylprocessens frister för HVB-personal' })).toBeVisible();
  await expectAccessible(page);

  const coverage = page.getByTestId('coverage');
  const socialRow = coverage.getByRole('row').filter({ hasText: 'Socialtjänsten Strömsund' }).filter({
    hasText: 'Sekretess och samtycke',
  });
  // The party's staff: five in the seeded demo, more once other tests have added people to the organisation.
  const cells = socialRow.getByRole('cell');
  await expect(cells.nth(1)).toHaveText(/^\d+$/);
  const staff = Number(await cells.nth(1).innerText());
  // What the table may show for `valid` trained: "<5" below five, and "–" when fewer than five are without
  // training ("all but two" would name those two).
  const shown = (valid: number) => (staff - valid >= 1 && staff - valid < 5 ? '–' : valid < 5 ? '<5' : String(valid));
  // Two of them trained already.
  await expect(cells.nth(2)).toHaveText(shown(2));

  await page.getByLabel('Ämne', { exact: true }).selectOption({ label: 'Sekretess och samtycke' });
  await page.getByLabel('Datum', { exact: true }).fill(today());
  const attended = page.getByRole('group', { name: 'Vilka deltog' });
  for (const name of ['Samir Haddad', 'Anna Admin', 'Adam Andersson'])
    await attended.getByLabel(name, { exact: true }).check();
  await page.getByRole('button', { name: 'Spara utbildningstillfälle' }).click();
  // Two were trained already: now five, shown with its share unless the few left without training would be named.
  await expect(cells.nth(2)).toHaveText(shown(5));
  await expect(cells.nth(3)).toHaveText(shown(5) === '5' ? /^\d+ %$/ : '–');
  await expectAccessible(page);

  // An article with a script, raw HTML and a javascript: link.
  await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Kunskapsbank' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kunskapsbank' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Rubrik').fill('Test av säker text (e2e)');
  await page
    .getByLabel('Text (markdown)')
    .fill(
      '# Rubrik\n\n<script>alert("xss")</script>\n\n<img src=x onerror="alert(1)">\n\n[klicka här](javascript:alert(2)) och [Riksdagen](https://www.riksdagen.se)',
    );
  await page.getByLabel('Granskas senast').fill('2030-01-01');
  await page.getByRole('button', { name: 'Spara artikel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Test av säker text (e2e)' })).toBeVisible();
  const body = page.getByTestId('article-body');
  await expect(body.getByText('<script>alert("xss")</script>')).toBeVisible();
  await expect(body.locator('script, img, [onerror]')).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'klicka här' })).toHaveCount(0);
  await expect(body.getByRole('link', { name: 'Riksdagen' })).toHaveAttribute('href', 'https://www.riksdagen.se');
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await expectAccessible(page);
  await logOut(page);

  // A staff member reads a starter article.
  await logIn(page, mentor);
  await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Kunskapsbank' }).click();
  await page.getByRole('link', { name: 'Rollerna runt barnet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rollerna runt barnet' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kärnan: tre personer' })).toBeVisible();
  await expectAccessible(page);

  // May I share this? School → social services, health, about Amir.
  await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Får jag dela?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Får jag dela det här?' })).toBeVisible();
  await expectAccessible(page);
  const ask = async () => {
    await page.getByLabel('Mottagande organisation').selectOption({ label: 'Strömsunds kommun, socialtjänsten' });
    await page.getByLabel('Vilken sorts uppgift').selectOption({ label: 'Hälsa' });
    await page.getByLabel('Barn (frivilligt)').selectOption({ label: 'Amir' });
    await page.getByRole('button', { name: 'Fråga' }).click();
  };
  await ask();
  await expect(page.getByTestId('share-answer')).toContainText('Bara med samtycke');
  await expectAccessible(page);

  // The child and the god man consent to health information between school and social services.
  const social = await apiSession(baseURL!, demo.socialWorker);
  const kids = (await social.get('/api/children?pageSize=100')) as { items: { id: string; displayName: string }[] };
  const amir = kids.items.find((c) => c.displayName === 'Amir')!;
  const orgs = ((await social.get('/api/may-i-share/options')) as { organisations: { id: string; name: string }[] })
    .organisations;
  const org = (name: string) => orgs.find((o) => o.name === name)!.id;
  const consent = (await social.send('POST', `/api/children/${amir.id}/consents`, {
    givenBy: 'both',
    organisationIds: [org('Hedbergska skolan'), org('Strömsunds kommun, socialtjänsten')],
    categories: ['health'],
    purposes: ['hub'],
    validFrom: today(),
    validTo: '2030-12-31',
    form: 'written',
  })) as { id: string };

  await page.getByRole('button', { name: 'Fråga' }).click();
  await expect(page.getByTestId('share-answer').locator('.notice__title')).toContainText(/Ja$/);
  await expect(page.getByTestId('share-verdict')).toContainText('samtycke omfattar båda organisationerna');
  await expectAccessible(page);

  // Leave the demo as it was for the other browser tests.
  await social.send('POST', `/api/consents/${consent.id}/withdraw`, { withdrawnOn: today(), note: null });
  await social.api.dispose();
  expect(dialogs).toEqual([]);
});
