import type { PlanContent } from '../../../common/schemas/plans.ts';
import { consentOrganisations, consents } from '../../../server/domain/consent/tables.ts';
import { meetingParticipants, meetings } from '../../../server/domain/meetings/tables.ts';
import {
  planEntries,
  planFollowUps,
  planMeasures,
  planMeetings,
  planParticipants,
  plans,
  planVersions,
} from '../../../server/domain/plans/tables.ts';
import type { Area, GenChild, GenMember } from '../context.ts';
import { DAY, between, categoryOfKind, indexHubs, isPrincipal, orgRef, personRef, type HubIndex } from '../hubs.ts';
import type { Rng } from '../random.ts';
import { isoDate } from './children.ts';
import { meetingRow, participantRow } from './meetings.ts';

const rejectedLike = ['rejected', 'appealed', 'final', 'return_in_progress'];
const needs = [
  'Behöver stöd att förstå avslagsbeslutet och vad det innebär.',
  'Behöver komma tillbaka till skolan efter frånvaro.',
  'Sover dåligt och har mardrömmar.',
  'Behöver hjälp att hålla kontakt med familjen.',
  'Behöver en meningsfull fritid.',
];
const measureTexts: Record<string, [string, string][]> = {
  social: [
    ['Samtal om framtiden och vad som händer vid 18 år', 'Barnet vet vilka vägar som finns, senast vid nästa uppföljning'],
    ['Stöd i kontakten med Migrationsverket', 'Barnet har förstått beslutet och vet nästa steg'],
  ],
  school: [
    ['Extra studiestöd i svenska tre gånger i veckan', 'Närvaro minst fyra dagar i veckan till mars'],
    ['Anpassad studiegång', 'Godkänt i svenska som andraspråk till terminens slut'],
  ],
  bup: [['Stödsamtal på BUP varannan vecka', 'Barnet sover minst sex timmar de flesta nätter']],
  hvb: [['Fast kvällsrutin på boendet', 'Barnet är på boendet senast 22 på vardagar']],
  foster: [['Familjehemmet följer med till föreningsaktivitet', 'Barnet deltar i en fritidsaktivitet varje vecka']],
  guardian: [['Gode mannen går igenom ekonomin varje månad', 'Barnet sköter fickpengarna själv']],
  civil: [['Läxhjälp hos Röda Korset', 'Barnet går på läxhjälpen varje tisdag']],
};

type Rows = {
  plans: (typeof plans.$inferInsert)[];
  participants: (typeof planParticipants.$inferInsert)[];
  entries: (typeof planEntries.$inferInsert)[];
  measures: (typeof planMeasures.$inferInsert)[];
  versions: (typeof planVersions.$inferInsert)[];
  followUps: (typeof planFollowUps.$inferInsert)[];
  consents: (typeof consents.$inferInsert)[];
  consentOrgs: (typeof consentOrganisations.$inferInsert)[];
  meetings: (typeof meetings.$inferInsert)[];
  meetingParticipants: (typeof meetingParticipants.$inferInsert)[];
  planMeetings: (typeof planMeetings.$inferInsert)[];
};

/**
 * SIPs and I-SIPs: about one child in three with a rejection has an I-SIP (the
 * municipality's routine), some others a SIP with the region; each with needs,
 * 3–6 measures by the hub's organisations, participants, a consent for the plan,
 * and for adopted plans their frozen versions, SIP meeting and follow-ups.
 */
export const area: Area = {
  name: 'plans, measures and versions',
  order: 65,
  estimate: (plan) => plan.children * 6,
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    for (const t of ctx.tenants) {
      const hubs = indexHubs(t);
      const rows: Rows = {
        plans: [], participants: [], entries: [], measures: [], versions: [], followUps: [],
        consents: [], consentOrgs: [], meetings: [], meetingParticipants: [], planMeetings: [],
      };
      for (const c of t.children) {
        const members = hubs.openOf.get(c.id) ?? [];
        if (!members.some((m) => m.hubRole === 'social_worker')) continue;
        const hasBup = members.some((m) => m.hubRole === 'child_psychiatry');
        const kind = rejectedLike.includes(c.asylumStatus)
          ? rng.chance(1 / 3) ? 'isip' : null
          : rng.chance(hasBup ? 0.35 : 0.08) ? 'sip' : null;
        if (!kind) continue;
        // Some children had an earlier plan that ended (replaced, or its goals met).
        if (rng.chance(0.15)) makePlan(rng, hubs, t.id, c, members, kind, 'ended', now, rows);
        const status =
          c.caseStatus === 'closed'
            ? 'ended'
            : rng.weighted([['draft', 20], ['active', 60], ['follow_up', 8], ['ended', 12]] as const);
        makePlan(rng, hubs, t.id, c, members, kind, status, now, rows);
      }
      for (const [table, list] of [
        [consents, rows.consents], [consentOrganisations, rows.consentOrgs], [meetings, rows.meetings],
        [meetingParticipants, rows.meetingParticipants], [plans, rows.plans], [planParticipants, rows.participants],
        [planEntries, rows.entries], [planMeasures, rows.measures], [planVersions, rows.versions],
        [planFollowUps, rows.followUps], [planMeetings, rows.planMeetings],
      ] as const) {
        await ctx.insert(table as never, list as never[]);
        ctx.progress(list.length);
      }
    }
  },
  audit: [
    { action: 'plan.listed', entity: 'child', weight: 5, kind: 'child' },
    { action: 'plan.read', entity: 'plan', weight: 4, kind: 'child' },
    { action: 'plan.created', entity: 'plan', weight: 0.1, kind: 'child' },
    { action: 'plan.measure_added', entity: 'plan', weight: 0.5, kind: 'child' },
    { action: 'plan.updated', entity: 'plan', weight: 0.4, kind: 'child' },
    { action: 'plan.adopted', entity: 'plan', weight: 0.08, kind: 'child' },
    { action: 'plan.followed_up', entity: 'plan', weight: 0.05, kind: 'child' },
    { action: 'plan.exported', entity: 'plan', weight: 0.1, kind: 'child' },
  ],
};

function makePlan(
  rng: Rng,
  hubs: HubIndex,
  tenantId: string,
  c: GenChild,
  members: GenMember[],
  kind: 'sip' | 'isip',
  status: 'draft' | 'active' | 'follow_up' | 'ended',
  now: number,
  rows: Rows,
): void {
  const sw = members.find((m) => m.hubRole === 'social_worker')!;
  const staff = members.filter((m) => m.hubRole !== 'civil_society');
  const arrival = new Date(`${c.arrivalDate}T12:00:00Z`).getTime();
  const created = between(rng, arrival + 20 * DAY, now - (status === 'draft' ? 1 : 60) * DAY, now);
  const adopted = status !== 'draft';
  const adoptedAt = new Date(Math.min(now - DAY, created.getTime() + rng.int(14, 45) * DAY));
  const followUpOn = new Date(adoptedAt.getTime() + rng.int(60, 120) * DAY);
  const versionsCount = adopted ? (followUpOn.getTime() < now && rng.chance(0.5) ? 2 : 1) : 0;
  const endedAt = status === 'ended' ? between(rng, adoptedAt.getTime() + DAY, now - DAY, now) : null;
  const planId = rng.uuid();

  let consentId: string | null = null;
  if (adopted || rng.chance(0.5)) {
    consentId = rng.uuid();
    const from = created.getTime() - rng.int(0, 10) * DAY;
    rows.consents.push({
      id: consentId, tenantId, childId: c.id, givenBy: rng.pick(['both', 'child', 'god_man']),
      categories: ['school', 'health', 'social_services', 'asylum_case', 'housing'].filter((_, i) => i !== 1 || rng.chance(0.7)),
      purposes: rng.chance(0.6) ? ['plan'] : ['plan', 'hub'], validFrom: isoDate(new Date(from)),
      validTo: isoDate(new Date(from + 365 * DAY)), form: 'written', receivedBy: null,
      documentReference: `Samtycke till ${kind === 'sip' ? 'SIP' : 'I-SIP'}`, note: null, recordedBy: sw.userId,
      recordedAt: new Date(from), withdrawnOn: null, withdrawnAt: null, withdrawnBy: null, withdrawalNote: null,
    });
    for (const o of new Set(staff.map((m) => m.orgId))) rows.consentOrgs.push({ consentId, organisationId: o });
  }

  const followUpUser = rng.pick(staff.filter((m) => m.hubRole !== 'god_man').length ? staff : [sw]);
  rows.plans.push({
    id: planId, tenantId, childId: c.id, kind, status, initiatorId: sw.userId, chairId: adopted || rng.chance(0.5) ? sw.userId : null,
    consentId, childParticipation: adopted ? rng.pick(['took_part', 'took_part_partly', 'views_through_other']) : null,
    childWords: adopted ? 'Jag vill gå i skolan och spela fotboll.' : null, childGoals: adopted ? 'Klara svenskan.' : null,
    relativesTakePart: adopted ? rng.chance(0.3) : null, childObjectsToRelatives: adopted ? false : null, relativesNote: null,
    overallResponsibleOrganisationId: adopted ? hubs.social.id : null, noOtherMeasures: false,
    followUpOn: adopted ? isoDate(followUpOn) : null, followUpUserId: adopted ? followUpUser.userId : null,
    adoptedVersion: versionsCount, revising: status === 'active' && rng.chance(0.05),
    invitationsSentAt: adopted ? new Date(created.getTime() + 3 * DAY) : null,
    endedReason: endedAt ? rng.pick(['goals_met', 'replaced', 'child_left']) : null, endedNote: null, endedAt,
    endedBy: endedAt ? sw.userId : null, version: 3 + versionsCount * 2 + rng.int(0, 10),
    createdAt: created, updatedAt: endedAt ?? (adopted ? adoptedAt : created),
  });

  const participants = staff.map((m, i) => {
    const org = hubs.orgOf.get(m.orgId)!;
    return {
      id: rng.uuid(), tenantId, planId, userId: m.userId, name: null, organisationId: org.id, organisationName: null,
      kind: isPrincipal(org) ? 'summons' : 'invitation', invitedAt: adopted ? new Date(created.getTime() + 3 * DAY) : null,
      position: i + 1,
    };
  });
  rows.participants.push(...participants);

  const entries = Array.from({ length: rng.int(1, 3) }, () => {
    const by = rng.pick(staff);
    return {
      id: rng.uuid(), tenantId, planId, childId: c.id, kind: 'need', text: rng.pick(needs), owningOrganisationId: by.orgId,
      category: categoryOfKind[hubs.orgOf.get(by.orgId)!.kind], createdBy: by.userId,
      createdAt: new Date(created.getTime() + rng.int(0, 5) * DAY),
    };
  });
  rows.entries.push(...entries);

  // 3–6 measures, the social services' first (a principal's measure is part 2 of the plan).
  const measures = Array.from({ length: rng.int(3, 6) }, (_, i) => {
    const by = i === 0 ? sw : rng.pick(staff);
    const org = hubs.orgOf.get(by.orgId)!;
    const [description, goal] = rng.pick(measureTexts[org.kind]!);
    const start = new Date(created.getTime() + rng.int(5, 30) * DAY);
    const mStatus = endedAt ? rng.pick(['done', 'cancelled']) : start.getTime() > now ? 'planned' : rng.pick(['ongoing', 'ongoing', 'done', 'planned']);
    return {
      id: rng.uuid(), tenantId, planId, childId: c.id, needId: rng.chance(0.5) ? rng.pick(entries).id : null, description,
      responsibleOrganisationId: org.id, responsibleUserId: rng.chance(0.85) ? by.userId : null,
      responsibleName: null as string | null, startOn: isoDate(start),
      endOn: rng.chance(0.6) ? isoDate(new Date(start.getTime() + rng.int(60, 240) * DAY)) : null, status: mStatus, goal,
      owningOrganisationId: org.id, category: categoryOfKind[org.kind], createdBy: by.userId,
      createdAt: new Date(created.getTime() + rng.int(0, 10) * DAY), updatedAt: new Date(created.getTime() + 12 * DAY),
    };
  });
  for (const m of measures) if (m.responsibleUserId === null) m.responsibleName = 'Tolk via tolkförmedlingen';
  rows.measures.push(...measures);

  if (!adopted) return;
  const content: PlanContent = {
    kind,
    initiator: personRef(hubs.userOf.get(sw.userId)!),
    chair: personRef(hubs.userOf.get(sw.userId)!),
    consent: consentId ? { id: consentId, state: 'valid', validFrom: isoDate(created), validTo: isoDate(new Date(created.getTime() + 365 * DAY)), forPlan: true } : null,
    childParticipation: 'took_part',
    childWords: 'Jag vill gå i skolan och spela fotboll.',
    childGoals: 'Klara svenskan.',
    relativesTakePart: false,
    childObjectsToRelatives: false,
    relativesNote: null,
    participants: participants.map((p) => ({
      id: p.id, userId: p.userId, displayName: hubs.userOf.get(p.userId)!.displayName,
      organisation: orgRef(hubs.orgOf.get(p.organisationId)!), organisationName: null, kind: p.kind as 'summons',
      invitedAt: p.invitedAt?.toISOString() ?? null,
    })),
    needs: entries.map((e) => ({
      id: e.id, kind: 'need', text: e.text, category: e.category, owningOrganisation: orgRef(hubs.orgOf.get(e.owningOrganisationId)!),
      createdBy: personRef(hubs.userOf.get(e.createdBy)!), createdAt: e.createdAt.toISOString(),
    })),
    notes: [],
    measures: measures.map((m) => ({
      id: m.id, needId: m.needId, description: m.description, responsibleOrganisation: orgRef(hubs.orgOf.get(m.responsibleOrganisationId)!),
      responsibleUser: m.responsibleUserId ? personRef(hubs.userOf.get(m.responsibleUserId)!) : null,
      responsibleName: m.responsibleName, startOn: m.startOn, endOn: m.endOn, status: m.status as 'planned', goal: m.goal,
      category: m.category, owningOrganisation: orgRef(hubs.orgOf.get(m.owningOrganisationId)!),
    })),
    overallResponsibleOrganisation: orgRef(hubs.social),
    noOtherMeasures: false,
  };
  for (let n = 1; n <= versionsCount; n++) {
    const at = n === 1 ? adoptedAt : new Date(followUpOn.getTime() + DAY);
    rows.versions.push({
      planId, number: n, tenantId, childId: c.id, content, adoptedAt: at, adoptedBy: sw.userId, childApproved: true,
      childApprovalNote: null, followUpOn: isoDate(n === 1 ? followUpOn : new Date(at.getTime() + 90 * DAY)),
      followUpUserId: followUpUser.userId,
    });
  }
  if (versionsCount === 2)
    rows.followUps.push({
      id: rng.uuid(), tenantId, planId, versionNumber: 1, heldOn: isoDate(followUpOn), recordedBy: sw.userId,
      summary: 'Skolgången har kommit igång; sömnen är fortfarande ett problem.',
      outcomes: measures.map((m) => ({ measureId: m.id, status: rng.pick(['ongoing', 'done']), note: null })),
      createdAt: followUpOn,
    });
  // The SIP meeting the invitations scheduled.
  const meetingId = rng.uuid();
  const starts = new Date(created.getTime() + rng.int(7, 14) * DAY + 9 * 3_600_000);
  const meeting = meetingRow(rng, { id: meetingId, tenantId, kind: 'sip', childId: c.id, title: kind === 'sip' ? 'SIP-möte' : 'I-SIP-möte', starts, organiserId: sw.userId, now });
  rows.meetings.push(meeting);
  for (const p of new Set(staff.map((m) => m.userId))) rows.meetingParticipants.push(participantRow(rng, meeting, p));
  rows.planMeetings.push({ planId, meetingId, tenantId });
}
