import { createHash } from 'node:crypto';
import type { RecordType } from '../../../common/schemas/retention.ts';
import type { Db } from '../../db/connect.ts';
import * as repo from './repo.ts';
import type { RunUnit } from './tables.ts';
import { TABLES, childTypes } from './tables-of-type.ts';

/** `months` before `at`, by calendar month (a case closed on 31 March is due on the last day of the month). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** A case's name in reports: stable, short, and not the child's name. */
export function pseudonymOf(childId: string): string {
  return `Ärende ${createHash('sha256').update(childId).digest('hex').slice(0, 8).toUpperCase()}`;
}

export interface Selection {
  units: RunUnit[];
  counts: { type: RecordType; rows: number; cases: number; months: number }[];
  cases: { pseudonym: string; closedOn: string; types: RecordType[] }[];
  /** Closed cases with a type due that an open legal hold keeps: shown, never selected or fingerprinted. */
  held: { pseudonym: string; closedOn: string }[];
  fingerprint: string;
  auditNeedsKey: boolean;
}

/**
 * What retention would delete at `asOf` under `months`: one unit per type and closed case whose period
 * has run out (the record itself last), the tenant's audit rows and sessions older than theirs. The
 * fingerprint covers every selected row's content, so any change to them since the dry run shows.
 */
export async function selectExpired(
  tx: Db,
  tenantId: string,
  months: Record<RecordType, number>,
  asOf: Date,
  hasKey: boolean,
): Promise<Selection> {
  const units: RunUnit[] = [];
  const digest = createHash('sha256');
  const rows = new Map<RecordType, number>();
  const caseCount = new Map<RecordType, number>();
  const cases: Selection['cases'] = [];
  const add = (type: RecordType, n: number) => rows.set(type, (rows.get(type) ?? 0) + n);

  for (const c of await repo.closedCases(tx, tenantId)) {
    const closedAt = c.closedAt!;
    const due = childTypes.filter((type) => closedAt <= monthsBefore(asOf, months[type]));
    if (due.length === 0) continue;
    // The record's own expiry takes whatever of the child is left, whatever the other periods say.
    const recordDue = due.includes('child');
    const types: RecordType[] = [];
    for (const type of childTypes) {
      const own = due.includes(type);
      if (!own && !recordDue) continue;
      let n = 0;
      for (const spec of TABLES[type]) {
        const keys = await repo.rowDigests(tx, spec, c.id);
        for (const k of keys) digest.update(`${type}|${spec.table}|${c.id}|${k}\n`);
        n += keys.length;
      }
      if (n === 0) continue;
      const counted: RecordType = own ? type : 'child';
      add(counted, n);
      if (own) {
        units.push({ type, childId: c.id });
        types.push(type);
      }
    }
    if (recordDue && !units.some((u) => u.type === 'child' && u.childId === c.id)) {
      units.push({ type: 'child', childId: c.id });
      types.push('child');
    }
    if (types.length === 0) continue;
    for (const t of types) caseCount.set(t, (caseCount.get(t) ?? 0) + 1);
    cases.push({ pseudonym: pseudonymOf(c.id), closedOn: closedAt.toISOString().slice(0, 10), types });
  }

  const held: Selection['held'] = [];
  for (const c of await repo.closedCases(tx, tenantId, true)) {
    const closedAt = c.closedAt!;
    if (childTypes.some((type) => closedAt <= monthsBefore(asOf, months[type])))
      held.push({ pseudonym: pseudonymOf(c.id), closedOn: closedAt.toISOString().slice(0, 10) });
  }

  let auditNeedsKey = false;
  const cut = await repo.auditCutPoint(tx, tenantId, monthsBefore(asOf, months.audit));
  if (cut && hasKey) {
    units.push({ type: 'audit', childId: null });
    add('audit', cut.rows);
    digest.update(`audit|${cut.seq}|${cut.hash}\n`);
  } else if (cut) auditNeedsKey = true;

  const sessions = await repo.oldSessions(tx, tenantId, monthsBefore(asOf, months.sessions));
  if (sessions.length > 0) {
    units.push({ type: 'sessions', childId: null });
    add('sessions', sessions.length);
    for (const id of sessions) digest.update(`sessions|${createHash('sha256').update(id).digest('hex')}\n`);
  }

  const counts = [...rows].map(([type, n]) => ({
    type,
    rows: n,
    cases: caseCount.get(type) ?? 0,
    months: months[type],
  }));
  return { units, counts, cases, held, fingerprint: digest.digest('hex'), auditNeedsKey };
}
