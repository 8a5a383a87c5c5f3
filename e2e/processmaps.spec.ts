import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * A coordinator opens the demo collaboration's starter map of the asylum
 * path, records a workshop note on the first hub meeting, turns it into a
 * development proposal and a competence need, saves a version from the modeler, adopts it through
 * the forum's decision and exports it as BPMN; then follows the links between
 * the note, its proposal and its need. Axe runs on every page.
 */

const COLLABORATION = 'Samverkan ensamkommande Strömsund–Krokom (demo)';
const NOTE = 'Första nätverksmötet blir ofta sent';

test('a coordinator annotates the starter map, makes a proposal of it, saves, adopts and exports', async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, demo.coordinator);
  await page.goto('/collaborations');
  await page.getByRole('link', { name: COLLABORATION }).click();
  await page.getByRole('link', { name: 'Processkartor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Processkartor' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Barnets väg genom asylprocessen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Barnets väg genom asylprocessen' })).toBeVisible();
  // The modeler has drawn the starter map.
  await expect(page.locator('.bpmn-canvas [data-element-id="Task_FirstHub"]')).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Ny anteckning' });
  await form.getByLabel('Del av kartan').selectOption({ label: 'Första nätverksmötet' });
  await form.getByLabel('Fråga').selectOption({ label: 'Fungerar mindre bra' });
  await form.getByLabel('Anteckning').fill(NOTE);
  await form.getByRole('button', { name: 'Lägg till anteckning' }).click();
  const item = page.getByRole('listitem').filter({ hasText: NOTE }).first();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Gör till utvecklingsförslag' }).click();
  await expect(item.getByRole('link', { name: /Utvecklingsförslag skapat/ })).toBeVisible();
  await item.getByLabel('Kompetensbehovet klart senast').fill('2027-06-30');
  await item.getByRole('button', { name: 'Gör till kompetensbehov' }).click();
  await expect(item.getByRole('link', { name: /Kompetensbehov skapat/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Kommentar till versionen (valfritt)').fill('Efter workshoppen');
  await page.getByRole('button', { name: 'Spara version' }).click();
  await expect(page.getByText('Sparat som version 2.')).toBeVisible();

  const adopt = page.getByRole('form', { name: 'Anta en version' });
  await adopt.getByLabel('Version', { exact: true }).selectOption('2');
  await adopt.getByLabel('Beslutande organ som protokollet anger').fill('Samverkansforum');
  await adopt.getByLabel('Beslutsdatum').fill('2026-11-20');
  await adopt.getByLabel('Beslutet').fill('Forumet antar processkartan.');
  page.once('dialog', (d) => void d.accept());
  await adopt.getByRole('button', { name: 'Anta versionen' }).click();
  await expect(page.getByText(/Antagen av Samverkansforum/)).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exportera version 2 som BPMN' }).click();
  const file = await (await download).path();
  const xml = readFileSync(file, 'utf8');
  expect(xml).toContain('<bpmn:definitions');
  expect(xml).toContain('name="Första nätverksmötet"');
  expect(xml).toContain('navet:nameEn="First hub meeting"');

  // Linked both ways: the proposal and the need name the annotation, which names them.
  await item.getByRole('link', { name: /Utvecklingsförslag skapat/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Utvecklingsförslag/ })).toBeVisible();
  const proposal = page.getByRole('listitem').filter({ hasText: 'Från processkartläggningen' }).first();
  await expect(proposal.getByRole('link', { name: NOTE })).toBeVisible();
  await expectAccessible(page);
  await proposal.getByRole('link', { name: NOTE }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Barnets väg genom asylprocessen' })).toBeVisible();
  await page
    .getByRole('listitem')
    .filter({ hasText: NOTE })
    .first()
    .getByRole('link', { name: /Kompetensbehov skapat/ })
    .click();
  const need = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: NOTE }) });
  await expect(need.getByRole('link', { name: 'Visa anteckningen i processkartan' })).toBeVisible();
  await expectAccessible(page);
});
