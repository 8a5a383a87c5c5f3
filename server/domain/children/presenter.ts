import {
  AsylumStatus,
  CaseStatus,
  ClosedReason,
  HubRole,
  PlacementKind,
  type ChildDetail,
  type ChildFlags,
  type ChildSummary,
} from '../../../common/schemas/children.ts';
import { abilitiesFor, can } from './policy.ts';
import { missingCoreRoles, type ChildAccess } from './access.ts';

/** Whole years between a date of birth and today. */
export function ageFrom(dateOfBirth: string | null, assessedAge: number | null, today = new Date()): number | null {
  if (!dateOfBirth) return assessedAge;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

/** "****-1234": enough to match a letter from Migrationsverket, not enough to act on the case. */
export function maskCaseNumber(caseNumber: string): string {
  return caseNumber.length > 4 ? `****-${caseNumber.slice(-4)}` : '****';
}

function myHubRoles(a: ChildAccess): HubRole[] {
  return a.mine.map((m) => HubRole.parse(m.hubRole));
}

/** A row of "my children". The narrow view leaves out everything about the case. */
export function presentSummary(a: ChildAccess, flags: ChildFlags): ChildSummary {
  const { child } = a;
  const full = a.view === 'full';
  return {
    id: child.id,
    view: a.view,
    displayName: child.displayName,
    age: full ? ageFrom(child.dateOfBirth, child.assessedAge) : null,
    asylumStatus: full ? AsylumStatus.parse(child.asylumStatus) : null,
    caseStatus: CaseStatus.parse(child.caseStatus),
    missingCoreRoles: full ? missingCoreRoles(a.members) : [],
    myHubRoles: myHubRoles(a),
    flags: full ? flags : null,
  };
}

/**
 * One child. Fields are picked one by one, so a new column stays hidden until
 * someone decides who may see it.
 */
export function presentDetail(a: ChildAccess, flags: ChildFlags, placementName: string | null): ChildDetail {
  const { child } = a;
  const abilities = abilitiesFor(a);
  if (a.view === 'narrow') {
    return {
      view: 'narrow',
      id: child.id,
      displayName: child.displayName,
      languages: child.languages,
      interpreterNeeded: child.interpreterNeeded,
      interpreterLanguage: child.interpreterLanguage,
      caseStatus: CaseStatus.parse(child.caseStatus),
      myHubRoles: myHubRoles(a),
      age: null,
      asylumStatus: null,
      missingCoreRoles: [],
      flags: null,
      abilities,
    };
  }
  const seeCaseNumber = can(a, 'seeCaseNumber');
  return {
    view: 'full',
    id: child.id,
    version: child.version,
    displayName: child.displayName,
    dateOfBirth: child.dateOfBirth,
    assessedAge: child.assessedAge,
    age: ageFrom(child.dateOfBirth, child.assessedAge),
    languages: child.languages,
    interpreterNeeded: child.interpreterNeeded,
    interpreterLanguage: child.interpreterLanguage,
    arrivalDate: child.arrivalDate,
    caseNumber: child.caseNumber ? (seeCaseNumber ? child.caseNumber : maskCaseNumber(child.caseNumber)) : null,
    caseNumberMasked: child.caseNumber !== null && !seeCaseNumber,
    placement:
      child.placementOrganisationId && child.placementKind
        ? {
            kind: PlacementKind.parse(child.placementKind),
            organisationId: child.placementOrganisationId,
            organisationName: placementName ?? '',
          }
        : null,
    asylumStatus: AsylumStatus.parse(child.asylumStatus),
    caseStatus: CaseStatus.parse(child.caseStatus),
    closedReason: child.closedReason ? ClosedReason.parse(child.closedReason) : null,
    closedAt: child.closedAt?.toISOString() ?? null,
    createdAt: child.createdAt.toISOString(),
    updatedAt: child.updatedAt.toISOString(),
    missingCoreRoles: missingCoreRoles(a.members),
    myHubRoles: myHubRoles(a),
    flags,
    abilities,
  };
}
