import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { childEvents } from '../events/tables.ts';
import { children } from '../children/tables.ts';
import { buildChild, type TestUser } from '../../test/factories.ts';
import { monthsBefore } from './select.ts';

/** A case closed `monthsAgo` months before `now`, with `events` events, a consent and a link (test data). */
export async function closedCase(
  db: Db,
  tenantId: string,
  by: TestUser,
  opts: { monthsAgo: number; events?: number; consent?: boolean; link?: boolean; open?: boolean; now?: Date },
) {
  const child = await buildChild(db, {
    tenantId,
    name: `Barn ${randomUUID().slice(0, 4)}`,
    caseStatus: opts.open ? 'active' : 'closed',
    hub: [{ user: by, hubRole: 'social_worker' }],
  });
  const closedAt = new Date(monthsBefore(opts.now ?? new Date(), opts.monthsAgo).getTime() - 86_400_000);
  await db.update(children).set({ closedAt }).where(eq(children.id, child.id));
  for (let i = 0; i < (opts.events ?? 0); i++)
    await db.insert(childEvents).values({
      tenantId,
      childId: child.id,
      type: 'moved',
      occurredOn: '2020-01-01',
      source: 'navet',
      ownerOrganisationId: by.organisationId,
      category: 'social',
    });
  // Each with the rows that hang off it (the consent's organisations, a message sent through the link), which must go first.
  if (opts.consent)
    await db.execute(sql`with c as (insert into consents (tenant_id, child_id, given_by, categories, purposes, valid_from, valid_to, form, recorded_by)
      values (${tenantId}, ${child.id}, 'god_man', '{}', '{}', '2020-01-01', '2021-01-01', 'written', ${by.id}) returning id)
      insert into consent_organisations (consent_id, organisation_id) select id, ${by.organisationId} from c`);
  if (opts.link)
    await db.execute(sql`with l as (insert into child_links (tenant_id, child_id, token_hash, code_hash, created_by, expires_at)
      values (${tenantId}, ${child.id}, ${randomUUID()}, 'x', ${by.id}, now()) returning id)
      insert into child_messages (tenant_id, child_id, link_id, kind, text, lang, to_member_id, owner_organisation_id, category)
      select ${tenantId}, ${child.id}, id, 'not_understood', null, 'sv', ${child.members[0]!.id}, ${by.organisationId}, 'social_services' from l`);
  return child;
}

const counted = ['children', 'hub_members', 'child_events', 'consents', 'child_links'] as const;

/** Rows per table for these children: the before/after of a deletion. */
export async function countRows(db: Db, childIds: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of counted) {
    const column = table === 'children' ? sql.raw('id') : sql.raw('child_id');
    const res = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${column} in ${sql`(${sql.join(
        childIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`}`,
    )) as { rows: { n: number }[] };
    out[table] = Number(res.rows[0]!.n);
  }
  return out;
}

export async function namesOf(db: Db, ids: string[]) {
  return db.select({ id: children.id, name: children.displayName }).from(children).where(inArray(children.id, ids));
}
