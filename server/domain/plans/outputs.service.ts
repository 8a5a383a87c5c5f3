import type { FhirBundle, PlanContent } from '../../../common/schemas/plans.ts';
import { audit } from '../../audit/write.ts';
import type { Actor } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import * as consentRepo from '../consent/repo.ts';
import { organisationOf, organisationRefs, personRefs } from '../sharing/lookup.ts';
import { planToFhir, type FhirInput } from './fhir.ts';
import type { PdfLang } from './pdf.ts';
import { findFonts } from './pdf-text.ts';
import { authorize, loadPlan } from './policy.ts';
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
  const v = await deps.db.transaction(async (tx) => {
    const pa = await loadPlan(tx, actor, id);
    authorize(pa, 'read');
    return readVersion(tx, pa, number, 'pdf');
  });
  // The PDF library and its fonts are large and seldom needed: loaded at the first PDF, not at every start.
  const { renderPlanPdf } = await import('./pdf.ts');
  return { pdf: await renderPlanPdf(v, lang), filename: `navet-${v.content.kind}-v${v.number}.pdf` };
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
