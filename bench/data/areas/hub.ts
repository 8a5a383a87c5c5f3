import { checklistItems, defaultTopics } from '../../../common/schemas/hub.ts';
import { categoryOfTopic } from '../../../common/schemas/sharing.ts';
import {
  checklistOutcomes,
  firstMeetings,
  hubQuestions,
  tenantTopics,
  topicAssignments,
} from '../../../server/domain/hub/tables.ts';
import type { Area, GenMember } from '../context.ts';
import { isoDate } from './children.ts';

const DAY = 86_400_000;

const extraTopics: [string, string][] = [
  ['Körkort och moped', 'Driving licence and moped'],
  ['Religion och högtider', 'Religion and holidays'],
  ['Praktik och sommarjobb', 'Internship and summer job'],
];

const questions = [
  'Vem förklarar avslagsbeslutet för barnet?',
  'Vem pratar med barnet om skolans frånvaro?',
  'Vem tar upp barnets sömnproblem med BUP?',
  'Vem följer med till Migrationsverkets samtal?',
  'Vem frågar barnet om kontakten med familjen?',
  'Vem hjälper barnet med fickpengarna?',
  'Vem pratar med barnet om vad som händer vid 18?',
  'Vem bokar tolk till nästa möte?',
];

/** The hub's working data: topics and who holds them, the first meeting, agreed questions. */
export const area: Area = {
  name: 'hub work (topics, first meeting, questions)',
  order: 40,
  estimate: (plan) => plan.children * 14,
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    for (const t of ctx.tenants) {
      const topicRows: (typeof tenantTopics.$inferInsert)[] = [];
      if (rng.chance(0.3))
        for (const [labelSv, labelEn] of extraTopics.slice(0, rng.int(1, extraTopics.length)))
          topicRows.push({ id: rng.uuid(), tenantId: t.id, labelSv, labelEn, createdAt: new Date(now - 400 * DAY) });
      const topicKeys: string[] = [...defaultTopics, ...topicRows.map((r) => r.id!)];

      const openOf = new Map<string, GenMember[]>();
      for (const m of t.members) if (m.endedAt === null) openOf.set(m.childId, [...(openOf.get(m.childId) ?? []), m]);

      const meetings: (typeof firstMeetings.$inferInsert)[] = [];
      const outcomes: (typeof checklistOutcomes.$inferInsert)[] = [];
      const assignments: (typeof topicAssignments.$inferInsert)[] = [];
      const asked: (typeof hubQuestions.$inferInsert)[] = [];
      for (const c of t.children) {
        const members = openOf.get(c.id) ?? [];
        const sw = members.find((m) => m.hubRole === 'social_worker');
        const arrival = new Date(`${c.arrivalDate}T10:00:00Z`).getTime();
        const proposed = new Date(arrival + rng.int(3, 20) * DAY);
        meetings.push({
          childId: c.id,
          tenantId: t.id,
          proposedOn: isoDate(proposed),
          proposedAt: new Date(arrival),
          updatedAt: new Date(arrival),
        });
        if (sw && rng.chance(0.7)) {
          const all = rng.chance(0.6);
          for (const item of checklistItems) {
            if (!all && rng.chance(0.4)) continue;
            outcomes.push({
              childId: c.id,
              item,
              tenantId: t.id,
              done: all || rng.chance(0.8),
              note: null,
              recordedBy: sw.userId,
              recordedAt: new Date(Math.min(now, proposed.getTime() + DAY)),
            });
          }
        }
        if (members.length === 0) continue;
        for (const topic of topicKeys) {
          if (!rng.chance(0.75)) continue;
          const responsible = rng.pick(members);
          const fallback = rng.chance(0.3) ? rng.pick(members) : null;
          assignments.push({
            id: rng.uuid(),
            tenantId: t.id,
            childId: c.id,
            topic,
            responsibleMemberId: responsible.id,
            fallbackMemberId: fallback && fallback.id !== responsible.id ? fallback.id : null,
            shareableWithCivilSociety: topic === 'leisure' || topic === 'everyday',
            updatedAt: new Date(Math.min(now, arrival + 30 * DAY)),
          });
        }
        const n = rng.weighted([[0, 30], [1, 25], [2, 25], [3, 12], [4, 8]] as const);
        for (let k = 0; k < n; k++) {
          const owner = rng.pick(members);
          const created = new Date(now - rng.int(1, 200) * DAY);
          const status = rng.weighted([['open', 50], ['done', 40], ['dropped', 10]] as const);
          const closedAt = status === 'open' ? null : new Date(Math.min(now, created.getTime() + rng.int(1, 30) * DAY));
          // Drawn in the order they always were, so the generated data stay the same.
          const id = rng.uuid();
          const text = rng.pick(questions);
          const topic = rng.chance(0.7) ? rng.pick(topicKeys) : null;
          asked.push({
            id,
            tenantId: t.id,
            childId: c.id,
            text,
            topic,
            ownerMemberId: owner.id,
            // Some open questions are overdue: the flag has something to find.
            dueOn: isoDate(new Date(created.getTime() + rng.int(7, 60) * DAY)),
            status,
            dropReason: status === 'dropped' ? 'Inte längre aktuellt.' : null,
            createdBy: (sw ?? owner).userId,
            createdAt: created,
            updatedAt: closedAt ?? created,
            closedAt,
            version: 1,
            ownerOrganisationId: (sw ?? owner).orgId,
            category: categoryOfTopic(topic),
          });
        }
      }
      await ctx.insert(tenantTopics, topicRows);
      await ctx.insert(firstMeetings, meetings);
      await ctx.insert(checklistOutcomes, outcomes);
      await ctx.insert(topicAssignments, assignments);
      await ctx.insert(hubQuestions, asked);
      ctx.progress(topicRows.length + meetings.length + outcomes.length + assignments.length + asked.length);
    }
  },
  audit: [
    { action: 'hub.read', entity: 'child', weight: 15, kind: 'child', detail: () => ({ view: 'full' }) },
    { action: 'hub.topics_read', entity: 'child', weight: 4, kind: 'child', detail: () => ({ view: 'full' }) },
    { action: 'hub.questions_read', entity: 'child', weight: 4, kind: 'child' },
    { action: 'hub.topic_assigned', entity: 'topic_assignment', weight: 1, kind: 'child' },
    { action: 'hub.question_created', entity: 'hub_question', weight: 1, kind: 'child' },
    { action: 'hub.checklist_recorded', entity: 'checklist_outcome', weight: 1, kind: 'child' },
  ],
};
