import { audit } from '../../audit/write.ts';
import { enqueue, registerJob } from '../../jobs/index.ts';
import { loadAccess } from '../children/access.ts';
import { mayRequestForChild, mayRequestForUser } from './policy.ts';
import { buildExtract } from './build.ts';
import * as repo from './repo.ts';

export const BUILD_JOB = 'records.extract_build';
export const EXPIRE_JOB = 'records.extract_expire';

/** Days a finished extract stays downloadable (NAVET_EXTRACT_DAYS, default 7), then its file is deleted. */
export function extractDays(): number {
  const n = Number(process.env.NAVET_EXTRACT_DAYS ?? '7');
  return Number.isInteger(n) && n > 0 ? n : 7;
}

/**
 * Builds one extract. The requester is judged as they are when the job runs: one who has left the hub (or
 * lost the admin role) since asking gets a failed extract, not the data.
 */
registerJob(BUILD_JOB, async (tx, payload, job) => {
  const x = await repo.extractById(tx, String(payload.extractId));
  if (!x || x.status !== 'queued') return;
  const requester = await repo.actorFor(tx, x.requestedBy);
  let name: string | undefined;
  if (requester && x.subject === 'child' && x.childId) {
    const a = await loadAccess(tx, requester, x.childId).catch(() => undefined);
    if (a && mayRequestForChild(a)) name = a.child.displayName;
  } else if (requester && x.subjectUserId && mayRequestForUser(requester, x.subjectUserId)) {
    name = await repo.userName(tx, x.tenantId, x.subjectUserId);
  }
  const subjectId = x.childId ?? x.subjectUserId;
  if (!requester || !name || !subjectId) {
    await repo.setExtract(tx, x.id, { status: 'failed', progress: 100 });
    return;
  }
  const built = await buildExtract(tx, requester, x.subject, subjectId, name, job.now);
  const expiresAt = new Date(job.now.getTime() + extractDays() * 86_400_000);
  await repo.setExtract(tx, x.id, {
    status: 'ready',
    progress: 100,
    file: built.zip,
    size: built.zip.length,
    readyAt: job.now,
    expiresAt,
  });
  await enqueue(tx, {
    tenantId: x.tenantId,
    kind: EXPIRE_JOB,
    runAt: expiresAt,
    payload: { extractId: x.id },
    dedupeKey: `extract-expire:${x.id}`,
  });
  await audit(tx, {
    action: 'records.extract_built',
    entity: 'record_extract',
    entityId: x.id,
    childId: x.childId,
    tenantId: x.tenantId,
    actorUserId: null,
    organisationId: null,
    detail: { subject: x.subject, sections: built.document.sections.length, withheld: built.document.withheld.length },
  });
});

/** Deletes the file once its time is out; the record of the request stays, marked expired. */
registerJob(EXPIRE_JOB, async (tx, payload, job) => {
  const gone = await repo.expireFiles(tx, job.now, String(payload.extractId));
  await audit(
    tx,
    gone.map((g) => ({
      action: 'records.extract_deleted',
      entity: 'record_extract',
      entityId: g.id,
      childId: g.childId,
      tenantId: g.tenantId,
      actorUserId: null,
      organisationId: null,
    })),
  );
});
