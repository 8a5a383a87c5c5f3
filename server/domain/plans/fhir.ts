/**
 * The plan as an HL7 FHIR R4 Bundle (type "collection"): a CarePlan with its
 * activities and performers, the hub as a CareTeam, the child's consent as a
 * Consent, the child as a Patient with minimal data (a name and languages, no
 * identity number), and the organisations and goals they point at. Built from
 * content already filtered by the sharing rule. Checked against the official
 * FHIR R4 JSON schema in the tests.
 */
import { createHash } from 'node:crypto';
import type { ConsentState } from '../../../common/schemas/consent.ts';
import type { PlanContent, PlanStatus, PlanEndReason, MeasureStatus } from '../../../common/schemas/plans.ts';
import type { OrganisationRef } from '../../../common/schemas/sharing.ts';

/** Code systems of Navet's own values: stable URNs, not web addresses that could be mistaken for a registry. */
export const NAVET_SYSTEM = {
  category: 'urn:navet:fhir:info-category',
  purpose: 'urn:navet:fhir:sharing-purpose',
  planKind: 'urn:navet:fhir:plan-kind',
  hubRole: 'urn:navet:fhir:hub-role',
  principalType: 'urn:navet:fhir:principal-type',
} as const;

export interface FhirConsentInput {
  id: string;
  state: ConsentState;
  givenBy: string;
  organisations: OrganisationRef[];
  categories: string[];
  purposes: string[];
  validFrom: string;
  validTo: string;
  recordedAt: string;
}

export interface FhirInput {
  planId: string;
  status: PlanStatus;
  endedReason: PlanEndReason | null;
  createdAt: string;
  /** The adopted version exported, or null for the working draft. */
  version: { number: number; adoptedAt: string } | null;
  child: { id: string; name: string; languages: string[] };
  content: PlanContent;
  team: { userId: string; displayName: string; hubRole: string; organisation: OrganisationRef }[];
  consent: FhirConsentInput | null;
}

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** A stable UUID for a resource Navet has no row of its own for (the team, a measure's goal): name-based, like v5. */
export function uuidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ref = (type: string, id: string, display?: string) => ({
  reference: `urn:uuid:${id}`,
  type,
  ...(display ? { display } : {}),
});

function carePlanStatus(status: PlanStatus, ended: PlanEndReason | null): string {
  switch (status) {
    case 'draft':
      return 'draft';
    case 'active':
    case 'follow_up':
      return 'active';
    case 'ended':
      return ended === 'goals_met' ? 'completed' : 'revoked';
  }
}

function activityStatus(s: MeasureStatus): string {
  switch (s) {
    case 'planned':
      return 'scheduled';
    case 'ongoing':
      return 'in-progress';
    case 'done':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
  }
}

export function planToFhir(input: FhirInput, now: Date = new Date()): Record<string, unknown> {
  const c = input.content;
  const patientId = input.child.id;
  const orgs = new Map<string, OrganisationRef>();
  const addOrg = (o: OrganisationRef | null | undefined) => {
    if (o) orgs.set(o.id, o);
  };
  c.measures.forEach((m) => addOrg(m.responsibleOrganisation));
  addOrg(c.overallResponsibleOrganisation);
  input.team.forEach((m) => addOrg(m.organisation));
  input.consent?.organisations.forEach(addOrg);

  const patient: Resource = {
    resourceType: 'Patient',
    id: patientId,
    name: [{ use: 'usual', text: input.child.name }],
    ...(input.child.languages.length > 0
      ? {
          communication: input.child.languages.map((code, i) => ({
            language: { coding: [{ system: 'urn:ietf:bcp:47', code }] },
            preferred: i === 0,
          })),
        }
      : {}),
  };
  const organisations: Resource[] = [...orgs.values()].map((o) => ({
    resourceType: 'Organization',
    id: o.id,
    active: true,
    type: [{ coding: [{ system: NAVET_SYSTEM.principalType, code: o.principalType }] }],
    name: o.name,
  }));
  const careTeamId = uuidFrom(`care-team:${input.planId}`);
  const careTeam: Resource = {
    resourceType: 'CareTeam',
    id: careTeamId,
    status: 'active',
    name: `Navet – ${input.child.name}`,
    subject: ref('Patient', patientId, input.child.name),
    participant: input.team.map((m) => ({
      role: [{ coding: [{ system: NAVET_SYSTEM.hubRole, code: m.hubRole }] }],
      member: { display: m.displayName },
      onBehalfOf: ref('Organization', m.organisation.id, m.organisation.name),
    })),
  };
  const goals: Resource[] = c.measures.map((m) => ({
    resourceType: 'Goal',
    id: uuidFrom(`goal:${m.id}`),
    lifecycleStatus: m.status === 'cancelled' ? 'cancelled' : m.status === 'done' ? 'completed' : 'active',
    description: { text: m.goal },
    subject: ref('Patient', patientId),
  }));
  const consent: Resource[] = input.consent
    ? [
        {
          resourceType: 'Consent',
          id: input.consent.id,
          status:
            input.consent.state === 'valid'
              ? 'active'
              : input.consent.state === 'not_yet_valid'
                ? 'proposed'
                : 'inactive',
          scope: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
          },
          category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
          patient: ref('Patient', patientId),
          dateTime: input.consent.recordedAt,
          performer: [{ display: `given by: ${input.consent.givenBy}` }],
          organization: input.consent.organisations.map((o) => ref('Organization', o.id, o.name)),
          policyRule: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }],
          },
          provision: {
            type: 'permit',
            period: { start: input.consent.validFrom, end: input.consent.validTo },
            actor: input.consent.organisations.map((o) => ({
              role: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }],
              },
              reference: ref('Organization', o.id, o.name),
            })),
            purpose: input.consent.purposes.map((p) => ({ system: NAVET_SYSTEM.purpose, code: p })),
            code: input.consent.categories.map((k) => ({ coding: [{ system: NAVET_SYSTEM.category, code: k }] })),
          },
        },
      ]
    : [];
  const notes = [c.childWords, c.childGoals].filter((t): t is string => Boolean(t)).map((text) => ({ text }));
  const carePlan: Resource = {
    resourceType: 'CarePlan',
    id: input.planId,
    status: carePlanStatus(input.status, input.endedReason),
    intent: 'plan',
    category: [{ coding: [{ system: NAVET_SYSTEM.planKind, code: c.kind }] }],
    title: `${c.kind === 'sip' ? 'SIP' : 'I-SIP'} – ${input.child.name}${input.version ? ` – v${input.version.number}` : ''}`,
    subject: ref('Patient', patientId, input.child.name),
    ...(input.version ? { period: { start: input.version.adoptedAt } } : {}),
    created: input.createdAt,
    // Part 4 of the law: the principal with overall responsibility.
    ...(c.overallResponsibleOrganisation
      ? { author: ref('Organization', c.overallResponsibleOrganisation.id, c.overallResponsibleOrganisation.name) }
      : {}),
    careTeam: [ref('CareTeam', careTeamId)],
    ...(goals.length > 0 ? { goal: goals.map((g) => ref('Goal', g.id)) } : {}),
    ...(c.measures.length > 0
      ? {
          activity: c.measures.map((m, i) => ({
            detail: {
              kind: 'ServiceRequest',
              code: { coding: [{ system: NAVET_SYSTEM.category, code: m.category }], text: m.description },
              goal: [ref('Goal', goals[i]!.id)],
              status: activityStatus(m.status),
              scheduledPeriod: { start: m.startOn, ...(m.endOn ? { end: m.endOn } : {}) },
              // Parts 2 and 3: who carries the measure out.
              performer: [ref('Organization', m.responsibleOrganisation.id, m.responsibleOrganisation.name)],
              description: m.description,
            },
          })),
        }
      : {}),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
  const resources: Resource[] = [carePlan, careTeam, ...consent, patient, ...organisations, ...goals];
  return {
    resourceType: 'Bundle',
    id: uuidFrom(`bundle:${input.planId}:${now.toISOString()}`),
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })),
  };
}
