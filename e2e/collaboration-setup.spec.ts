import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * A coordinator sets up a collaboration of two municipalities: invites the
 * other, whose own admin accepts; adds a party of each; records each party's
 * decision (one with the decision as PDF); drafts the governance document
 * from the template; every party signs it off; the PDF shows the three
 * levels and each party's sign-off. Axe runs on every page of the part.
 */

const NAME = 'Samverkan Strömsund–Krokom (e2e)';
const krokomAdmin = 'admin@krokom.demo.navet.se';
const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('a coordinator sets up a collaboration of two municipalities, records the decisions, and every party signs the governance document', async ({
  page,
}) => {
  // A long walk through many pages, each checked by axe: more than the default on a busy machine.
  test.setTimeout(540_000);
  await logIn(page, demo.coordinator);
  await expect(page.getByRole('heading', { name: 'Samverkan', level: 2 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Samverkan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samverkan' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Namn').fill(NAME);
  await page.getByRole('button', { name: 'Starta samverkan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const collabUrl = page.url();
  await expectAccessible(page);

  // Invite the second municipality; until its admin accepts it is only invited.
  await page.getByLabel('Sök kommun').fill('Krokom');
  await expect(page.getByLabel('Kommun', { exact: true })).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await expect(page.getByText('Krokom (demo): inbjuden')).toBeVisible();
  await logOut(page);

  await logIn(page, krokomAdmin);
  await page.goto('/collaborations');
  await expect(page.getByText(`bjuder in er kommun till samverkan ”${NAME}”`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Tacka ja till ${NAME}` }).click();
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();

  // Each municipality brings its own organisation in: Krokom's admin adds Krokom's social services.
  const addParty = async (org: string, name: string) => {
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Lägg till en part' }) });
    await form.getByLabel('Verksamhet i er kommun').selectOption({ label: org });
    await form.getByLabel('Partens namn').fill(name);
    await form.getByRole('button', { name: 'Lägg till parten' }).click();
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  };
  await page.goto(collabUrl);
  await addParty('Krokoms kommun, socialtjänsten (Krokom (demo))', 'Socialtjänsten Krokom');
  await logOut(page);

  await logIn(page, demo.coordinator);
  await page.goto(collabUrl);
  await expect(page.getByText('Krokom (demo): deltar')).toBeVisible();
  const orgChoice = page.getByLabel('Verksamhet i er kommun');
  await expect(orgChoice.locator('option', { hasText: 'Krokom' })).toHaveCount(0);
  await addParty('Strömsunds kommun, socialtjänsten (Strömsund (demo))', 'Socialtjänsten Strömsund');
  await expectAccessible(page);

  // Step 1 cannot be done before each party has decided.
  await page.getByRole('button', { name: 'Ändra steg 1' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Klart' });
  await page.getByRole('button', { name: 'Spara steget' }).click();
  await expect(page.getByText('Steget kan inte markeras som klart än.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Avbryt' }).click();

  await page.getByRole('link', { name: 'Beslut', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beslut' })).toBeVisible();
  await expectAccessible(page);
  // Each municipality records its own organisation's decision: Strömsund's coordinator is not offered Krokom's.
  await expect(page.getByLabel('Part').locator('option', { hasText: 'Socialtjänsten Krokom' })).toHaveCount(0);
  const decisionsUrl = page.url();
  for (const [party, pdf, user] of [
    ['Socialtjänsten Strömsund', true, null],
    ['Socialtjänsten Krokom', false, krokomAdmin],
  ] as const) {
    if (user) {
      await logOut(page);
      await logIn(page, user);
      await page.goto(decisionsUrl);
    }
    await page.getByLabel('Part').selectOption({ label: party });
    await page.getByLabel('Vem beslutade').fill('Socialnämnden');
    await page.getByLabel('Datum för beslutet').fill('2026-11-20');
    await page.getByLabel('Beslutets lydelse').fill('Samverkan kring ensamkommande barn är prioriterad.');
    if (pdf)
      await page
        .getByLabel('Bifoga beslutet (PDF)')
        .setInputFiles({ name: 'beslut.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await page.getByRole('button', { name: 'Spara beslutet' }).click();
    await expect(page.getByRole('heading', { level: 3, name: party })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Ladda ner beslut.pdf' })).toBeVisible();
  await expectAccessible(page);
  await logOut(page);
  await logIn(page, demo.coordinator);

  await page.goto(collabUrl);
  await page.getByRole('button', { name: 'Ändra steg 1' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Klart' });
  await page.getByRole('button', { name: 'Spara steget' }).click();
  await expect(page.getByRole('button', { name: 'Ändra steg 1' })).toBeVisible();

  for (const [link, heading] of [
    ['Utvecklingsförslag', 'Utvecklingsförslag'],
    ['Uppföljning', 'Uppföljning'],
  ] as const) {
    await page.goto(collabUrl);
    // The collaboration's own menu: the main menu has an "Uppföljning" of its own (the dashboards) once the
    // coordinator's collaboration exists.
    await page
      .getByRole('navigation', { name: 'Samverkans delar' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  }

  // The governance document: from the template, signed by every party.
  await page.goto(collabUrl);
  await page.getByRole('link', { name: 'Samverkansdokument', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samverkansdokument' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Skriv ett utkast från mallen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1: utkast' })).toBeVisible();
  await page.getByRole('button', { name: 'Redigera utkastet' }).click();
  await expectAccessible(page);
  await page.getByLabel('Syfte').fill('Samverkan för barnets bästa i Strömsund och Krokom.');
  await page.getByRole('button', { name: 'Spara utkastet' }).click();
  await expect(page.getByText('Samverkan för barnets bästa i Strömsund och Krokom.')).toBeVisible();

  // Each municipality signs for its own organisation: Strömsund's coordinator is not offered Krokom's.
  await expect(page.getByRole('button', { name: 'Godkänn för Socialtjänsten Krokom' })).toHaveCount(0);
  const governanceUrl = page.url();
  for (const [party, person, user] of [
    ['Socialtjänsten Strömsund', 'Cecilia Norén', null],
    ['Socialtjänsten Krokom', 'Kerstin Krok', krokomAdmin],
  ] as const) {
    if (user) {
      await logOut(page);
      await logIn(page, user);
      await page.goto(governanceUrl);
    }
    await page.getByLabel(`Vem godkänner för ${party}`).fill(person);
    await page.getByRole('button', { name: `Godkänn för ${party}` }).click();
    const dialog = page.getByRole('alertdialog');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Godkänn', exact: true }).click();
    await expect(page.getByText(new RegExp(`${party}: godkänt av ${person}`))).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Version 1: antagen' })).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF av version 1' }).click();
  const download = await downloading;
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.concat(chunks) }).toString('utf8');
  for (const s of [
    'Övergripande nivå',
    'Verksamhetsnivå',
    'Individnivå',
    'Socialtjänsten Strömsund: godkänt av Cecilia Norén',
    'Socialtjänsten Krokom: godkänt av Kerstin Krok',
  ])
    expect(text).toContain(s);
});
