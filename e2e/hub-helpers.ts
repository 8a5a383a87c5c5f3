import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, demo } from './helpers.ts';

/** An API session of one user: its own cookie jar and CSRF token, apart from any browser page. */
export interface ApiSession {
  api: APIRequestContext;
  get: (path: string) => Promise<unknown>;
  send: (method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => Promise<unknown>;
}

export async function apiSession(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { email, password } });
  expect(login.status(), `login of ${email}`).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const get = async (path: string) => {
    const res = await api.get(path);
    expect(res.status(), `GET ${path}`).toBe(200);
    return res.json() as Promise<unknown>;
  };
  const send = async (method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => {
    const res = await api.fetch(path, { method, data: body, headers: { 'x-csrf-token': csrfToken } });
    expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
    return res.json() as Promise<unknown>;
  };
  return { api, get, send };
}

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
}

/**
 * A social worker of the demo municipality for one test file. The demo's own
 * social worker keeps exactly her four children, which other tests count.
 */
export async function createSocialWorker(baseURL: string, displayName: string): Promise<NewUser> {
  const admin = await apiSession(baseURL, demo.admin);
  const orgs = (await admin.get('/api/admin/organisations')) as { id: string; name: string }[];
  const social = orgs.find((o) => o.name === 'Strömsunds kommun, socialtjänsten');
  expect(social, 'the demo social services').toBeTruthy();
  const user: NewUser = {
    email: `e2e.${displayName
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')
      .replace(/^\.|\.$/g, '')}.${Date.now()}@demo.navet.se`,
    password: 'Kvällssol-över-Ströms-vattudal-42',
    displayName,
  };
  const created = (await admin.send('POST', '/api/admin/users', {
    email: user.email,
    displayName,
    password: user.password,
    memberships: [{ organisationId: social!.id, role: 'social_worker' }],
  })) as { pendingGrants: { id: string }[] };
  await admin.api.dispose();
  // A social worker reads children's data: the second admin approves the role.
  const second = await apiSession(baseURL, demo.admin2);
  for (const g of created.pendingGrants) await second.send('POST', `/api/admin/grants/${g.id}/approve`, {});
  await second.api.dispose();
  return user;
}

/** Today plus some days, as YYYY-MM-DD in Sweden (the server's calendar). */
export function swedishDate(daysAhead = 0): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d);
}

/** Writes Western digits as Persian ones, as a Dari keyboard types them. */
export function persianDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/**
 * Opens one view of the child page by its link (Händelser, Navet, Frågor, Möten, Plan, Barnet,
 * Historik; in English Events, The hub, …): only the view shown has its sections on the page.
 */
export async function openChildView(page: Page, name: string): Promise<void> {
  const views = page.getByRole('navigation', { name: /^(Innehåll på sidan|On this page)$/ });
  const link = views.getByRole('link', { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}
