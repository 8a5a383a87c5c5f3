import type { Role } from '../../../common/roles.ts';
import type { HubRole } from '../../../common/schemas/children.ts';
import { children, hubMembers } from '../../../server/domain/children/tables.ts';
import type { Area, GenChild, GenMember, GenTenant, GenUser, OrgKind } from '../context.ts';
import { firstNames, languagesOf } from '../names.ts';
import { shuffle, type Rng } from '../random.ts';

const DAY = 86_400_000;
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Hands out people round-robin from a shuffled list: caseloads come out even. */
class Pool {
  private i = 0;
  constructor(private readonly people: GenUser[]) {}
  get size(): number {
    return this.people.length;
  }
  next(): GenUser {
    return this.people[this.i++ % this.people.length]!;
  }
  /** `n` different people (fewer if the pool is smaller). */
  distinct(n: number): GenUser[] {
    const out: GenUser[] = [];
    for (let k = 0; k < Math.min(n, this.people.length); k++) out.push(this.next());
    return out;
  }
}

function pools(rng: Rng, t: GenTenant) {
  const kindOf = new Map(t.orgs.map((o) => [o.id, o.kind]));
  const of = (kind: OrgKind, role: Role, orgId?: string) =>
    new Pool(shuffle(rng, t.users.filter((u) => kindOf.get(u.orgId) === kind && u.role === role && (!orgId || u.orgId === orgId))));
  const hvbs = t.orgs.filter((o) => o.kind === 'hvb');
  return {
    hvbs,
    fosterOrg: t.orgs.find((o) => o.kind === 'foster')!,
    socialWorker: of('social', 'social_worker'),
    godMan: of('guardian', 'god_man'),
    foster: of('foster', 'contact_person'),
    hvbStaff: new Map(hvbs.map((h) => [h.id, of('hvb', 'contact_person', h.id)])),
    mentor: of('school', 'school_mentor'),
    health: of('school', 'school_health'),
    bup: of('bup', 'child_psychiatry'),
    volunteer: of('civil', 'volunteer'),
  };
}

const asylumWeights = [
  ['in_process', 35],
  ['granted', 22],
  ['rejected', 15],
  ['appealed', 10],
  ['final', 8],
  ['return_in_progress', 5],
  ['turned_18', 3],
  ['left', 2],
] as const;

const channels = ['phone', 'sms', 'email', 'meeting'] as const;

/** Children, each with a hub of about 8 places (open and ended): the core three and the others of the guide. */
export const area: Area = {
  name: 'children and hubs',
  order: 30,
  estimate: (plan) => plan.children * 9,
  async generate(ctx) {
    const { rng, plan } = ctx;
    const now = plan.now.getTime();
    for (const t of ctx.tenants) {
      const p = pools(rng, t);
      const childRows: (typeof children.$inferInsert)[] = [];
      const memberRows: (typeof hubMembers.$inferInsert)[] = [];
      for (let i = 0; i < t.childCount; i++) {
        const origin = rng.weighted([['afghan', 50], ['somali', 25], ['eritrean', 25]] as const);
        const languages = [...rng.pick(languagesOf[origin])];
        const ageDays = rng.int(12 * 365, 18 * 365 - 30);
        const knownBirth = rng.chance(0.8);
        const arrival = new Date(now - rng.int(30, Math.min(3 * 365, ageDays - 365)) * DAY);
        const foster = rng.chance(0.2) || p.hvbs.length === 0;
        const placement = foster ? p.fosterOrg : p.hvbs[i % p.hvbs.length]!;
        const closed = rng.chance(0.1);
        const asylumStatus = rng.weighted(asylumWeights);
        const interpreterNeeded = rng.chance(0.7);
        const dateOfBirth = knownBirth ? isoDate(new Date(now - ageDays * DAY)) : null;
        const child: GenChild = {
          id: rng.uuid(),
          displayName: rng.pick(firstNames[origin]),
          arrivalDate: isoDate(arrival),
          placementOrgId: placement.id,
          caseStatus: closed ? 'closed' : 'active',
          asylumStatus,
          dateOfBirth,
        };
        t.children.push(child);
        childRows.push({
          id: child.id,
          tenantId: t.id,
          displayName: child.displayName,
          dateOfBirth,
          assessedAge: knownBirth ? null : Math.floor(ageDays / 365),
          languages,
          interpreterNeeded,
          interpreterLanguage: interpreterNeeded ? languages[0]! : null,
          arrivalDate: child.arrivalDate,
          caseNumber: rng.chance(0.85) ? `UT-${rng.int(100000, 999999)}-${arrival.getUTCFullYear() % 100}` : null,
          placementOrganisationId: placement.id,
          placementKind: foster ? 'foster_home' : 'hvb',
          asylumStatus,
          caseStatus: child.caseStatus,
          closedReason: closed ? (asylumStatus === 'turned_18' ? 'turned_18' : rng.pick(['returned', 'moved', 'absconded'])) : null,
          closedAt: closed ? new Date(now - rng.int(1, 60) * DAY) : null,
          version: 1,
          createdAt: arrival,
          updatedAt: arrival,
        });

        const open: [GenUser, HubRole][] = [[p.socialWorker.next(), 'social_worker']];
        if (p.godMan.size > 0 && rng.chance(0.95)) open.push([p.godMan.next(), 'god_man']);
        if (foster) {
          if (p.foster.size > 0) open.push([p.foster.next(), 'contact_person']);
        } else {
          const staff = p.hvbStaff.get(placement.id)!;
          const [a, b, c] = staff.distinct(rng.chance(0.8) ? 3 : 2);
          if (a) open.push([a, 'contact_person']);
          if (b) open.push([b, 'contact_person']);
          if (c) open.push([c, 'other_staff']);
        }
        if (rng.chance(0.85)) open.push([p.mentor.next(), 'school_mentor']);
        if (rng.chance(0.6)) open.push([p.health.next(), 'school_health']);
        if (rng.chance(0.3)) open.push([p.bup.next(), 'child_psychiatry']);
        if (rng.chance(0.3)) open.push([p.volunteer.next(), 'civil_society']);

        const ended = rng.weighted([[0, 15], [1, 35], [2, 30], [3, 20]] as const);
        const former: [GenUser, HubRole][] = [];
        for (let k = 0; k < ended; k++) {
          const role = rng.pick(['social_worker', 'god_man', 'school_mentor', 'contact_person'] as const);
          const pool = { social_worker: p.socialWorker, god_man: p.godMan, school_mentor: p.mentor, contact_person: p.foster }[role];
          if (pool.size > 0) former.push([pool.next(), role]);
        }

        const place = (u: GenUser, hubRole: HubRole, endedAt: Date | null) => {
          const latest = endedAt ? Math.floor((endedAt.getTime() - arrival.getTime()) / DAY) - 1 : 60;
          const starts = new Date(arrival.getTime() + rng.int(0, Math.max(0, latest)) * DAY);
          const m: GenMember = {
            id: rng.uuid(),
            childId: child.id,
            userId: u.id,
            orgId: u.orgId,
            hubRole,
            startsOn: isoDate(new Date(Math.min(starts.getTime(), now - DAY))),
            endedAt,
          };
          t.members.push(m);
          const agreed = endedAt === null && rng.chance(0.5);
          memberRows.push({
            id: m.id,
            tenantId: t.id,
            childId: m.childId,
            userId: m.userId,
            organisationId: m.orgId,
            hubRole,
            startsOn: m.startsOn,
            endedAt,
            createdAt: new Date(`${m.startsOn}T08:00:00Z`),
            availability: agreed ? rng.pick(['Vardagar 8–16', 'Måndag och torsdag förmiddag', 'Kvällar efter 17']) : null,
            preferredChannel: agreed ? rng.pick(channels) : null,
            // 070-1740605 … 070-1740699: PTS keeps these numbers for fiction.
            contactDetail: agreed ? `070-17406${rng.int(5, 99).toString().padStart(2, '0')}` : null,
            agreementUpdatedAt: agreed ? new Date(`${m.startsOn}T09:00:00Z`) : null,
          });
        };
        for (const [u, role] of open) place(u, role, null);
        for (const [u, role] of former) {
          const span = Math.max(2, Math.floor((now - arrival.getTime()) / DAY));
          place(u, role, new Date(arrival.getTime() + rng.int(1, span - 1) * DAY));
        }
      }
      await ctx.insert(children, childRows);
      await ctx.insert(hubMembers, memberRows);
      ctx.progress(childRows.length + memberRows.length);
    }
  },
  audit: [
    {
      action: 'child.read',
      entity: 'child',
      weight: 40,
      kind: 'child',
      detail: (rng) => ({ view: 'full', caseNumberInFull: rng.chance(0.4) }),
    },
    { action: 'child.list', entity: 'child', weight: 12, kind: 'list' },
    {
      action: 'child.updated',
      entity: 'child',
      weight: 3,
      kind: 'child',
      detail: (rng) => ({ fields: [rng.pick(['placement', 'languages', 'interpreterNeeded', 'arrivalDate'])] }),
    },
    { action: 'child.timeline_read', entity: 'child', weight: 4, kind: 'child' },
  ],
};
