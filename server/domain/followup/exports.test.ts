import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/tables.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../../test/factories.ts';
import { login, startTestApp, type TestApp } from '../../test/harness.ts';
import { children } from '../children/tables.ts';
import { collaborationProposals } from '../collaboration/roadmap/tables.ts';
import { barriers } from '../collaboration/strategic/tables.ts';
import { collaborations, collaborationTenants } from '../collaboration/tables.ts';
import { figuresUrl, followupWorld } from './test-fixtures.ts';

/** The XLSX export and the yearly report PDF: the same masked figures, the same scope, no child named. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type World = Awaited<ReturnType<typeof followupWorld>>;
/** `n` children with a rejection recorded on `day`, the first `withPlan` of them with an active plan. */
async function rejections(w: World, day: string, n: number, withPlan: number) {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await w.child();
    const name = `Barnnamn${day.replaceAll('-', '')}x${i}`;
    await t.database.db.update(children).set({ displayName: name }).where(eq(children.id, c.id));
    names.push(name);
    await w.rejection(c.id, new Date(`${day}T10:00:00+01:00`));
    if (i < withPlan) await w.plan(c.id, 'active');
  }
  return names;
}

const xlsxUrl = (url: string) => url.replace('figures?', 'figures.xlsx?');

async function readSheet(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the XLSX export', () => {
  it('holds the same masked figures as the CSV: "<5" and "–" are text, never a number', async () => {
    const w = await followupWorld(t.app, t.database.db);
    await rejections(w, '2026-01-13', 3, 0);
    await rejections(w, '2026-02-10', 10, 5);
    await rejections(w, '2026-03-10', 11, 6);
    const url = figuresUrl('municipality', w.tenant.id, 'rejection_with_plan', '2026-01', '2026-03');
    const res = await (await w.as(w.people.manager)).get(xlsxUrl(url));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual([
      'indicator',
      'unit',
      'period',
      'children',
      'base',
      'hits',
      'value',
      'p90',
      'target',
      'status',
      'trend',
    ]);
    const byPeriod = new Map(rows.slice(1).map((r) => [r[2], r]));
    // January: fewer than five children; the total holding January is withheld, so January cannot be worked out.
    expect(byPeriod.get('2026-01')!.slice(3, 6)).toEqual(['<5', '<5', '<5']);
    expect(byPeriod.get('2026-02')!.slice(3, 7)).toEqual([10, 10, 5, 0.5]);
    expect(byPeriod.get('2026-03')!.slice(3, 7)).toEqual([11, 11, 6, 0.545]);
    expect(byPeriod.get('total')!.slice(3, 6)).toEqual(['–', '–', '–']);
    for (const p of ['2026-01', 'total'])
      expect(
        byPeriod
          .get(p)!
          .slice(3, 8)
          .filter((v) => typeof v === 'number'),
      ).toEqual([]);
    // The CSV says the same.
    const csv = await (await w.as(w.people.manager)).get(url.replace('figures?', 'figures.csv?'));
    expect(csv.body).toContain('rejection_with_plan;share;2026-01;<5;<5;<5;;');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'followup.figures_read'), eq(auditLog.entityId, w.tenant.id)));
    expect(audited.map((a) => (a.detail as { format: string }).format).sort()).toEqual(['csv', 'xlsx']);
  });

  it('a reader outside the scope gets 403 or 404 as for the CSV; bad input is 400 with the field path', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const sw = await w.as(w.people.social_worker);
    const own = xlsxUrl(figuresUrl('municipality', w.tenant.id, 'first_hub_meeting', '2026-01', '2026-03'));
    expect((await sw.get(own)).statusCode).toBe(403);
    const foreign = await buildOrganisation(t.database.db, (await buildTenant(t.database.db)).id);
    const m = await w.as(w.people.manager);
    expect(
      (await m.get(xlsxUrl(figuresUrl('organisation', foreign.id, 'first_hub_meeting', '2026-01', '2026-03'))))
        .statusCode,
    ).toBe(404);
    expect(
      (await m.get(xlsxUrl(figuresUrl('organisation', w.other.id, 'first_hub_meeting', '2026-01', '2026-03'))))
        .statusCode,
    ).toBe(403);
    const bad = await m.get(
      xlsxUrl(figuresUrl('municipality', w.tenant.id, 'first_hub_meeting', '2026-05', '2026-03')),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toContain('query.to');
  });
});

async function collaborationOf(w: World) {
  const db = t.database.db;
  const [collab] = await db
    .insert(collaborations)
    .values({ name: 'Samverkan Norr', ownerTenantId: w.tenant.id, createdBy: w.people.coordinator.id })
    .returning();
  await db
    .insert(collaborationTenants)
    .values({ collaborationId: collab!.id, tenantId: w.tenant.id, status: 'accepted' });
  return collab!;
}

const pdfText = (pdf: Buffer) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-report-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

describe('the yearly report PDF', () => {
  it('shows each indicator per quarter, masked, with its target, the change since last year, barriers and proposals', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const db = t.database.db;
    const collab = await collaborationOf(w);
    const names = [
      ...(await rejections(w, '2025-06-10', 10, 5)),
      ...(await rejections(w, '2026-02-10', 11, 6)),
      ...(await rejections(w, '2026-05-12', 3, 0)),
    ];
    const coordinator = await w.as(w.people.coordinator);
    await coordinator.put(`/api/followup/collaborations/${collab.id}/targets/rejection_with_plan`, { target: 0.6 });
    await db.insert(barriers).values({
      collaborationId: collab.id,
      type: 'structural',
      description: 'Socialtjänsten och skolan har olika mötestider',
      level: 'strategic',
      raisedBy: w.people.coordinator.id,
      ownerUserId: w.people.coordinator.id,
      dueOn: '2026-09-30',
      createdAt: new Date('2026-03-01T10:00:00Z'),
    });
    await db.insert(collaborationProposals).values({
      collaborationId: collab.id,
      title: 'Gemensam mötesdag varje vecka',
      origin: 'barrier',
      status: 'accepted',
      decision: 'Införs till hösten',
      decidedOn: '2026-04-02',
      createdAt: new Date('2026-03-15T10:00:00Z'),
    });

    const res = await coordinator.get(`/api/followup/collaborations/${collab.id}/report.pdf?year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    for (const heading of [
      'Årsrapport för uppföljning',
      'Förändring sedan 2025',
      'Indikatorer',
      'Hinder',
      'Utvecklingsförslag',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Samverkan Norr, 2026');
    expect(text).toContain('Barn med avslag som har SIP eller I-SIP');
    // Q2 has three children: "<5"; Q1 is shown (11, 6 with a plan); the year holds May's three, so it is withheld
    // and cannot be compared with 2025.
    expect(text).toMatch(/2026-Q2\s+<5\s+<5\s+<5/);
    expect(text).toMatch(/2026-Q1\s+11\s+11\s+6\s+55 %/);
    expect(text).toMatch(/Hela perioden\s+–\s+–\s+–/);
    expect(text).not.toMatch(/Hela perioden\s+14/);
    expect(text).toContain('Mål: 60 %. Status för året som helhet: visas inte (färre än fem barn)');
    expect(text).toContain('Jämfört med 2025: går inte att jämföra');
    expect(text).toContain('Socialtjänsten och skolan har olika mötestider');
    expect(text).toContain('Gemensam mötesdag varje vecka (antaget)');
    for (const name of names) expect(text).not.toContain(name);

    const en = await coordinator.get(`/api/followup/collaborations/${collab.id}/report.pdf?year=2026&lang=en`);
    expect(pdfText(en.rawPayload)).toContain('Yearly follow-up report');
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'followup.report_pdf'), eq(auditLog.entityId, collab.id)));
    expect(audited).toHaveLength(2);
  });

  it('only the strategic level and coordinators; outside the collaboration 404; a bad year 400', async () => {
    const w = await followupWorld(t.app, t.database.db);
    const collab = await collaborationOf(w);
    const url = (q: string) => `/api/followup/collaborations/${collab.id}/report.pdf?${q}`;
    expect((await (await w.as(w.people.manager)).get(url('year=2026'))).statusCode).toBe(403);
    expect((await (await w.as(w.people.social_worker)).get(url('year=2026'))).statusCode).toBe(403);
    const elsewhere = await buildTenant(t.database.db);
    const stranger = await buildUser(t.database.db, {
      tenantId: elsewhere.id,
      organisationId: (await buildOrganisation(t.database.db, elsewhere.id)).id,
      role: 'coordinator',
    });
    expect((await (await login(t.app, stranger.email, TEST_PASSWORD)).get(url('year=2026'))).statusCode).toBe(404);
    const coordinator = await w.as(w.people.coordinator);
    const bad = await coordinator.get(url('year=twenty&lang=fi'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['query.year', 'query.lang']),
    );
    expect((await coordinator.get(`/api/followup/collaborations/not-a-uuid/report.pdf?year=2026`)).statusCode).toBe(
      400,
    );
  });
});
