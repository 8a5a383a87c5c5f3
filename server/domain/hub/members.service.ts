import { coreHubRoles, hubRoles, todayInSweden, type HubRole } from '../../../common/schemas/children.ts';
import type {
  AddMemberBody,
  AgreementBody,
  EndMemberBody,
  EndMemberResult,
  Hub,
  HubMember,
} from '../../../common/schemas/hub.ts';
import { mayTakeHubRole } from '../../../common/hub-roles.ts';
import { PrincipalType, Role } from '../../../common/roles.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { loadAccess, missingCoreRoles, type ChildAccess } from '../children/access.ts';
import { endOfDayInSweden } from '../children/dates.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { authorize, can } from '../children/policy.ts';
import * as childRepo from '../children/repo.ts';
import { proposeFirstMeeting } from './first-meeting.service.ts';
import { authorizeEditAgreement, authorizeEndMember, canEditAgreement, canEndMember } from './policy.ts';
import { isActive, presentMember, presentMemberNarrow } from './presenter.ts';
import * as repo from './repo.ts';
import { decide, loadGrants } from '../sharing/rule.ts';

/**
 * The leaving member's open questions go to the replacement only if the replacement's organisation may read
 * every one of them under the sharing rule; otherwise nothing changes and the social worker reassigns them first.
 */
async function checkQuestionsCanMove(tx: Db, a: ChildAccess, fromMemberId: string, toOrganisationId: string) {
  const open = await repo.openQuestionsOf(tx, a.child.id, fromMemberId);
  if (open.length === 0) return;
  const grants = await loadGrants(tx, a.actor, a.child.id);
  const theirs = { ...grants, actorOrganisationIds: new Set([toOrganisationId]) };
  const hidden = open.filter(
    (q) => !decide(theirs, { owner: q.ownerOrganisationId, category: q.category }, 'hub').visible,
  );
  if (hidden.length > 0)
    throw errors.validation([
      {
        path: 'body.replacementUserId',
        message: `${hidden.length} open question(s) of the leaving member may not be read by this person's organisation (no consent or legal basis covers them). Give those questions to someone who may read them first, or name another replacement.`,
      },
    ]);
}

const byRole = (x: repo.NamedMember, y: repo.NamedMember) =>
  hubRoles.indexOf(x.member.hubRole as HubRole) - hubRoles.indexOf(y.member.hubRole as HubRole);

function present(a: ChildAccess, n: repo.NamedMember): HubMember {
  const active = isActive(n.member);
  return presentMember(n, {
    end: active && canEndMember(a),
    editAgreement: active && canEditAgreement(a, n.member),
  });
}

export async function getHub(deps: Deps, actor: Actor, childId: string): Promise<Hub> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    await audit(tx, { action: 'hub.read', entity: 'child', entityId: childId, childId, detail: { view: a.view } });
    return presentHub(a, await repo.namedMembers(tx, childId, { includeEnded: a.view === 'full' }));
  });
}

/** The hub as this reader sees it, from its memberships with names (ended ones are left out of the narrow view). */
export function presentHub(a: ChildAccess, named: repo.NamedMember[]): Hub {
  if (a.view === 'narrow')
    return {
      view: 'narrow',
      members: named
        .filter((n) => isActive(n.member))
        .sort(byRole)
        .map(presentMemberNarrow),
    };
  const active = named.filter((n) => isActive(n.member)).sort(byRole);
  const former = named
    .filter((n) => !isActive(n.member))
    .sort((x, y) => (y.member.endedAt?.getTime() ?? 0) - (x.member.endedAt?.getTime() ?? 0));
  return {
    view: 'full',
    members: active.map((n) => present(a, n)),
    former: former.map((n) => present(a, n)),
    missingCoreRoles: missingCoreRoles(a.members),
    abilities: { addMember: can(a, 'manageHub') },
  };
}

const alreadyMember = (path: string) =>
  errors.conflict('already_member', 'This person already has an open place in the hub.', {
    issues: [{ path, message: 'Already in the hub.' }],
  });

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

interface NewMember {
  userId: string;
  hubRole: HubRole;
  organisationId?: string;
  startsOn?: string;
}

/**
 * Adds one membership after checking the person: a user of the tenant who can
 * log in, acting for one of their organisations, not already in the hub.
 * `userPath` names the field the person came from, for the error.
 */
async function insertMember(tx: Db, a: ChildAccess, input: NewMember, userPath: string): Promise<repo.NamedMember> {
  const roles = await repo.tenantUserWithRoles(tx, a.actor.tenantId, input.userId);
  if (roles.length === 0)
    throw errors.validation([{ path: userPath, message: 'No such colleague in your municipality.' }]);
  if (input.organisationId && !roles.some((r) => r.organisationId === input.organisationId))
    throw errors.validation([{ path: 'body.organisationId', message: 'The person does not work for it.' }]);
  if (a.members.some((m) => m.userId === input.userId)) throw alreadyMember(userPath);
  // The place must match the person's role at work and their organisation (common/hub-roles.ts).
  const fitting = roles.filter(
    (r) =>
      (!input.organisationId || r.organisationId === input.organisationId) &&
      mayTakeHubRole(input.hubRole, Role.parse(r.role), PrincipalType.parse(r.principalType)),
  );
  if (fitting.length === 0)
    throw errors.validation([
      {
        path: 'body.hubRole',
        message: 'This place in the hub does not match the person’s role at work or their organisation.',
      },
    ]);
  const organisations = [...new Set(fitting.map((r) => r.organisationId))];
  if (organisations.length > 1)
    throw errors.validation([{ path: 'body.organisationId', message: 'Choose which organisation they act for.' }]);
  const organisationId = organisations[0]!;
  let row: childRepo.HubMemberRow;
  try {
    row = await childRepo.insertHubMember(tx, {
      tenantId: a.actor.tenantId,
      childId: a.child.id,
      userId: input.userId,
      organisationId,
      hubRole: input.hubRole,
      startsOn: input.startsOn ?? todayInSweden(),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyMember(userPath);
    throw err;
  }
  const wasMissingCore = missingCoreRoles(a.members).length > 0;
  a.members.push(row);
  const userName = roles[0]!.displayName;
  // A hub place changes who an organisation's figures count and which core roles are missing.
  await rollupAfterWrite(tx, a.child.tenantId);
  await audit(tx, {
    action: 'hub.member_added',
    entity: 'hub_member',
    entityId: row.id,
    childId: a.child.id,
    detail: { hubRole: input.hubRole, memberName: userName },
  });
  // This member completes the core three: time for their first meeting.
  if (wasMissingCore && missingCoreRoles(a.members).length === 0) await proposeFirstMeeting(tx, a.child);
  const [named] = await repo
    .namedMembers(tx, a.child.id, { includeEnded: false })
    .then((all) => all.filter((n) => n.member.id === row.id));
  return named!;
}

export async function addMember(deps: Deps, actor: Actor, childId: string, body: AddMemberBody): Promise<HubMember> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorize(a, 'manageHub');
    return present(a, await insertMember(tx, a, body, 'body.userId'));
  });
}

/**
 * Ends a membership, at once or after a last day. The last active member of a
 * core role is only ended with a named replacement (who takes over the role,
 * topics and open questions in the same step) or an explicit `confirm`.
 */
export async function endMember(
  deps: Deps,
  actor: Actor,
  childId: string,
  memberId: string,
  body: EndMemberBody,
): Promise<EndMemberResult> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeEndMember(a);
    const target = a.members.find((m) => m.id === memberId);
    if (!target) {
      const known = await repo.namedMembersById(tx, [memberId]);
      if (known.get(memberId)?.member.childId === childId)
        throw errors.conflict('already_ended', 'This membership has already ended.');
      throw errors.notFound('member');
    }
    const endedAt = body.endsOn ? endOfDayInSweden(body.endsOn) : new Date();
    const role = target.hubRole as HubRole;
    const othersInRole = a.members.filter(
      (m) => m.id !== target.id && m.hubRole === role && (m.endedAt === null || m.endedAt > endedAt),
    );
    const lastCore = coreHubRoles.includes(role) && a.child.caseStatus === 'active' && othersInRole.length === 0;

    let replacement: repo.NamedMember | null = null;
    if (body.replacementUserId) {
      authorize(a, 'manageHub');
      if (body.replacementUserId === target.userId)
        throw errors.validation([{ path: 'body.replacementUserId', message: 'Name someone else.' }]);
      replacement = await insertMember(
        tx,
        a,
        { userId: body.replacementUserId, hubRole: role },
        'body.replacementUserId',
      );
      await repo.transferTopics(tx, childId, target.id, replacement.member.id);
      await checkQuestionsCanMove(tx, a, target.id, replacement.member.organisationId);
      await repo.transferOpenQuestions(tx, childId, target.id, replacement.member.id);
    } else if (lastCore && body.confirm !== true) {
      throw new AppError(400, 'last_core_member', 'This is the last active member in a core role.', [
        {
          path: 'body.replacementUserId',
          message: 'Name who takes over, or confirm that the role stays empty for now.',
        },
      ]);
    }
    await repo.updateMember(tx, target.id, { endedAt });
    const names = await repo.namedMembersById(tx, [target.id]);
    const ended = names.get(target.id)!;
    await rollupAfterWrite(tx, a.child.tenantId);
    await audit(tx, {
      action: 'hub.member_ended',
      entity: 'hub_member',
      entityId: target.id,
      childId,
      detail: {
        hubRole: role,
        memberName: ended.userName,
        ...(replacement ? { replacementName: replacement.userName } : {}),
        ...(body.endsOn ? { lastDay: body.endsOn } : {}),
      },
    });
    return { ended: present(a, ended), replacement: replacement ? present(a, replacement) : null };
  });
}

export async function updateAgreement(
  deps: Deps,
  actor: Actor,
  childId: string,
  memberId: string,
  body: AgreementBody,
): Promise<HubMember> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    const target = a.members.find((m) => m.id === memberId);
    if (!target) throw errors.notFound('member');
    authorizeEditAgreement(a, target);
    const row = await repo.updateMember(tx, target.id, {
      availability: body.availability || null,
      preferredChannel: body.preferredChannel,
      contactDetail: body.contactDetail || null,
      agreementUpdatedAt: new Date(),
    });
    const named = (await repo.namedMembersById(tx, [row.id])).get(row.id)!;
    await audit(tx, {
      action: 'hub.agreement_updated',
      entity: 'hub_member',
      entityId: row.id,
      childId,
      detail: { memberName: named.userName, hubRole: target.hubRole },
    });
    return present(a, named);
  });
}
