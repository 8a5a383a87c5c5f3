import { expect, test } from '@playwright/test';
import { demo, expectAccessible, logIn } from './helpers.ts';

/*
 * The I-SIP switch is left as the demo has it: browser tests share one demo database, and a drafted I-SIP
 * would stand in the way of the plan tests. Its effect is tested on the server (events/routing.test.ts).
 */
test('an admin sees who is told what, sets the escalation time, and adds and archives a legal basis', async ({
  page,
}) => {
  await logIn(page, demo.admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Aviseringar och rättsliga grunder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aviseringar och rättsliga grunder' })).toBeVisible();
  const rules = page.getByRole('table', { name: 'Vem som får veta vad' });
  await expect(rules.getByRole('row', { name: /Avslag på asylansökan/ })).toContainText('socialsekreterare');
  await expect(page.getByLabel('Upprätta en I-SIP för varje barn som får avslag')).toBeVisible();
  await expectAccessible(page);

  // Out of range is refused at the field; the stored value is kept.
  const hours = page.getByLabel('Arbetstimmar innan en obekräftad avisering går till chefen');
  const before = await hours.inputValue();
  await hours.fill('0');
  await page.getByRole('button', { name: 'Spara kommunens val' }).click();
  await expect(page.getByText('Ange ett helt antal timmar mellan 1 och 45.')).toBeVisible();
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await hours.fill(before);
  await page.getByRole('button', { name: 'Spara kommunens val' }).click();
  await expect(page.getByText('Kommunens val är sparade.')).toBeVisible();

  const name = `Lokal överenskommelse ${Date.now()}`;
  await page.getByRole('button', { name: 'Lägg till grunden' }).click();
  await expect(page.getByText('Fyll i fältet.').first()).toBeVisible();
  await page.getByLabel('Namn på svenska').fill(name);
  await page.getByLabel('Namn på engelska').fill('Local agreement');
  await page.getByLabel('Hänvisning (lag, paragraf eller överenskommelse)').fill('Överenskommelse med regionen 2026');
  await page.getByRole('button', { name: 'Lägg till grunden' }).click();
  await expect(page.getByText('Grunden är tillagd.')).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: name });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Arkivera' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Arkivera' }).click();
  await expect(item).toContainText('arkiverad');

  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
});
