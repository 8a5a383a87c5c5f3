import { todayInSweden } from '../../../common/schemas/children.ts';
import type {
  LegalBasis,
  LegalBasisBody,
  LegalBasisList,
  Share,
  ShareBody,
  ShareList,
} from '../../../common/schemas/sharing.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors, type Issue } from '../../errors.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { organisationOf, personOf } from './lookup.ts';
import {
  authorizeEndShare,
  authorizeManageLegalBases,
  authorizeReadLegalBases,
  authorizeReadShares,
  authorizeRecordShare,
  canEndShare,
  canManageLegalBases,
  canRecordShare,
} from './policy.ts';
import * as repo from './repo.ts';
import { organisationsOf } from './rule.ts';

export async function listLegalBases(deps: Deps, actor: Actor): Promise<LegalBasisList> {
  authorizeReadLegalBases(actor);
  return {
    items: await repo.legalBasesOf(deps.db, actor.tenantId),
    abilities: { manage: canManageLegalBases(actor) },
  };
}

export async function addLegalBasis(deps: Deps, actor: Actor, body: LegalBasisBody): Promise<LegalBasis> {
  authorizeManageLegalBases(actor);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertLegalBasis(tx, { tenantId: actor.tenantId, ...body });
    await audit(tx, { action: 'legal_basis.added', entity: 'legal_basis', entityId: row.id });
    return {
      id: row.id,
      builtIn: false,
      labelSv: row.labelSv,
      labelEn: row.labelEn,
      reference: row.reference,
      archived: false,
    };
  });
}

/** Archived, never deleted: earlier shares still cite it. */
export async function archiveLegalBasis(deps: Deps, actor: Actor, id: string): Promise<LegalBasis> {
  authorizeManageLegalBases(actor);
  return deps.db.transaction(async (tx) => {
    const basis = await repo.findLegalBasis(tx, actor.tenantId, id);
    if (!basis || basis.builtIn) throw errors.notFound('legal basis');
    if (!basis.archived) {
      await repo.archiveLegalBasis(tx, actor.tenantId, id);
      await audit(tx, { action: 'legal_basis.archived', entity: 'legal_basis', entityId: id });
    }
    return { ...basis, archived: true };
  });
}

async function present(tx: Db, a: ChildAccess, rows: repo.ShareRow[]): Promise<Share[]> {
  const tenantId = a.actor.tenantId;
  const orgs = await repo.organisationRefs(
    tx,
    tenantId,
    rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]),
  );
  const people = await repo.personRefs(
    tx,
    tenantId,
    rows.flatMap((r) => [r.recordedBy, r.endedBy]),
  );
  const bases = new Map((await repo.legalBasesOf(tx, tenantId)).map((b) => [b.id, b]));
  const today = todayInSweden();
  return rows.map((r) => ({
    id: r.id,
    childId: r.childId,
    from: organisationOf(orgs, r.fromOrganisationId),
    to: organisationOf(orgs, r.toOrganisationId),
    categories: r.categories as Share['categories'],
    purpose: r.purpose as Share['purpose'],
    legalBasis: bases.get(r.legalBasis) ?? {
      id: r.legalBasis,
      builtIn: false,
      labelSv: r.legalBasis,
      labelEn: r.legalBasis,
      reference: null,
      archived: true,
    },
    note: r.note,
    validTo: r.validTo,
    recordedBy: personOf(people, r.recordedBy),
    recordedAt: r.recordedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    endedBy: r.endedBy ? personOf(people, r.endedBy) : null,
    active: r.endedAt === null && (r.validTo === null || r.validTo >= today),
    abilities: { end: canEndShare(a, r) },
  }));
}

export async function listShares(deps: Deps, actor: Actor, childId: string): Promise<ShareList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeReadShares(a);
    const rows = await repo.sharesOf(tx, actor.tenantId, childId);
    await audit(tx, { action: 'share.listed', entity: 'child', entityId: childId, childId });
    return { items: await present(tx, a, rows), abilities: { record: canRecordShare(a) } };
  });
}

export async function recordShare(deps: Deps, actor: Actor, childId: string, body: ShareBody): Promise<Share> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeRecordShare(a);
    const issues: Issue[] = [];
    if (!organisationsOf(actor).includes(body.fromOrganisationId))
      issues.push({ path: 'body.fromOrganisationId', message: 'Share only your own organisation’s information.' });
    const orgs = await repo.organisationRefs(tx, actor.tenantId, [body.toOrganisationId]);
    if (!orgs.has(body.toOrganisationId))
      issues.push({ path: 'body.toOrganisationId', message: 'Not an organisation of this municipality.' });
    else if (body.toOrganisationId === body.fromOrganisationId)
      issues.push({ path: 'body.toOrganisationId', message: 'An organisation already sees its own information.' });
    const basis = await repo.findLegalBasis(tx, actor.tenantId, body.legalBasisId);
    if (!basis || basis.archived)
      issues.push({ path: 'body.legalBasisId', message: 'Choose a basis from the municipality’s list.' });
    if (body.validTo && body.validTo < todayInSweden())
      issues.push({ path: 'body.validTo', message: 'The last day cannot be in the past.' });
    if (issues.length > 0) throw errors.validation(issues);
    const row = await repo.insertShare(tx, {
      tenantId: actor.tenantId,
      childId,
      fromOrganisationId: body.fromOrganisationId,
      toOrganisationId: body.toOrganisationId,
      categories: [...new Set(body.categories)],
      purpose: body.purpose,
      legalBasis: body.legalBasisId,
      note: body.note,
      validTo: body.validTo,
      recordedBy: actor.userId,
    });
    await audit(tx, {
      action: 'share.recorded',
      entity: 'share',
      entityId: row.id,
      childId,
      detail: {
        fromOrganisationId: row.fromOrganisationId,
        toOrganisationId: row.toOrganisationId,
        categories: row.categories,
        purpose: row.purpose,
        legalBasis: row.legalBasis,
      },
    });
    const [out] = await present(tx, a, [row]);
    return out!;
  });
}

export async function endShare(deps: Deps, actor: Actor, id: string): Promise<Share> {
  return deps.db.transaction(async (tx) => {
    const row = await repo.findShare(tx, actor.tenantId, id);
    if (!row) throw errors.notFound('share');
    let a: ChildAccess;
    try {
      a = await loadAccess(tx, actor, row.childId);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw errors.notFound('share');
      throw e;
    }
    authorizeEndShare(a, row);
    const ended = await repo.endShare(tx, id, actor.userId);
    if (!ended) throw errors.conflict('share_ended', 'The share has already ended.');
    await audit(tx, { action: 'share.ended', entity: 'share', entityId: id, childId: row.childId });
    const [out] = await present(tx, a, [ended]);
    return out!;
  });
}
