import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * The map held against reality: a coordinator starts a map of their own from the starter map in the demo
 * collaboration (so no other spec meets it), adopts version 1 through the forum's decision, links
 * "placement" and then "first hub meeting" within 14 days of it, and sees the overlay computed from the demo
 * children: the canvas marked with a sign and words, the legend, and the same figures in a table. Then a time
 * before a later step (the SIP at least 90 days before the 18th birthday), in words. Axe runs on the page with
 * the overlay, before and after.
 */

const COLLABORATION = 'Samverkan ensamkommande Strömsund–Krokom (demo)';
const TITLE = `Kartan mot verkligheten (e2e ${Date.now()})`;

test('a coordinator links the first hub meeting to placement with 14 days and sees the overlay', async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, demo.coordinator);
  await page.goto('/collaborations');
  await page.getByRole('link', { name: COLLABORATION }).click();
  await page.getByRole('link', { name: 'Processkartor' }).click();
  const create = page.getByRole('form', { name: 'Ny processkarta' });
  await create.getByLabel('Kartans namn').fill(TITLE);
  await create.getByRole('button', { name: 'Börja från startkartan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator('.bpmn-canvas [data-element-id="Task_FirstHub"]')).toBeVisible();
  await expect(page.getByText('Ingen version är antagen än.', { exact: false })).toBeVisible();

  const adopt = page.getByRole('form', { name: 'Anta en version' });
  await adopt.getByLabel('Version', { exact: true }).selectOption('1');
  await adopt.getByLabel('Beslutande organ som protokollet anger').fill('Samverkansforum');
  await adopt.getByLabel('Beslutsdatum').fill('2026-11-20');
  await adopt.getByLabel('Beslutet').fill('Forumet antar processkartan.');
  page.once('dialog', (d) => void d.accept());
  await adopt.getByRole('button', { name: 'Anta versionen' }).click();
  await expect(page.getByText(/Antagen av Samverkansforum/)).toBeVisible();

  const link = page.getByRole('form', { name: 'Koppla en del av kartan' });
  await link.getByLabel('Del av kartan').selectOption({ label: 'Placering beslutas' });
  await link.getByLabel('Slag av uppgift').selectOption({ label: 'Barnets uppgifter' });
  await link.getByLabel('Kopplad till').selectOption({ label: 'Placering' });
  await link.getByRole('button', { name: 'Spara kopplingen' }).click();
  await expect(page.getByRole('button', { name: 'Ta bort kopplingen för Placering beslutas' })).toBeVisible();

  // A negative time is refused at the field.
  await link.getByLabel('Del av kartan').selectOption({ label: 'Första nätverksmötet' });
  await link.getByLabel('Slag av uppgift').selectOption({ label: 'Möte' });
  await link.getByLabel('Kopplad till').selectOption({ label: 'Första nätverksmötet' });
  await link.getByLabel('Förväntad tid räknas från').selectOption({ label: 'Placering beslutas' });
  await link.getByLabel('Förväntad tid i dagar').fill('-1');
  await link.getByRole('button', { name: 'Spara kopplingen' }).click();
  await expect(link.getByLabel('Förväntad tid i dagar')).toHaveAttribute('aria-invalid', 'true');
  await link.getByLabel('Förväntad tid i dagar').fill('14');
  await link.getByRole('button', { name: 'Spara kopplingen' }).click();

  // The table, for screen readers, with the same figures as the canvas.
  const table = page.getByRole('table', { name: /Antagen version 1/ });
  const row = table.getByRole('row', { name: /Första nätverksmötet/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: 'inom 14 dagar från Placering beslutas' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Placering beslutas/ })).toBeVisible();
  // Demo figures are few: below five they read "<5", never a child's name.
  await expect(row).not.toContainText('Amir');
  // The canvas: the element marked by status, with a badge that carries a sign and words, not colour alone.
  await expect(page.locator('.bpmn-canvas [data-element-id="Task_FirstHub"]')).toHaveClass(
    /navet-(good|fair|poor|unknown)/,
  );
  await expect(page.locator('.bpmn-canvas .navet-canvas-mark').first()).toHaveText(
    /^[✓!✕?] (Bra|Delvis|Brister|Okänt)/,
  );
  await expect(page.getByRole('list', { name: 'Teckenförklaring' }).first()).toContainText(
    'I tid för minst 90 % av barnen',
  );
  await expectAccessible(page);

  // A time before a later step: the 18th birthday linked, and a task (the starter map has no plan step) standing in
  // for the SIP at least 90 days before it, in words in the table and the legend.
  await link.getByLabel('Del av kartan').selectOption({ label: 'Barnet fyller 18' });
  await link.getByLabel('Slag av uppgift').selectOption({ label: 'Barnets uppgifter' });
  await link.getByLabel('Kopplad till').selectOption({ label: 'Fyller 18 år' });
  await link.getByLabel('Förväntad tid räknas från').selectOption({ label: 'Ingen förväntad tid' });
  await link.getByLabel('Förväntad tid i dagar').fill('');
  await link.getByRole('button', { name: 'Spara kopplingen' }).click();
  await expect(page.getByRole('button', { name: 'Ta bort kopplingen för Barnet fyller 18' })).toBeVisible();
  await link.getByLabel('Del av kartan').selectOption({ label: 'Hälsoundersökning' });
  await link.getByLabel('Slag av uppgift').selectOption({ label: 'Plan (SIP eller I-SIP)' });
  await link.getByLabel('Kopplad till').selectOption({ label: 'SIP fastställd' });
  await link.getByLabel('Förväntad tid räknas från').selectOption({ label: 'Barnet fyller 18' });
  await link.getByLabel('Efter eller före').selectOption({ label: 'före – minst så många dagar före' });
  await link.getByLabel('Förväntad tid i dagar').fill('90');
  await link.getByRole('button', { name: 'Spara kopplingen' }).click();
  const plan = table.getByRole('row', { name: /^Hälsoundersökning/ });
  await expect(plan.getByRole('cell', { name: 'minst 90 dagar före Barnet fyller 18' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Teckenförklaring' }).first()).toContainText('En tid före ett steg');
  await expectAccessible(page);
});
