import type { DraftBody, Governance, GovernanceVersion, SignOffBody } from '../../../../common/schemas/governance.ts';
import { audit } from '../../../audit/write.ts';
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../deps.ts';
import { errors } from '../../../errors.ts';
import { loadForManage, loadForRead } from '../policy.ts';
import * as collabRepo from '../repo.ts';
import { renderGovernancePdf } from './pdf.ts';
import { presentVersion } from './presenter.ts';
import * as repo from './repo.ts';
import { governanceTemplate, type DocLang, type Representatives } from './template.ts';

/*
 * The governance document: one draft at a time, saved with the revision read
 * (a stale save gets 409 with the current text, so nothing is lost), signed
 * by each party at its current revision, adopted when all have signed, then
 * read-only. A revision starts a new draft from the adopted text.
 */

export type WriteResult = { ok: true; version: GovernanceVersion } | { ok: false; current: GovernanceVersion };

async function parties(tx: Db, id: string) {
  return (await collabRepo.activeParties(tx, id)).map((p) => ({
    id: p.party.id,
    name: p.party.name,
    tenantId: p.party.tenantId,
  }));
}

async function present(tx: Db, actor: Actor, id: string, v: repo.VersionRow): Promise<GovernanceVersion> {
  return presentVersion(
    v,
    await repo.signOffsOf(tx, v.id, v.revision),
    await parties(tx, id),
    await repo.userName(tx, v.updatedBy),
    actor.tenantId,
  );
}

async function representatives(tx: Db, id: string): Promise<Representatives> {
  const [people, ps] = await Promise.all([collabRepo.activePeople(tx, id), collabRepo.activeParties(tx, id)]);
  const partyName = new Map(ps.map((p) => [p.party.id, p.party.name]));
  const at = (role: string) =>
    people.filter((p) => p.role === role).map((p) => `${p.name} (${partyName.get(p.partyId ?? '') ?? '—'})`);
  return { strategic: at('strategic_representative'), operational: at('operational_representative') };
}

export async function getGovernance(deps: Deps, actor: Actor, id: string): Promise<Governance> {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    const versions = await repo.versionsOf(tx, id);
    const current = versions.find((v) => v.status === 'draft') ?? versions.find((v) => v.status === 'adopted');
    return {
      versions: versions.map((v) => ({
        number: v.number,
        status: v.status,
        adoptedAt: v.adoptedAt?.toISOString() ?? null,
      })),
      current: current ? await present(tx, actor, id, current) : null,
      representatives: await representatives(tx, id),
    };
  });
}

export async function getVersion(deps: Deps, actor: Actor, id: string, number: number): Promise<GovernanceVersion> {
  return deps.db.transaction(async (tx) => {
    await loadForRead(tx, actor, id);
    const v = await repo.findVersion(tx, id, number);
    if (!v) throw errors.notFound('version');
    return present(tx, actor, id, v);
  });
}

/**
 * A new draft: from the template the first time, from the adopted text for a
 * revision. Inside the caller's transaction, so a review can start one too.
 */
export async function startDraftIn(tx: Db, actor: Actor, id: string, lang: DocLang): Promise<repo.VersionRow> {
  const versions = await repo.versionsOf(tx, id);
  const draft = versions.find((v) => v.status === 'draft');
  if (draft) return draft;
  const adopted = versions.find((v) => v.status === 'adopted');
  const content = adopted?.content ?? governanceTemplate(lang, await representatives(tx, id));
  const row = await repo.insertVersion(tx, {
    collaborationId: id,
    number: (versions[0]?.number ?? 0) + 1,
    content,
    updatedBy: actor.userId,
  });
  if (!row) throw errors.conflict('draft_exists', 'Someone started a draft at the same moment. Reload.');
  return row;
}

export async function startDraft(deps: Deps, actor: Actor, id: string, lang: DocLang): Promise<GovernanceVersion> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const existing = (await repo.versionsOf(tx, id)).find((v) => v.status === 'draft');
    if (existing) throw errors.conflict('draft_exists', `Version ${existing.number} is already a draft: edit it.`);
    const row = await startDraftIn(tx, actor, id, lang);
    const out = await present(tx, actor, id, row);
    await audit(tx, { action: 'governance.draft_start', entity: 'governance_version', entityId: row.id });
    return out;
  });
}

const readOnly = () => errors.conflict('version_adopted', 'An adopted version is read-only: start a revision.');

export async function saveDraft(
  deps: Deps,
  actor: Actor,
  id: string,
  number: number,
  body: DraftBody,
): Promise<WriteResult> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const v = await repo.findVersion(tx, id, number);
    if (!v) throw errors.notFound('version');
    if (v.status !== 'draft') throw readOnly();
    const row = await repo.saveContent(tx, v.id, body.revision, body.content, actor.userId);
    if (!row) return { ok: false, current: await present(tx, actor, id, v) };
    const out = await present(tx, actor, id, row);
    await audit(tx, { action: 'governance.draft_save', entity: 'governance_version', entityId: v.id });
    return { ok: true, version: out };
  });
}

/** A party signs the draft's current text; the last party's sign-off adopts it. */
export async function signOff(
  deps: Deps,
  actor: Actor,
  id: string,
  number: number,
  body: SignOffBody,
): Promise<WriteResult> {
  return deps.db.transaction(async (tx) => {
    await loadForManage(tx, actor, id);
    const v = await repo.findVersion(tx, id, number);
    if (!v) throw errors.notFound('version');
    if (v.status !== 'draft')
      throw errors.conflict('not_current_draft', 'Only the current draft is signed; this version is not a draft.');
    const active = await collabRepo.activeParties(tx, id);
    const party = active.find((p) => p.party.id === body.partyId)?.party;
    if (!party) throw errors.validation([{ path: 'body.partyId', message: 'Choose a party of this collaboration.' }]);
    // A municipality's own organisation signs through that municipality; an outside party's signature is recorded
    // by any participating coordinator, who has it on paper.
    if (party.tenantId && party.tenantId !== actor.tenantId)
      throw errors.forbidden("Another municipality's party signs through that municipality's coordinator.");
    const ps = active.map((p) => ({ id: p.party.id }));
    if (v.revision !== body.revision) return { ok: false, current: await present(tx, actor, id, v) };
    const inserted = await repo.insertSignOff(tx, {
      versionId: v.id,
      partyId: body.partyId,
      revision: v.revision,
      signedBy: body.signedBy,
      recordedBy: actor.userId,
    });
    if (!inserted) throw errors.conflict('already_signed', 'The party has already signed this text.');
    const signed = new Set((await repo.signOffsOf(tx, v.id, v.revision)).map((s) => s.partyId));
    const all = ps.every((p) => signed.has(p.id));
    const row = all ? await repo.adopt(tx, id, v.id) : v;
    const out = await present(tx, actor, id, row);
    await audit(tx, [
      {
        action: 'governance.sign_off',
        entity: 'governance_version',
        entityId: v.id,
        detail: { partyId: body.partyId },
      },
      ...(all ? [{ action: 'governance.adopt', entity: 'governance_version', entityId: v.id }] : []),
    ]);
    return { ok: true, version: out };
  });
}

export async function versionPdf(deps: Deps, actor: Actor, id: string, number: number, lang: DocLang) {
  return deps.db.transaction(async (tx) => {
    const access = await loadForRead(tx, actor, id);
    const v = await repo.findVersion(tx, id, number);
    if (!v) throw errors.notFound('version');
    const version = await present(tx, actor, id, v);
    const pdf = await renderGovernancePdf(access.collaboration.name, version, lang);
    await audit(tx, { action: 'governance.pdf', entity: 'governance_version', entityId: v.id });
    return { pdf, filename: `samverkansdokument-v${v.number}.pdf` };
  });
}
