import type { FhirBundle, PlanContent } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import * as consentRepo from '../consent/repo.ts';
import { organisationOf, organisationRefs, personRefs } from '../sharing/lookup.ts';
import { planToFhir, type FhirInput } from './fhir.ts';
import type { Db } from '../../db/connect.ts';
import { findFonts } from '../../pdf/fonts.ts';
import { can } from '../children/policy.ts';
import { maskCaseNumber } from '../children/presenter.ts';
import { findTenant } from '../tenancy/repo.ts';
import type { PdfLang, PlanPdfContext } from './pdf.ts';
import { authorize, loadPlan, type PlanAccess } from './policy.ts';
import * as repo from './repo.ts';
import { presentPlan } from './presenter.ts';
import { readVersion } from './versions.service.ts';

/** The PDF of one adopted version, as the reader may see it. Fonts are checked before anything is read. */
export async function versionPdf(
  deps: Deps,
  actor: Actor,
  id: string,
  number: number,
  lang: PdfLang,
): Promise<{ pdf: Buffer; filename: string }> {
  findFonts();
  const { v, ctx } = await deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'read');
    const version = await readVersion(tx, pa, number, 'pdf');
    return { v: version, ctx: await pdfContext(tx, pa, version.adoptedAt) };
  });
  // The PDF library and its fonts are large and seldom needed: loaded at the first PDF, not at every start.
  const { renderPlanPdf } = await import('./pdf.ts');
  return { pdf: await renderPlanPdf(v, ctx, lang), filename: `navet-${v.content.kind}-v${v.number}.pdf` };
}

/**
 * Who issues the document and who signs it. The case number follows the child record's rule: in full
 * for the social worker and god man, masked (as the API masks it) for everyone else.
 */
async function pdfContext(tx: Db, pa: PlanAccess, adoptedAt: string): Promise<PlanPdfContext> {
  const { a, plan } = pa;
  const tenant = await findTenant(tx, plan.tenantId);
  const caseNumber = a.child.caseNumber;
  const held = (await repo.meetingsOf(tx, plan.id)).filter(
    (m) => (m.status === 'closed' || m.status === 'in_progress') && m.startsAt.toISOString() <= adoptedAt,
  );
  const godMan = a.members.find((m) => m.hubRole === 'god_man');
  const socialWorker = a.members.find((m) => m.hubRole === 'social_worker');
  const people = await personRefs(tx, plan.tenantId, [godMan?.userId ?? null, socialWorker?.userId ?? null]);
  return {
    municipality: tenant?.name ?? '—',
    caseNumber: caseNumber ? (can(a, 'seeCaseNumber') ? caseNumber : maskCaseNumber(caseNumber)) : null,
    meetingHeldOn: held.at(-1)?.startsAt.toISOString() ?? null,
    godMan: godMan ? (people.get(godMan.userId)?.displayName ?? null) : null,
    socialWorker: socialWorker ? (people.get(socialWorker.userId)?.displayName ?? null) : null,
  };
}

/**
 * The plan as a FHIR R4 Bundle: a chosen adopted version, else the latest
 * adopted one, else the draft. Filtered and audited like any read.
 */
export async function exportFhir(deps: Deps, actor: Actor, id: string, version?: number): Promise<FhirBundle> {
  return deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'read');
    const { plan, a } = pa;
    const number = version ?? (plan.adoptedVersion > 0 ? plan.adoptedVersion : null);
    let content: PlanContent;
    let adopted: FhirInput['version'] = null;
    if (number !== null) {
      const v = await readVersion(tx, pa, number, 'exported');
      content = v.content;
      adopted = { number: v.number, adoptedAt: v.adoptedAt };
    } else {
      content = await presentPlan(tx, pa);
      await audit(tx, { action: 'plan.exported', entity: 'plan', entityId: plan.id, childId: plan.childId });
    }
    const staff = a.members.filter((m) => m.hubRole !== 'civil_society');
    const people = await personRefs(
      tx,
      plan.tenantId,
      staff.map((m) => m.userId),
    );
    const consentRow = content.consent ? await consentRepo.findConsent(tx, plan.tenantId, content.consent.id) : null;
    const orgs = await organisationRefs(tx, plan.tenantId, [
      ...staff.map((m) => m.organisationId),
      ...(consentRow?.organisationIds ?? []),
    ]);
    const bundle = planToFhir({
      planId: plan.id,
      status: plan.status as FhirInput['status'],
      endedReason: plan.endedReason as FhirInput['endedReason'],
      createdAt: plan.createdAt.toISOString(),
      version: adopted,
      child: { id: a.child.id, name: a.child.displayName, languages: a.child.languages },
      content,
      team: staff.map((m) => ({
        userId: m.userId,
        displayName: people.get(m.userId)?.displayName ?? '—',
        hubRole: m.hubRole,
        organisation: organisationOf(orgs, m.organisationId),
      })),
      consent: consentRow
        ? {
            id: consentRow.id,
            state: content.consent!.state,
            givenBy: consentRow.givenBy,
            organisations: consentRow.organisationIds.map((o) => organisationOf(orgs, o)),
            categories: consentRow.categories,
            purposes: consentRow.purposes,
            validFrom: consentRow.validFrom,
            validTo: consentRow.validTo,
            recordedAt: consentRow.recordedAt.toISOString(),
          }
        : null,
    });
    return bundle as FhirBundle;
  });
}
