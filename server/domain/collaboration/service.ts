import type {
  Candidates,
  Collaboration,
  CollaborationList,
  CreateCollaborationBody,
  MunicipalityDirectory,
  PartyBody,
  PersonBody,
  RenameCollaborationBody,
} from '../../../common/schemas/collaboration-core.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import type { CollaborationAccess } from './access.ts';
import { canCreate, canManage, canRespond, loadForManage, loadForRead } from './policy.ts';
import { presentCollaboration } from './presenter.ts';
import * as repo from './repo.ts';

export type RenameResult = { ok: true; collaboration: Collaboration } | { ok: false; current: Collaboration };

async function present(tx: Db, actor: Actor, access: CollaborationAccess): Promise<Collaboration> {
  const c = access.collaboration;
  const [municipalities, parties, people] = await Promise.all([
    repo.municipalitiesOf(tx, [c.id]),
    repo.activeParties(tx, c.id),
    repo.activePeople(tx, c.id),
  ]);
  return presentCollaboration(c, municipalities, parties, people, canManage(actor, access));
}

export async function listCollaborations(deps: Deps, actor: Actor): Promise<CollaborationList> {
  return deps.db.transaction(async (tx) => {
    const ids = await repo.visibleCollaborationIds(tx, actor);
    const [rows, municipalities, done, coordinated, invitations] = await Promise.all([
      repo.collaborationsByIds(tx, ids),
      repo.municipalitiesOf(tx, ids),
      repo.stepsDone(tx, ids),
      repo.coordinatedCollaborationIds(tx, actor, ids),
      repo.openInvitations(tx, actor.tenantId),
    ]);
    return {
      collaborations: rows.map((c) => ({
        id: c.id,
        name: c.name,
        municipalities: municipalities
          .filter((m) => m.collaborationId === c.id && m.status === 'accepted')
          .map((m) => m.name),
        stepsDone: done.get(c.id) ?? 0,
        coordinator: coordinated.includes(c.id),
      })),
      invitations: invitations.map((i) => ({
        collaborationId: i.collaborationId,
        name: i.name,
        invitedBy: i.invitedBy ?? '—',
        invitedAt: i.invitedAt.toISOString(),
        canRespond: canRespond(actor),
      })),
      canCreate: canCreate(actor),
    };
  });
}

export async function createCollaboration(deps: Deps, actor: Actor, body: CreateCollaborationBody) {
  if (!canCreate(actor)) throw errors.forbidden('Only a coordinator or the tenant admin starts a collaboration.');
  return deps.db.transaction(async (tx) => {
    const c = await repo.insertCollaboration(tx, {
      name: body.name,
      ownerTenantId: actor.tenantId,
      createdBy: actor.userId,
    });
    const now = new Date();
    await repo.insertTenantRow(tx, {
      collaborationId: c.id,
      tenantId: actor.tenantId,
      status: 'accepted',
      invitedBy: actor.userId,
      respondedBy: actor.userId,
      respondedAt: now,
    });
    // Whoever starts it coordinates it until others are named.
    await repo.insertPerson(tx, {
      collaborationId: c.id,
      role: 'coordinator',
      userId: actor.userId,
      tenantId: actor.tenantId,
      name: actor.displayName,
    });
    const access: CollaborationAccess = { collaboration: c, tenantIds: [actor.tenantId], personRoles: ['coordinator'] };
    const out = await present(tx, actor, access);
    await audit(tx, { action: 'collaboration.create', entity: 'collaboration', entityId: c.id });
    return out;
  });
}

export async function getCollaboration(deps: Deps, actor: Actor, id: string): Promise<Collaboration> {
  return deps.db.transaction(async (tx) => present(tx, actor, await loadForRead(tx, actor, id)));
}

export async function renameCollaboration(
  deps: Deps,
  actor: Actor,
  id: string,
  body: RenameCollaborationBody,
): Promise<RenameResult> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    const row = await repo.rename(tx, id, body.version, body.name);
    if (!row) return { ok: false, current: await present(tx, actor, access) };
    const out = await present(tx, actor, { ...access, collaboration: row });
    await audit(tx, { action: 'collaboration.rename', entity: 'collaboration', entityId: id });
    return { ok: true, collaboration: out };
  });
}

export async function directory(deps: Deps, actor: Actor, q: string | undefined): Promise<MunicipalityDirectory> {
  if (!canCreate(actor)) throw errors.forbidden();
  return { municipalities: await repo.searchTenants(deps.db, q, actor.tenantId) };
}

export async function invite(deps: Deps, actor: Actor, id: string, tenantId: string): Promise<Collaboration> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    const tenant = await repo.findTenant(tx, tenantId);
    if (!tenant) throw errors.validation([{ path: 'body.tenantId', message: 'No such municipality.' }]);
    const existing = await repo.tenantRow(tx, id, tenantId);
    if (existing && existing.status !== 'declined' && existing.status !== 'left')
      throw errors.validation([
        { path: 'body.tenantId', message: 'That municipality is already invited or taking part.' },
      ]);
    if (existing)
      await repo.setTenantStatus(tx, id, tenantId, {
        status: 'invited',
        invitedBy: actor.userId,
        invitedAt: new Date(),
        respondedBy: null,
        respondedAt: null,
      });
    else await repo.insertTenantRow(tx, { collaborationId: id, tenantId, invitedBy: actor.userId });
    const out = await present(tx, actor, access);
    await audit(tx, { action: 'collaboration.invite', entity: 'collaboration', entityId: id, detail: { tenantId } });
    return out;
  });
}

/** The invited municipality's own answer. Until it accepts it knows only the invitation (404 for anything else). */
export async function respond(deps: Deps, actor: Actor, id: string, answer: 'accepted' | 'declined') {
  return deps.db.transaction(async (tx) => {
    if (!canRespond(actor)) throw errors.forbidden('Only your municipality’s tenant admin answers an invitation.');
    const row = await repo.tenantRow(tx, id, actor.tenantId);
    if (!row || row.status !== 'invited') throw errors.notFound('invitation');
    await repo.setTenantStatus(tx, id, actor.tenantId, {
      status: answer,
      respondedBy: actor.userId,
      respondedAt: new Date(),
    });
    await audit(tx, { action: `collaboration.invitation_${answer}`, entity: 'collaboration', entityId: id });
    return { collaborationId: id, status: answer };
  });
}

export async function addParty(deps: Deps, actor: Actor, id: string, body: PartyBody): Promise<Collaboration> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    let values: Parameters<typeof repo.insertParty>[1];
    if (body.organisationId) {
      const org = await repo.findOrganisation(tx, body.organisationId);
      if (!org || !access.tenantIds.includes(org.tenantId))
        throw errors.validation([
          { path: 'body.organisationId', message: 'Not an organisation of a municipality taking part.' },
        ]);
      // Each municipality brings its own organisations in (and takes them out, `endParty`).
      if (org.tenantId !== actor.tenantId)
        throw errors.forbidden("Another municipality's organisation joins through that municipality's coordinator.");
      const taken = (await repo.activeParties(tx, id)).some((p) => p.party.organisationId === org.id);
      if (taken) throw errors.validation([{ path: 'body.organisationId', message: 'Already a party.' }]);
      values = {
        collaborationId: id,
        tenantId: org.tenantId,
        organisationId: org.id,
        name: body.name ?? org.name,
        kind: body.kind ?? kindOfPrincipal(org.principalType),
      };
    } else {
      const issues = [
        ...(body.name ? [] : [{ path: 'body.name', message: 'Name the outside party.' }]),
        ...(body.kind ? [] : [{ path: 'body.kind', message: 'Say what kind of party it is.' }]),
      ];
      if (issues.length > 0 || !body.name || !body.kind) throw errors.validation(issues);
      values = { collaborationId: id, name: body.name, kind: body.kind };
    }
    const party = await repo.insertParty(tx, values);
    const out = await present(tx, actor, access);
    await audit(tx, { action: 'collaboration.party_add', entity: 'collaboration_party', entityId: party.id });
    return out;
  });
}

const kindOfPrincipal = (t: string) =>
  t === 'region' ? ('health_care' as const) : t === 'civil_society' ? ('civil_society' as const) : ('other' as const);

export async function endParty(deps: Deps, actor: Actor, id: string, partyId: string): Promise<Collaboration> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    const party = await repo.findParty(tx, id, partyId);
    if (!party) throw errors.notFound('party');
    if (party.endedAt) throw errors.conflict('party_ended', 'The party has already left the collaboration.');
    // A municipality takes its own organisations out; another municipality's coordinator cannot.
    if (party.tenantId && party.tenantId !== actor.tenantId)
      throw errors.forbidden("Another municipality's party leaves through that municipality's coordinator.");
    await repo.endParty(tx, partyId);
    const out = await present(tx, actor, access);
    await audit(tx, { action: 'collaboration.party_end', entity: 'collaboration_party', entityId: partyId });
    return out;
  });
}

const OTHER_MUNICIPALITY_STAFF = "Another municipality's staff are named, and their roles ended, by that municipality.";

export async function addPerson(deps: Deps, actor: Actor, id: string, body: PersonBody): Promise<Collaboration> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    const representative = body.role !== 'coordinator';
    const party = body.partyId ? await repo.findParty(tx, id, body.partyId) : undefined;
    if (representative && (!party || party.endedAt))
      throw errors.validation([{ path: 'body.partyId', message: 'Choose a party of this collaboration.' }]);
    if (!representative && body.partyId)
      throw errors.validation([{ path: 'body.partyId', message: 'A coordinator represents the whole collaboration.' }]);
    if (!body.userId && !body.name)
      throw errors.validation([{ path: 'body.userId', message: 'Choose a user or give a name.' }]);
    let values: Parameters<typeof repo.insertPerson>[1] = {
      collaborationId: id,
      role: body.role,
      partyId: party?.id,
      name: body.name ?? '',
    };
    if (body.userId) {
      const user = await repo.userWithOrganisations(tx, body.userId);
      const outside =
        !user ||
        !access.tenantIds.includes(user.tenantId) ||
        (party?.organisationId != null && !user.organisationIds.includes(party.organisationId)) ||
        (party != null && party.organisationId == null);
      if (outside || !user)
        throw errors.validation([
          {
            path: 'body.userId',
            message: party
              ? 'This person does not work for the party they would represent.'
              : 'This person does not work in a municipality of the collaboration.',
          },
        ]);
      const taken = (await repo.activePeople(tx, id)).some(
        (p) => p.userId === user.id && p.role === body.role && p.partyId === (party?.id ?? null),
      );
      if (taken) throw errors.validation([{ path: 'body.userId', message: 'Already named in this role.' }]);
      // As with its parties: a municipality names its own staff; another member's coordinator cannot.
      if (user.tenantId !== actor.tenantId) throw errors.forbidden(OTHER_MUNICIPALITY_STAFF);
      values = { ...values, userId: user.id, tenantId: user.tenantId, name: user.displayName };
    } else if (party?.organisationId) {
      // A party inside the collaboration is represented by its own staff, who have accounts.
      throw errors.validation([{ path: 'body.userId', message: 'Choose one of the party’s own staff.' }]);
    }
    const person = await repo.insertPerson(tx, values);
    const out = await present(tx, actor, access);
    await audit(tx, { action: 'collaboration.person_add', entity: 'collaboration_person', entityId: person.id });
    return out;
  });
}

export async function endPerson(deps: Deps, actor: Actor, id: string, personId: string): Promise<Collaboration> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    const person = await repo.findPerson(tx, id, personId);
    if (!person) throw errors.notFound('person');
    if (person.endedAt) throw errors.conflict('person_ended', 'That role has already ended.');
    if (person.tenantId && person.tenantId !== actor.tenantId) throw errors.forbidden(OTHER_MUNICIPALITY_STAFF);
    await repo.endPerson(tx, personId);
    const out = await present(tx, actor, access);
    await audit(tx, { action: 'collaboration.person_end', entity: 'collaboration_person', entityId: personId });
    return out;
  });
}

export async function listCandidates(deps: Deps, actor: Actor, id: string, q: string | undefined): Promise<Candidates> {
  return deps.db.transaction(async (tx) => {
    const access = await loadForManage(tx, actor, id);
    const rows = await repo.candidates(tx, access.tenantIds, q);
    const byUser = new Map<string, Candidates['users'][number]>();
    for (const r of rows) {
      const u = byUser.get(r.id) ?? {
        id: r.id,
        displayName: r.displayName,
        municipality: r.municipality,
        tenantId: r.tenantId,
        organisations: [],
      };
      if (!u.organisations.some((o) => o.id === r.organisationId))
        u.organisations.push({ id: r.organisationId, name: r.organisationName });
      byUser.set(r.id, u);
    }
    return { users: [...byUser.values()] };
  });
}
