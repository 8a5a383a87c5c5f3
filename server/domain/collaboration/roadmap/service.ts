import {
  DECISION_PDF_MAX_BYTES,
  referenceSteps,
  type DecisionBody,
  type Roadmap,
  type Step,
  type StepBody,
} from '../../../../common/schemas/collaboration-roadmap.ts';
import type { Decision } from '../../../../common/schemas/collaboration-roadmap.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Deps } from '../../../deps.ts';
import { AppError, errors } from '../../../errors.ts';
import { loadForManage, loadForRead } from '../policy.ts';
import * as collabRepo from '../repo.ts';
import { presentDecision } from './presenter.ts';
import * as repo from './repo.ts';
import { competenceArtefacts } from '../../competence/service.ts';
import type { Db } from '../../../db/connect.ts';
import { missingFor, presentRoadmap, presentStep, type Artefacts } from './rules.ts';

/** Every step's artefacts; step 4's (needs and training) counted by the competence area. */
async function artefactsOf(tx: Db, id: string): Promise<Artefacts> {
  return { ...(await repo.artefacts(tx, id)), competence: await competenceArtefacts(tx, id) };
}

export async function getRoadmap(deps: Deps, actor: Actor, id: string): Promise<Roadmap> {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    return presentRoadmap(await artefactsOf(tx, id), await repo.stepsOf(tx, id));
  });
}

export type StepResult =
  | { ok: true; step: Step }
  | { ok: false; kind: 'stale'; current: Step }
  /** `current.missing` says what the step still lacks. */
  | { ok: false; kind: 'incomplete'; current: Step };

/** Status, owner, due date and (steps 2, 4, 5) the reference; done only when the step's artefact exists. */
export async function updateStep(
  deps: Deps,
  actor: Actor,
  id: string,
  step: number,
  body: StepBody,
): Promise<StepResult> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const isReference = referenceSteps.includes(step);
    if (body.reference && !isReference)
      throw errors.validation([
        { path: 'body.reference', message: 'This step’s work is recorded in Navet itself, not as a reference.' },
      ]);
    const a = await artefactsOf(tx, id);
    const rows = await repo.stepsOf(tx, id);
    const before = rows.find((r) => r.step === step);
    const current = () => presentStep(step, a, before);
    if ((before?.version ?? 0) !== body.version) return { ok: false, kind: 'stale', current: current() };
    const reference =
      body.reference === undefined
        ? {
            referenceTitle: before?.referenceTitle ?? null,
            referenceUrl: before?.referenceUrl ?? null,
            referenceNote: before?.referenceNote ?? null,
          }
        : {
            referenceTitle: body.reference?.title ?? null,
            referenceUrl: body.reference?.url ?? null,
            referenceNote: body.reference?.note ?? null,
          };
    if (body.status === 'done' && missingFor(step, a, reference).length > 0)
      return { ok: false, kind: 'incomplete', current: current() };
    const row = await repo.saveStep(tx, body.version, {
      collaborationId: id,
      step,
      status: body.status,
      owner: body.owner === undefined ? (before?.owner ?? null) : body.owner,
      dueOn: body.dueOn === undefined ? (before?.dueOn ?? null) : body.dueOn,
      ...(isReference ? reference : {}),
      updatedBy: actor.userId,
    });
    if (!row) return { ok: false, kind: 'stale', current: current() };
    const out = presentStep(step, a, row);
    await audit(tx, {
      action: 'collaboration.step_update',
      entity: 'collaboration',
      entityId: id,
      detail: { step, status: body.status },
    });
    return { ok: true, step: out };
  });
}

export async function listDecisions(deps: Deps, actor: Actor, id: string): Promise<{ decisions: Decision[] }> {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    return { decisions: (await repo.decisionsOf(tx, id)).map(presentDecision) };
  });
}

/** The attached document, decoded and checked to be a PDF by its bytes; 413 over the limit. */
function readPdf(doc: NonNullable<DecisionBody['document']>): Buffer {
  const bytes = Buffer.from(doc.contentBase64, 'base64');
  if (bytes.length > DECISION_PDF_MAX_BYTES)
    throw new AppError(413, 'payload_too_large', `The document is larger than ${DECISION_PDF_MAX_BYTES / 1024} KB.`);
  const head = bytes.subarray(0, 5).toString('latin1');
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF'))
    throw errors.validation([{ path: 'body.document.contentBase64', message: 'The file is not a PDF.' }]);
  return bytes;
}

export async function recordDecision(deps: Deps, actor: Actor, id: string, body: DecisionBody) {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const party = await collabRepo.findParty(tx, id, body.partyId);
    if (!party || party.endedAt)
      throw errors.validation([{ path: 'body.partyId', message: 'Choose a party of this collaboration.' }]);
    // As for signing the governance document: a municipality records its own organisations' decisions; an outside
    // party's decision is recorded by any participating coordinator, who has it on paper.
    if (party.tenantId && party.tenantId !== actor.tenantId)
      throw errors.forbidden(
        "Another municipality's party records its decision through that municipality's coordinator.",
      );
    if (!body.text && !body.document)
      throw errors.validation([{ path: 'body.text', message: 'Give the decision’s words or attach the decision.' }]);
    const pdf = body.document ? readPdf(body.document) : null;
    const row = await repo.insertDecision(tx, {
      collaborationId: id,
      partyId: party.id,
      decidedBy: body.decidedBy,
      decidedOn: body.decidedOn,
      text: body.text ?? null,
      documentName: body.document?.filename ?? null,
      documentBytes: pdf,
      documentSize: pdf?.length ?? null,
      recordedBy: actor.userId,
    });
    const decisions = (await repo.decisionsOf(tx, id)).map(presentDecision);
    await audit(tx, { action: 'collaboration.decision_record', entity: 'collaboration_decision', entityId: row.id });
    return { decisions };
  });
}

export async function decisionPdf(deps: Deps, actor: Actor, id: string, decisionId: string) {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    const doc = await repo.decisionDocument(tx, id, decisionId);
    if (!doc?.bytes || !doc.name) throw errors.notFound('document');
    await audit(tx, { action: 'collaboration.decision_read', entity: 'collaboration_decision', entityId: decisionId });
    return { pdf: doc.bytes, filename: doc.name };
  });
}
