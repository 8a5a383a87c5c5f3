import {
  coreHubRoles,
  type ChildSummary,
  AsylumStatus,
  CaseStatus,
  HubRole,
} from '../../../common/schemas/children.ts';
import type { Actor } from '../../context.ts';
import type { ChildRow, HubMemberRow } from './repo.ts';

/** Whole years between a date of birth and today. */
export function ageFrom(dateOfBirth: string | null, assessedAge: number | null, today = new Date()): number | null {
  if (!dateOfBirth) return assessedAge;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}

export function presentSummary(child: ChildRow, members: HubMemberRow[], actor: Actor): ChildSummary {
  const mine = members.filter((m) => m.childId === child.id);
  const present = new Set(mine.map((m) => m.hubRole));
  return {
    id: child.id,
    displayName: child.displayName,
    age: ageFrom(child.dateOfBirth, child.assessedAge),
    asylumStatus: AsylumStatus.parse(child.asylumStatus),
    caseStatus: CaseStatus.parse(child.caseStatus),
    missingCoreRoles: coreHubRoles.filter((r) => !present.has(r)),
    myHubRoles: mine.filter((m) => m.userId === actor.userId).map((m) => HubRole.parse(m.hubRole)),
  };
}
