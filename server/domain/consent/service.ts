import { todayInSweden } from '../../../common/schemas/children.ts';
import type { Consent, ConsentBody, ConsentList, WithdrawConsentBody } from '../../../common/schemas/consent.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors, type Issue } from '../../errors.ts';
import { loadAccess, type ChildAccess } from '../children/access.ts';
import { rollupAfterWrite } from '../followup/rollup-jobs.ts';
import { organisationOf, organisationRefs, personOf, personRefs } from '../sharing/lookup.ts';
import {
  authorizeReadConsents,
  authorizeRecordConsent,
  authorizeWithdrawConsent,
  canRecordConsent,
  canWithdrawConsent,
} from './policy.ts';
import * as repo from './repo.ts';

export const consentWithdrawn = () =>
  errors.conflict('consent_withdrawn', 'The consent is already withdrawn: a withdrawal is recorded once.');

async function present(tx: Db, a: ChildAccess, rows: repo.ConsentWithOrgs[], now: Date): Promise<Consent[]> {
  const today = todayInSweden(now);
  const orgs = await organisationRefs(
    tx,
    a.actor.tenantId,
    rows.flatMap((r) => r.organisationIds),
  );
  const people = await personRefs(
    tx,
    a.actor.tenantId,
    rows.flatMap((r) => [r.recordedBy, r.receivedBy, r.withdrawnBy]),
  );
  return rows.map((r) => ({
    id: r.id,
    childId: r.childId,
    givenBy: r.givenBy as Consent['givenBy'],
    organisations: r.organisationIds
      .map((id) => organisationOf(orgs, id))
      .sort((x, y) => x.name.localeCompare(y.name, 'sv')),
    categories: r.categories as Consent['categories'],
    purposes: r.purposes as Consent['purposes'],
    validFrom: r.validFrom,
    validTo: r.validTo,
    form: r.form as Consent['form'],
    receivedBy: r.receivedBy ? personOf(people, r.receivedBy) : null,
    documentReference: r.documentReference,
    note: r.note,
    recordedBy: personOf(people, r.recordedBy),
    recordedAt: r.recordedAt.toISOString(),
    withdrawnOn: r.withdrawnOn,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: r.withdrawnBy ? personOf(people, r.withdrawnBy) : null,
    withdrawalNote: r.withdrawalNote,
    state: repo.stateOf(r, today),
    abilities: { withdraw: r.withdrawnAt === null && canWithdrawConsent(a) },
  }));
}

export async function listConsents(deps: Deps, actor: Actor, childId: string): Promise<ConsentList> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeReadConsents(a);
    const rows = await repo.consentsOf(tx, actor.tenantId, childId);
    await audit(tx, { action: 'consent.listed', entity: 'child', entityId: childId, childId });
    return { items: await present(tx, a, rows, new Date()), abilities: { record: canRecordConsent(a) } };
  });
}

export async function recordConsent(deps: Deps, actor: Actor, childId: string, body: ConsentBody): Promise<Consent> {
  return deps.db.transaction(async (tx) => {
    const a = await loadAccess(tx, actor, childId);
    authorizeRecordConsent(a);
    const issues: Issue[] = [];
    const orgs = await organisationRefs(tx, actor.tenantId, body.organisationIds);
    body.organisationIds.forEach((id, i) => {
      if (!orgs.has(id))
        issues.push({ path: `body.organisationIds.${i}`, message: 'Not an organisation of this municipality.' });
    });
    const staff = new Set(a.members.filter((m) => m.hubRole !== 'civil_society').map((m) => m.userId));
    if (body.receivedByUserId && !staff.has(body.receivedByUserId))
      issues.push({ path: 'body.receivedByUserId', message: 'Name a staff member of the child’s hub.' });
    if (issues.length > 0) throw errors.validation(issues);
    const row = await repo.insertConsent(
      tx,
      {
        tenantId: actor.tenantId,
        childId,
        givenBy: body.givenBy,
        categories: body.categories,
        purposes: body.purposes,
        validFrom: body.validFrom,
        validTo: body.validTo,
        form: body.form,
        receivedBy: body.form === 'oral' ? (body.receivedByUserId ?? actor.userId) : null,
        documentReference: body.documentReference,
        note: body.note,
        recordedBy: actor.userId,
      },
      body.organisationIds,
    );
    // The follow-up figure "hubs covered by a consent" is rebuilt within the minute.
    await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'consent.recorded',
      entity: 'consent',
      entityId: row.id,
      childId,
      detail: {
        givenBy: body.givenBy,
        organisationIds: body.organisationIds,
        categories: body.categories,
        purposes: body.purposes,
        validFrom: body.validFrom,
        validTo: body.validTo,
        form: body.form,
      },
    });
    const [out] = await present(tx, a, [row], new Date());
    return out!;
  });
}

/** Scope: the consent's child must be visible to the actor; otherwise 404 as if it did not exist. */
async function loadConsent(tx: Db, actor: Actor, id: string) {
  const row = await repo.findConsent(tx, actor.tenantId, id);
  if (!row) throw errors.notFound('consent');
  try {
    return { row, a: await loadAccess(tx, actor, row.childId) };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw errors.notFound('consent');
    throw e;
  }
}

export async function withdrawConsent(
  deps: Deps,
  actor: Actor,
  id: string,
  body: WithdrawConsentBody,
): Promise<Consent> {
  return deps.db.transaction(async (tx) => {
    const { row, a } = await loadConsent(tx, actor, id);
    authorizeWithdrawConsent(a);
    if (row.withdrawnAt) throw consentWithdrawn();
    if (body.withdrawnOn < todayInSweden(row.recordedAt))
      throw errors.validation([
        { path: 'body.withdrawnOn', message: 'The consent cannot be withdrawn before it was recorded.' },
      ]);
    const updated = await repo.markWithdrawn(tx, id, {
      withdrawnOn: body.withdrawnOn,
      withdrawnAt: new Date(),
      withdrawnBy: actor.userId,
      withdrawalNote: body.note,
    });
    if (!updated) throw consentWithdrawn();
    await rollupAfterWrite(tx, actor.tenantId);
    await audit(tx, {
      action: 'consent.withdrawn',
      entity: 'consent',
      entityId: id,
      childId: row.childId,
      detail: { withdrawnOn: body.withdrawnOn },
    });
    const [out] = await present(tx, a, [{ ...updated, organisationIds: row.organisationIds }], new Date());
    return out!;
  });
}
