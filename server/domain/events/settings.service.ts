import { and, eq, gte, lt, sql, type AnyColumn } from 'drizzle-orm';
import {
  EventType,
  type Measures,
  type MeasuresQuery,
  type NoticeSettings,
  type NoticeSettingsBody,
} from '../../../common/schemas/events.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { notifications } from '../../notify/tables.ts';
import { rowsOf } from '../../notify/recipients.ts';
import { addMonths } from './deadlines.ts';
import { authorizeMeasures, authorizeReadSettings, authorizeWriteSettings } from './policy.ts';
import { effectiveSettings } from './rules.ts';
import { childEvents, noticeSettings } from './tables.ts';
import { swedishTime } from './working-hours.ts';

export async function getSettings(deps: Deps, actor: Actor): Promise<NoticeSettings> {
  authorizeReadSettings(actor);
  return deps.db.transaction((tx) => effectiveSettings(tx, actor.tenantId));
}

/** Replaces the named rules (null: back to the default) and the tenant-wide settings given. */
export async function updateSettings(deps: Deps, actor: Actor, body: NoticeSettingsBody): Promise<NoticeSettings> {
  authorizeWriteSettings(actor);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(noticeSettings)
      .where(eq(noticeSettings.tenantId, actor.tenantId))
      .for('update');
    const rules: Record<string, unknown> = { ...(row?.rules ?? {}) };
    for (const [type, rule] of Object.entries(body.rules ?? {})) {
      if (rule === null) delete rules[type];
      else rules[type] = rule;
    }
    const values = {
      usesIsip: body.usesIsip ?? row?.usesIsip ?? false,
      escalationWorkingHours: body.escalationWorkingHours ?? row?.escalationWorkingHours ?? 4,
      rules,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(noticeSettings)
      .values({ tenantId: actor.tenantId, ...values })
      .onConflictDoUpdate({ target: noticeSettings.tenantId, set: values });
    await audit(tx, {
      action: 'notice_settings.updated',
      entity: 'notice_settings',
      entityId: actor.tenantId,
      detail: {
        rules: Object.keys(body.rules ?? {}),
        usesIsip: body.usesIsip,
        escalationWorkingHours: body.escalationWorkingHours,
      },
    });
    return effectiveSettings(tx, actor.tenantId);
  });
}

interface MeasureRow {
  month: string;
  event_type: string;
  notices: string | number;
  delivered: string | number;
  delivered_p50: number | null;
  delivered_p90: number | null;
  read: string | number;
  read_p50: number | null;
  read_p90: number | null;
  acknowledged: string | number;
  acknowledged_p50: number | null;
  acknowledged_p90: number | null;
}

const seconds = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

/**
 * Follow-up of the notices of events: per month (Swedish time) and event type,
 * the time from the event being recorded to each notice reaching a screen,
 * being read and being acknowledged: median and 90th percentile, in seconds.
 */
export async function measures(deps: Deps, actor: Actor, q: MeasuresQuery): Promise<Measures> {
  authorizeMeasures(actor);
  const from = swedishTime(`${q.from}-01`, 0);
  const to = swedishTime(addMonths(`${q.to}-01`, 1), 0);
  const since = (col: AnyColumn) => sql`extract(epoch from (${col} - ${childEvents.recordedAt}))`;
  const pct = (p: number, col: AnyColumn) =>
    sql`percentile_cont(${sql.raw(String(p))}) within group (order by ${since(col)})`;
  return deps.db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      select to_char(${childEvents.recordedAt} at time zone 'Europe/Stockholm', 'YYYY-MM') as month,
        ${childEvents.type} as event_type,
        count(*) as notices,
        count(${notifications.deliveredAt}) as delivered,
        ${pct(0.5, notifications.deliveredAt)} as delivered_p50,
        ${pct(0.9, notifications.deliveredAt)} as delivered_p90,
        count(${notifications.readAt}) as read,
        ${pct(0.5, notifications.readAt)} as read_p50,
        ${pct(0.9, notifications.readAt)} as read_p90,
        count(${notifications.acknowledgedAt}) as acknowledged,
        ${pct(0.5, notifications.acknowledgedAt)} as acknowledged_p50,
        ${pct(0.9, notifications.acknowledgedAt)} as acknowledged_p90
      from ${notifications}
      join ${childEvents} on ${childEvents.id} = ${notifications.sourceId}
      where ${and(
        eq(notifications.tenantId, actor.tenantId),
        // Redundant for the answer, needed for the plan: lets the events' tenant index limit the scan.
        eq(childEvents.tenantId, actor.tenantId),
        eq(notifications.kind, 'event.recorded'),
        gte(childEvents.recordedAt, from),
        lt(childEvents.recordedAt, to),
      )}
      group by 1, 2
      order by 1, 2`);
    await audit(tx, { action: 'notices.measures_read', entity: 'notice_measures', detail: { from: q.from, to: q.to } });
    return {
      items: rowsOf<MeasureRow>(result).map((r) => ({
        month: r.month,
        eventType: EventType.parse(r.event_type),
        notices: Number(r.notices),
        delivered: {
          count: Number(r.delivered),
          medianSeconds: seconds(r.delivered_p50),
          p90Seconds: seconds(r.delivered_p90),
        },
        read: { count: Number(r.read), medianSeconds: seconds(r.read_p50), p90Seconds: seconds(r.read_p90) },
        acknowledged: {
          count: Number(r.acknowledged),
          medianSeconds: seconds(r.acknowledged_p50),
          p90Seconds: seconds(r.acknowledged_p90),
        },
      })),
    };
  });
}
