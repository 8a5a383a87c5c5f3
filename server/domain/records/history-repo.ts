import { and, eq } from 'drizzle-orm';
import type { HistoryKind } from '../../../common/schemas/records.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { beskedContradictions, beskedEntries } from '../besked/tables.ts';
import { hubMembers } from '../children/tables.ts';
import { consents } from '../consent/tables.ts';
import { childDeadlines, childEvents } from '../events/tables.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { planFollowUps, plans, planVersions } from '../plans/tables.ts';
import { sharedWith } from '../sharing/rule.ts';
import { users } from '../tenancy/tables.ts';

/**
 * One query per kind of the child's history, straight from the domain tables, selecting only ids, kinds,
 * states and dates (never an item's free text). Besked entries carry whether the reader may see them under
 * the sharing rule; a hidden one never leaves this file with more than that flag.
 */
const queries = {
  plan: async (tx: Db, childId: string) => {
    const [rows, versions, followUps] = await Promise.all([
      tx
        .select({ id: plans.id, kind: plans.kind, createdAt: plans.createdAt, endedAt: plans.endedAt })
        .from(plans)
        .where(eq(plans.childId, childId)),
      tx
        .select({ planId: planVersions.planId, number: planVersions.number, adoptedAt: planVersions.adoptedAt })
        .from(planVersions)
        .where(eq(planVersions.childId, childId)),
      tx
        .select({ planId: planFollowUps.planId, version: planFollowUps.versionNumber, heldOn: planFollowUps.heldOn })
        .from(planFollowUps)
        .innerJoin(plans, eq(plans.id, planFollowUps.planId))
        .where(eq(plans.childId, childId)),
    ]);
    return { rows, versions, followUps };
  },
  meeting: (tx: Db, childId: string) =>
    tx
      .select({
        id: meetings.id,
        kind: meetings.kind,
        status: meetings.status,
        startsAt: meetings.startsAt,
        closedAt: meetings.closedAt,
        updatedAt: meetings.updatedAt,
        childParticipation: meetings.childParticipation,
      })
      .from(meetings)
      .where(eq(meetings.childId, childId)),
  consent: (tx: Db, childId: string) =>
    tx
      .select({
        id: consents.id,
        recordedAt: consents.recordedAt,
        validTo: consents.validTo,
        withdrawnAt: consents.withdrawnAt,
        categories: consents.categories,
      })
      .from(consents)
      .where(eq(consents.childId, childId)),
  decision: (tx: Db, childId: string) =>
    tx
      .select({
        id: decisions.id,
        status: decisions.status,
        createdAt: decisions.createdAt,
        closedAt: decisions.closedAt,
      })
      .from(decisions)
      .where(eq(decisions.childId, childId)),
  besked: async (tx: Db, childId: string, actor: Actor) => {
    const [entries, contradictions] = await Promise.all([
      tx
        .select({
          id: beskedEntries.id,
          topic: beskedEntries.topic,
          toldOn: beskedEntries.toldOn,
          visible: sharedWith(
            actor,
            {
              childId: beskedEntries.childId,
              owner: beskedEntries.ownerOrganisationId,
              category: beskedEntries.category,
            },
            'hub',
          ).mapWith(Boolean),
        })
        .from(beskedEntries)
        .where(eq(beskedEntries.childId, childId)),
      tx
        .select({
          id: beskedContradictions.id,
          topic: beskedContradictions.topic,
          a: beskedContradictions.entryA,
          b: beskedContradictions.entryB,
          markedAt: beskedContradictions.markedAt,
          resolvedAt: beskedContradictions.resolvedAt,
        })
        .from(beskedContradictions)
        .where(eq(beskedContradictions.childId, childId)),
    ]);
    return { entries, contradictions };
  },
  event: (tx: Db, childId: string) =>
    tx
      .select({ id: childEvents.id, type: childEvents.type, occurredOn: childEvents.occurredOn })
      .from(childEvents)
      .where(eq(childEvents.childId, childId)),
  deadline: (tx: Db, childId: string) =>
    tx
      .select({
        id: childDeadlines.id,
        kind: childDeadlines.kind,
        createdAt: childDeadlines.createdAt,
        closedAt: childDeadlines.closedAt,
      })
      .from(childDeadlines)
      .where(eq(childDeadlines.childId, childId)),
  hub: (tx: Db, childId: string) =>
    tx
      .select({
        id: hubMembers.id,
        hubRole: hubMembers.hubRole,
        name: users.displayName,
        createdAt: hubMembers.createdAt,
        endedAt: hubMembers.endedAt,
      })
      .from(hubMembers)
      .innerJoin(users, and(eq(users.id, hubMembers.userId)))
      .where(eq(hubMembers.childId, childId)),
} satisfies Record<HistoryKind, (tx: Db, childId: string, actor: Actor) => Promise<unknown>>;

export type HistoryRows = { [K in HistoryKind]?: Awaited<ReturnType<(typeof queries)[K]>> };

/** The rows of the wanted kinds, the queries run together. The caller has checked the child's scope. */
export async function historyRows(
  tx: Db,
  actor: Actor,
  childId: string,
  kinds: readonly HistoryKind[],
): Promise<HistoryRows> {
  const entries = await Promise.all(kinds.map(async (k) => [k, await queries[k](tx, childId, actor)] as const));
  return Object.fromEntries(entries);
}
