import type { Extract, ExtractList } from '../../../common/schemas/records.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../deps.ts';
import { AppError, errors } from '../../errors.ts';
import { enqueue } from '../../jobs/index.ts';
import { loadAccess } from '../children/access.ts';
import { BUILD_JOB } from './jobs.ts';
import { authorizeChild, authorizeUser } from './policy.ts';
import { presentExtract } from './presenter.ts';
import * as repo from './repo.ts';

const expired = () => new AppError(410, 'extract_expired', 'The extract’s time ran out and its file was deleted.');
const notReady = () => errors.conflict('extract_not_ready', 'The extract is not ready yet.');

/**
 * The subject check for one extract: a child's through its scope and rule, a user's by self or admin. A child's
 * extract was built under its requester's sharing rule, so only the requester opens it (another member asks for
 * their own); to anyone else it does not exist.
 */
async function authorizeExtract(tx: Db, actor: Actor, x: repo.ListedExtract): Promise<void> {
  if (x.childId) {
    authorizeChild(await loadAccess(tx, actor, x.childId));
    if (x.requestedBy !== actor.userId) throw errors.notFound('extract');
  } else if (x.subjectUserId) authorizeUser(actor, x.subjectUserId);
}

async function userInTenant(tx: Db, actor: Actor, userId: string): Promise<void> {
  if (!(await repo.userName(tx, actor.tenantId, userId))) throw errors.notFound('user');
}

/** Records the request and queues the build; the file comes later (poll the extract). */
export async function requestChildExtract(deps: Deps, actor: Actor, childId: string): Promise<Extract> {
  return deps.db.transaction(async (tx) => {
    authorizeChild(await loadAccess(tx, actor, childId));
    const id = await repo.insertExtract(tx, {
      tenantId: actor.tenantId,
      subject: 'child',
      childId,
      subjectUserId: null,
      requestedBy: actor.userId,
    });
    await enqueue(tx, { tenantId: actor.tenantId, kind: BUILD_JOB, runAt: new Date(), payload: { extractId: id } });
    await audit(tx, { action: 'records.extract_requested', entity: 'record_extract', entityId: id, childId });
    return presentExtract((await repo.findExtract(tx, actor.tenantId, id))!);
  });
}

export async function requestUserExtract(deps: Deps, actor: Actor, userId: string): Promise<Extract> {
  return deps.db.transaction(async (tx) => {
    authorizeUser(actor, userId);
    await userInTenant(tx, actor, userId);
    const id = await repo.insertExtract(tx, {
      tenantId: actor.tenantId,
      subject: 'user',
      childId: null,
      subjectUserId: userId,
      requestedBy: actor.userId,
    });
    await enqueue(tx, { tenantId: actor.tenantId, kind: BUILD_JOB, runAt: new Date(), payload: { extractId: id } });
    await audit(tx, {
      action: 'records.extract_requested',
      entity: 'record_extract',
      entityId: id,
      detail: { subjectUserId: userId },
    });
    return presentExtract((await repo.findExtract(tx, actor.tenantId, id))!);
  });
}

export async function listChildExtracts(deps: Deps, actor: Actor, childId: string): Promise<ExtractList> {
  return deps.db.transaction(async (tx) => {
    authorizeChild(await loadAccess(tx, actor, childId));
    const rows = await repo.listExtracts(tx, actor.tenantId, { childId });
    await audit(tx, { action: 'records.extracts_read', entity: 'child', entityId: childId, childId });
    return { items: rows.map(presentExtract) };
  });
}

export async function listUserExtracts(deps: Deps, actor: Actor, userId: string): Promise<ExtractList> {
  return deps.db.transaction(async (tx) => {
    authorizeUser(actor, userId);
    await userInTenant(tx, actor, userId);
    return { items: (await repo.listExtracts(tx, actor.tenantId, { subjectUserId: userId })).map(presentExtract) };
  });
}

/** One extract's status and progress. */
export async function getExtract(deps: Deps, actor: Actor, id: string): Promise<Extract> {
  return deps.db.transaction(async (tx) => {
    const x = await repo.findExtract(tx, actor.tenantId, id);
    if (!x) throw errors.notFound('extract');
    await authorizeExtract(tx, actor, x);
    return presentExtract(x);
  });
}

/** The zip, while it lasts (410 after); every download is audited. */
export async function downloadExtract(
  deps: Deps,
  actor: Actor,
  id: string,
  now: Date = new Date(),
): Promise<{ zip: Buffer; filename: string }> {
  return deps.db.transaction(async (tx) => {
    const x = await repo.findExtract(tx, actor.tenantId, id);
    if (!x) throw errors.notFound('extract');
    await authorizeExtract(tx, actor, x);
    if (x.status === 'expired' || (x.expiresAt && x.expiresAt <= now)) throw expired();
    const zip = x.status === 'ready' ? await repo.extractFile(tx, id) : null;
    if (!zip) throw notReady();
    await audit(tx, {
      action: 'records.extract_downloaded',
      entity: 'record_extract',
      entityId: id,
      childId: x.childId,
    });
    return { zip, filename: `registerutdrag-${x.requestedAt.toISOString().slice(0, 10)}.zip` };
  });
}
