import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startMailServer } from '../server/domain/auth/invitations-test-mail.ts';
import { startTestProvider, type TestProvider } from '../server/domain/auth/oidc-test-provider.ts';
import { DEMO_PASSWORD, demo, expectAccessible } from './helpers.ts';

/*
 * Login through a municipality's identity provider, in Chromium. This file runs its own Navet (a fresh
 * demo database, a mail server and a client secret key of its own) beside a real OpenID provider, all on
 * 127.0.0.1, so the shared e2e server stays as it is.
 */

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let navet: ChildProcess;
let dataDir: string;
let base: string;
let op: TestProvider;
let mail: Awaited<ReturnType<typeof startMailServer>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  mail = await startMailServer();
  op = await startTestProvider([`${base}/api/auth/oidc/callback`]);
  dataDir = mkdtempSync(path.join(tmpdir(), 'navet-e2e-oidc-'));
  navet = spawn(process.execPath, ['bin/navet.mjs', 'serve'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: 'inherit',
    env: {
      ...process.env,
      NAVET_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      NAVET_PUBLIC_URL: base,
      NAVET_SMTP_URL: mail.url,
      NAVET_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
      NAVET_LOGIN_MAX_PER_MINUTE: '1000',
    },
  });
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 300) throw new Error('Navet did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  navet?.kill('SIGTERM');
  await new Promise((r) => navet?.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  await op?.close();
  await mail?.close();
});

test('an admin sets up the provider and invites; the invitee links their login and logs in with it', async ({
  page,
  context,
}) => {
  // The admin, by password: configures the provider and invites a colleague.
  await page.goto(`${base}/login`);
  await page.getByLabel('E-postadress').fill(demo.admin);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('banner')).toBeVisible();
  await page.goto(`${base}/admin`);
  await page.getByRole('link', { name: /identitetsleverantör \(OIDC\)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Identitetsleverantör (OIDC)' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Erbjud inloggning via identitetsleverantören').check();
  await page.getByLabel('Utfärdare (issuer)').fill(op.issuer);
  await page.getByLabel('Klient-id').fill(op.clientId);
  await page.getByLabel('Klienthemlighet').fill(op.clientSecret);
  await page.getByLabel('Text på inloggningsknappen').fill('Regionens inloggning');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByText('Inställningarna är sparade.')).toBeVisible();
  await expectAccessible(page);

  const email = `ny.kollega.${Date.now()}@demo.navet.se`;
  await page.getByLabel('Namn').fill('Nora Ny');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Organisation').selectOption({ index: 1 });
  await page.getByLabel('Roll').selectOption('school_mentor');
  await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await expect(page.getByText(`Inbjudan är skickad till ${email}.`)).toBeVisible();
  // A mentor reads children's data: the role waits for a second admin, and the page says so.
  await expect(page.getByText(/^En roll väntar på att en andra administratör godkänner den/)).toBeVisible();
  await expectAccessible(page);
  await context.clearCookies();

  // The invitee opens the mailed link and links their organisation's login.
  op.next.subject = `nora-${Date.now()}`;
  await page.goto(`${base}/invite#${mail.tokenFor(email)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen till Navet' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Koppla min organisations inloggning' }).click();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Nora Ny');
  await context.clearCookies();

  // From now on the provider's button logs her in.
  await page.goto(`${base}/login`);
  const button = page.getByRole('link', { name: /Logga in med Regionens inloggning/ });
  await expect(button).toBeVisible();
  await expectAccessible(page);
  await button.click();
  await expect(page.getByRole('banner')).toContainText('Nora Ny');

  // Someone the municipality never invited is refused, and told why.
  await context.clearCookies();
  op.next.subject = `stranger-${Date.now()}`;
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: /Logga in med Regionens inloggning/ }).click();
  await expect(page.getByText('inte kopplad till något konto i Navet')).toBeVisible();
  await expectAccessible(page);

  // A used invitation link says so.
  await page.goto(`${base}/invite#${mail.tokenFor(email)}`);
  await expect(page.getByText('Länken har redan använts. Be om en ny.')).toBeVisible();
  await expectAccessible(page);
});

test('forgotten password: the same answer for any address, in Swedish', async ({ page }) => {
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glömt lösenordet' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('E-postadress').fill(demo.godMan);
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByText('Om adressen hör till ett konto i Navet')).toBeVisible();
  await expectAccessible(page);
  for (let i = 0; i < 100 && !mail.received.some((m) => m.to.includes(demo.godMan)); i++)
    await new Promise((r) => setTimeout(r, 100));
  await page.goto(`${base}/reset-password#${mail.tokenFor(demo.godMan)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Välj nytt lösenord' })).toBeVisible();
  await page.getByLabel('Nytt lösenord').fill('kort');
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(page.getByText('Lösenordet är för kort eller för vanligt')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nytt lösenord').fill('ett långt och ovanligt lösenord 7');
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  await expect(page.getByText('Lösenordet är bytt')).toBeVisible();
  await expectAccessible(page);
});
