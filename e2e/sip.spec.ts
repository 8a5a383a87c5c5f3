import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, logIn } from './helpers.ts';
import { apiSession, createSocialWorker, openChildView, swedishDate, type NewUser } from './hub-helpers.ts';

const MENTOR = 'mentor@demo.navet.se';
const SCHOOL = 'Hedbergska skolan';
const BUP = 'Region Jämtland Härjedalen, BUP';
const SOCIAL = 'Strömsunds kommun, socialtjänsten';
const HEALTH_MEASURE = 'Samtal på BUP om sömnen varannan vecka';
const SCHOOL_MEASURE = 'Studiehandledning på dari i matematik';
const SCHOOL_MEASURE_EDITED = 'Studiehandledning på dari i matematik och NO';
const WAIVER = 'Nadia ville inte ha ett möte till; planen gjordes med henne och god man.';

/**
 * A child of this test alone, with a rejection, in the hub of a social worker
 * made for the test, the demo's god man, contact person and school mentor.
 * The demo's own children keep the state other tests count on.
 */
async function childWithRejection(baseURL: string, worker: NewUser): Promise<{ id: string; name: string }> {
  const s = await apiSession(baseURL, worker.email, worker.password);
  const name = `Nadia ${Date.now() % 100000}`;
  const child = (await s.send('POST', '/api/children', {
    displayName: name,
    languages: ['prs', 'sv'],
    asylumStatus: 'rejected',
  })) as { id: string };
  const people = (await s.get('/api/hub/people?limit=100')) as { items: { userId: string; displayName: string }[] };
  for (const [who, hubRole] of [
    ['Göran Ek', 'god_man'],
    ['Karin Berg', 'contact_person'],
    ['Mats Holm', 'school_mentor'],
  ] as const) {
    const person = people.items.find((p) => p.displayName === who);
    expect(person, who).toBeTruthy();
    await s.send('POST', `/api/children/${child.id}/hub/members`, { userId: person!.userId, hubRole });
  }
  await s.api.dispose();
  return { id: child.id, name };
}

/** The plan's step sections on the page: one at a time (the regions named "1. Behov" … "8. Avsluta"). */
function stepSections(page: Page) {
  return page.getByRole('region', { name: /^\d\. / });
}

/** A step in the stepper, by its name and its state ("klart", "pågår", "kvar"), which the link's name ends with. */
function stepIn(steps: Locator, name: string, state: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return steps.getByRole('link', { name: new RegExp(`^${escaped}\\s*,\\s*${state}$`) });
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function recordConsent(page: Page, childId: string, categories: string[], organisations: string[]) {
  await page.goto(`/children/${childId}/consents`);
  await expect(page.getByRole('heading', { level: 1, name: /^Samtycken för/ })).toBeVisible();
  const form = page.getByRole('form', { name: 'Registrera ett samtycke' });
  for (const org of organisations) await form.getByRole('checkbox', { name: org, exact: true }).check();
  for (const c of categories) await form.getByRole('checkbox', { name: c, exact: true }).check();
  await form.getByLabel('Gäller till och med').fill(swedishDate(365));
  await form.getByRole('button', { name: 'Registrera samtycket' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Samtycket är registrerat.' })).toBeVisible();
}

test('a social worker records consent, makes an I-SIP after a rejection, calls the hub, adopts it and downloads the PDF; the school sees health only once consent covers it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const worker = await createSocialWorker(baseURL!, 'Sofia Sipström');
  const child = await childWithRejection(baseURL!, worker);

  // The consent: the child and the god man, for the school and BUP; school and social services information only.
  await logIn(page, worker.email, worker.password);
  await page.goto(`/children/${child.id}`);
  await openChildView(page, 'Plan');
  const section = page.getByRole('region', { name: 'Samordnad individuell plan (SIP / I-SIP)' });
  await expect(section).toContainText('Barnets asylansökan har fått avslag');
  await section.getByRole('link', { name: 'Samtycken och delning' }).click();
  await expect(page.getByRole('checkbox', { name: SOCIAL, exact: true })).toBeChecked();
  await expectAccessible(page);
  await recordConsent(page, child.id, ['Skola', 'Socialtjänst'], [SCHOOL, BUP]);
  await expect(page.getByRole('listitem').filter({ hasText: 'Gäller' }).first()).toContainText(SCHOOL);
  await expectAccessible(page);

  // An I-SIP, because of the rejection.
  // The way back leads to the plan's view, where the consents were opened from.
  await page.getByRole('link', { name: `Tillbaka till ${child.name}` }).click();
  await expect(page).toHaveURL(/\?view=plan$/);
  await expect(section.getByLabel('Slags plan')).toHaveValue('isip');
  await section.getByRole('button', { name: 'Starta en plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `I-SIP för ${child.name}` })).toBeVisible();
  const missing = page.getByRole('region', { name: 'Det här saknas innan planen kan antas' });
  await expect(missing).toContainText('Barnets giltiga samtycke till planen');
  await expect(missing).toContainText('Del 4: huvudman med övergripande ansvar');
  // A guided sequence: a new plan opens at its first step not done, one step at a time, and the URL says which.
  const steps = page.getByRole('navigation', { name: 'Planens steg' });
  await expect(steps.getByRole('link')).toHaveCount(8);
  await expect(page).toHaveURL(/\?step=needs$/);
  await expect(stepIn(steps, '1. Behov', 'pågår')).toHaveAttribute('aria-current', 'step');
  await expect(stepIn(steps, '2. Förbered och kontrollera samtycke', 'kvar')).not.toHaveAttribute('aria-current');
  await expect(stepSections(page)).toHaveCount(1);
  await expect(page.getByRole('region', { name: '1. Behov' })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  const needForm = page.getByRole('form', { name: 'Lägg till behov' });
  await needForm.getByLabel('Behov').fill('Nadia behöver veta vad avslaget betyder och få stöd i skolan.');
  await needForm.getByLabel('Slags uppgift').selectOption({ label: 'Socialtjänst' });
  await needForm.getByRole('button', { name: 'Lägg till behov' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Behovet är tillagt.' })).toBeVisible();
  // Done, and the page stays on the step until the user moves on.
  await expect(stepIn(steps, '1. Behov', 'klart')).toHaveAttribute('aria-current', 'step');
  await expect(page).toHaveURL(/\?step=needs$/);

  // Step 2: the consent, the chair, the child's part and own words. Moving on puts focus on the step's heading.
  await page.getByRole('link', { name: 'Nästa steg: 2. Förbered och kontrollera samtycke' }).click();
  await expect(page).toHaveURL(/\?step=prepare$/);
  await expect(page.getByRole('heading', { level: 2, name: '2. Förbered och kontrollera samtycke' })).toBeFocused();
  await expect(stepSections(page)).toHaveCount(1);
  // The confirmation belonged to step 1: it does not follow the user to step 2.
  await expect(page.getByText('Behovet är tillagt.')).toHaveCount(0);
  await expectAccessible(page);
  const prepare = page.getByRole('form', { name: '2. Förbered och kontrollera samtycke' });
  await prepare.getByLabel('Barnets samtycke').selectOption({ index: 1 });
  await prepare.getByLabel('Ordförande för SIP-mötet').selectOption({ label: 'Sofia Sipström (socialsekreterare)' });
  await prepare.getByLabel('Barnets delaktighet').selectOption({ label: 'Barnet deltog' });
  await prepare.getByLabel('Barnets egna ord').fill('من می خواهم به مدرسه بروم');
  await prepare.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat.' })).toBeVisible();
  await expect(missing).not.toContainText('Barnets giltiga samtycke till planen');
  await expect(stepIn(steps, '2. Förbered och kontrollera samtycke', 'klart')).toHaveAttribute('aria-current', 'step');
  // A reload keeps the step; the browser's back button goes to the one before.
  await page.reload();
  await expect(page.getByRole('region', { name: '2. Förbered och kontrollera samtycke' })).toBeVisible();
  await expect(stepSections(page)).toHaveCount(1);
  await page.goBack();
  await expect(page).toHaveURL(/\?step=needs$/);
  await expect(page.getByRole('heading', { level: 2, name: '1. Behov' })).toBeFocused();
  // Opened without a step, the plan opens where the work is: the first step not done.
  await page.goto(new URL(page.url()).pathname);
  await expect(page).toHaveURL(/\?step=invite$/);
  await expect(stepIn(steps, '3. Kalla och bjud in', 'pågår')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('link', { name: 'Föregående steg: 2. Förbered och kontrollera samtycke' })).toBeVisible();
  await expectAccessible(page);

  // Step 3: call the hub (the municipality's god man and school are summoned, the HVB invited) and book the meeting.
  const whom = page.getByRole('form', { name: 'Vilka ska kallas och bjudas in?' });
  for (const who of ['Göran Ek', 'Karin Berg', 'Mats Holm'])
    await whom.getByRole('checkbox', { name: new RegExp(who) }).check();
  await whom.getByRole('button', { name: 'Spara deltagarna' }).click();
  const called = page.getByRole('list', { name: 'Kallade och inbjudna' });
  await expect(called.getByRole('listitem').filter({ hasText: 'Mats Holm' })).toContainText('kallas (huvudman)');
  await expect(called.getByRole('listitem').filter({ hasText: 'Karin Berg' })).toContainText('bjuds in');
  const booking = page.getByRole('form', { name: 'Boka SIP-mötet och skicka kallelser' });
  await booking.getByLabel('Dag').fill(swedishDate(7));
  await booking.getByLabel('Plats').fill('Socialkontoret, rum 3');
  await booking.getByRole('button', { name: 'Boka mötet och skicka' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Mötet är bokat och kallelserna är skickade.' }),
  ).toBeVisible();
  await expect(stepIn(steps, '3. Kalla och bjud in', 'klart')).toBeVisible();
  await page.getByRole('link', { name: 'Nästa steg: 4. SIP-möte' }).click();
  await expect(page.getByRole('region', { name: '4. SIP-möte' }).getByRole('link')).toHaveCount(1);
  await expect(stepIn(steps, '4. SIP-möte', 'pågår')).toHaveAttribute('aria-current', 'step');
  await expectAccessible(page);

  // Step 5: the measures — one for the school, one for BUP (health) — and parts 3 and 4.
  await steps.getByRole('link', { name: /^5\. Insatser/ }).click();
  await expect(page).toHaveURL(/\?step=measures$/);
  await expect(page.getByRole('heading', { level: 2, name: '5. Insatser – planens fyra delar' })).toBeFocused();
  const measure = page.getByRole('form', { name: 'Lägg till insats' });
  for (const [text, org, category, person] of [
    [SCHOOL_MEASURE, SCHOOL, 'Skola', 'Mats Holm'],
    [HEALTH_MEASURE, BUP, 'Hälsa', 'Bo Persson'],
  ] as const) {
    await measure.getByLabel('Insats', { exact: true }).fill(text);
    await measure.getByLabel('Ansvarig organisation').selectOption({ label: org });
    await measure.getByLabel('Ansvarig person').fill(person);
    await measure.getByLabel('Mätbart mål').fill('Klarar provet i matematik i maj');
    await measure.getByLabel('Slags uppgift').selectOption({ label: category });
    await measure.getByRole('button', { name: 'Lägg till insats' }).click();
    // The form empties when the server has the measure (the text is in the form until then).
    await expect(measure.getByLabel('Insats', { exact: true })).toHaveValue('');
    await expect(page.getByRole('heading', { level: 4, name: org })).toBeVisible();
  }
  const parts = page.getByRole('form', { name: 'Del 3 och 4' });
  await parts.getByRole('checkbox', { name: 'Inga insatser görs av andra än kommun och region' }).check();
  await parts.getByLabel('Huvudman med övergripande ansvar').selectOption({ label: SOCIAL });
  await parts.getByRole('button', { name: 'Spara del 3 och 4' }).click();
  // Everything but the SIP meeting, which is booked but not yet held.
  await expect(missing.getByRole('listitem')).toHaveCount(1);
  await expect(missing).toContainText('SIP-mötet har hållits');

  // A measure is changed in place. Meanwhile someone else changes it: the form shows their text and keeps ours.
  const list = page.getByRole('region', { name: '5. Insatser – planens fyra delar' });
  await list.getByRole('button', { name: new RegExp(`^Ändra\\s*: ${SCHOOL_MEASURE}$`) }).click();
  // Named by the measure as stored, which changes under the form below.
  const edit = list.getByRole('form', { name: /^Ändra insatsen/ });
  await edit.getByLabel('Insats', { exact: true }).fill(SCHOOL_MEASURE_EDITED);
  await edit.getByLabel('Mätbart mål').fill('');
  await edit.getByRole('button', { name: 'Spara insatsen' }).click();
  await expect(edit.getByLabel('Mätbart mål')).toBeFocused();
  await expect(edit.getByText('Skriv ett mål som går att följa upp.')).toBeVisible();
  await edit.getByLabel('Mätbart mål').fill('Klarar provet i matematik i juni');
  const other = await apiSession(baseURL!, worker.email, worker.password);
  const planId = new URL(page.url()).pathname.split('/').pop()!;
  const live = (await other.get(`/api/plans/${planId}`)) as {
    measures: { id: string; description: string; version: number }[];
  };
  const stored = live.measures.find((m) => m.description === SCHOOL_MEASURE)!;
  await other.send('PATCH', `/api/plans/${planId}/measures/${stored.id}`, {
    version: stored.version,
    description: 'Studiehandledning på dari, ändrad av någon annan',
  });
  await other.api.dispose();
  await edit.getByRole('button', { name: 'Spara insatsen' }).click();
  await expect(edit).toContainText('Någon annan har ändrat insatsen');
  await expect(edit).toContainText('Studiehandledning på dari, ändrad av någon annan');
  await expect(edit.getByLabel('Insats', { exact: true })).toHaveValue(SCHOOL_MEASURE_EDITED);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await edit.getByRole('button', { name: 'Spara min version ändå' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Insatsen är ändrad.' })).toBeVisible();
  await expect(list.getByText(SCHOOL_MEASURE_EDITED).first()).toBeVisible();
  await expect(stepIn(steps, '5. Insatser – planens fyra delar', 'klart')).toBeVisible();

  // What is missing links to the step where it is done, and shows that step.
  await missing.getByRole('link', { name: 'SIP-mötet har hållits' }).click();
  await expect(page).toHaveURL(/\?step=meeting$/);
  await expect(page.getByRole('heading', { level: 2, name: '4. SIP-möte' })).toBeFocused();

  // Step 6: adopt with a follow-up, and the child's approval.
  await steps.getByRole('link', { name: /^6\. Anta/ }).click();
  await expect(page).toHaveURL(/\?step=adopt$/);
  const adopt = page.getByRole('form', { name: 'Anta planen' });
  await adopt.getByLabel('Uppföljning', { exact: true }).fill(swedishDate(90));
  await adopt.getByLabel('Vem följer upp?').selectOption({ label: 'Sofia Sipström (socialsekreterare)' });
  await adopt.getByRole('checkbox', { name: 'Barnet har godkänt planen' }).check();
  // The SIP meeting has not been held: adopting is refused at the field until it is waived with a reason.
  await adopt.getByRole('button', { name: 'Anta planen' }).click();
  await expect(adopt.getByText('Håll SIP-mötet först')).toBeVisible();
  await expect(adopt.getByRole('checkbox', { name: 'Anta planen utan SIP-möte' })).toBeFocused();
  await adopt.getByRole('checkbox', { name: 'Anta planen utan SIP-möte' }).check();
  await adopt.getByLabel('Skäl till att planen antas utan SIP-möte').fill(WAIVER);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await adopt.getByRole('button', { name: 'Anta planen' }).click();
  // Adoption locks the version: a dialog says so, and who is reminded when, before anything happens.
  const confirmAdopt = page.getByRole('alertdialog', { name: 'Anta planen?' });
  await expect(confirmAdopt).toContainText('Version 1 låses');
  await expect(confirmAdopt).toContainText(`Planen antas utan SIP-möte. Skälet sparas med versionen: ”${WAIVER}”`);
  await expect(confirmAdopt).toContainText('Sofia Sipström får en påminnelse');
  await expectAccessible(page);
  await confirmAdopt.getByRole('button', { name: 'Ja, anta planen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Planen är antagen.' })).toBeVisible();
  await expect(page.getByText(/Gäller – version 1 gäller/)).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner version 1 som PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('navet-isip-v1.pdf');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  const planPath = new URL(page.url()).pathname;
  const planUrl = `${planPath}?step=measures`;
  await logOut(page);

  // The school mentor sees the plan and the school's measure, not BUP's health information, and is told so.
  await logIn(page, MENTOR);
  await page.goto(planUrl);
  await expect(page.getByRole('heading', { level: 1, name: `I-SIP för ${child.name}` })).toBeVisible();
  await expect(page.getByText(SCHOOL_MEASURE_EDITED).first()).toBeVisible();
  await expect(page.getByText(HEALTH_MEASURE)).toHaveCount(0);
  await expect(page.getByText('Allt delas inte med dig')).toBeVisible();
  await expectAccessible(page);
  // An adopted plan opens at its follow-up.
  await page.goto(planPath);
  await expect(page).toHaveURL(/\?step=follow-up$/);
  await expect(stepIn(page.getByRole('navigation', { name: 'Planens steg' }), '7. Följ upp', 'pågår')).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByRole('region', { name: '7. Följ upp' })).toBeVisible();
  await expect(stepSections(page)).toHaveCount(1);
  await expectAccessible(page);
  await logOut(page);

  // Once the child consents to health information for the school, the school sees it.
  await logIn(page, worker.email, worker.password);
  await recordConsent(page, child.id, ['Hälsa'], [SCHOOL]);
  await logOut(page);
  await logIn(page, MENTOR);
  await page.goto(planUrl);
  await expect(page.getByText(HEALTH_MEASURE).first()).toBeVisible();
  await expect(page.getByText('Allt delas inte med dig')).toHaveCount(0);
});

test('a consent that does not cover plans is extended in place from the plan, without leaving it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const worker = await createSocialWorker(baseURL!, 'Sixten Samtyck');
  const child = await childWithRejection(baseURL!, worker);
  const s = await apiSession(baseURL!, worker.email, worker.password);
  const orgs = (await s.get('/api/hub/organisations')) as { items: { id: string; name: string }[] };
  const orgId = (name: string) => orgs.items.find((o) => o.name === name)!.id;
  // Consent for the hub's work only: not for a plan.
  await s.send('POST', `/api/children/${child.id}/consents`, {
    givenBy: 'both',
    organisationIds: [orgId(SOCIAL), orgId(SCHOOL)],
    categories: ['school', 'social_services'],
    purposes: ['hub'],
    validFrom: swedishDate(0),
    validTo: swedishDate(180),
    form: 'written',
  });
  const plan = (await s.send('POST', `/api/children/${child.id}/plans`, { kind: 'isip' })) as { id: string };
  await s.api.dispose();

  await logIn(page, worker.email, worker.password);
  await page.goto(`/plans/${plan.id}`);
  const missing = page.getByRole('region', { name: 'Det här saknas innan planen kan antas' });
  await expect(missing).toContainText('Barnets giltiga samtycke till planen');
  // The missing consent links to the step where it is given.
  await missing.getByRole('link', { name: 'Barnets giltiga samtycke till planen' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}\\?step=prepare$`));
  await expect(page.getByRole('heading', { level: 2, name: '2. Förbered och kontrollera samtycke' })).toBeFocused();
  const extend = page.getByRole('form', { name: 'Samtycket gäller inte för planen' });
  await expect(extend).toContainText(SCHOOL);
  // Not without saying that consent to the plan was given: the message is at the box, and focus goes there.
  await extend.getByRole('button', { name: 'Registrera samtycket för planen' }).click();
  const agree = extend.getByRole('checkbox', {
    name: 'De som gav samtycket har sagt ja till att det också gäller planen',
  });
  await expect(agree).toBeFocused();
  await expect(extend).toContainText('Kryssa i att samtycket till planen har getts');
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await agree.check();
  await extend.getByRole('button', { name: 'Registrera samtycket för planen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Samtycket gäller nu också planen' })).toBeVisible();
  await expect(missing).not.toContainText('Barnets giltiga samtycke till planen');
  await expect(extend).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}\\?step=prepare$`));
  await expect(page.getByLabel('Barnets samtycke')).not.toHaveValue('');
});
