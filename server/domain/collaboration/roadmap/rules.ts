import {
  referenceSteps,
  stepKeys,
  type Missing,
  type Roadmap,
  type Step,
} from '../../../../common/schemas/collaboration-roadmap.ts';
import type { Artefacts as Recorded, StepRow } from './repo.ts';

/** What the steps have produced: the roadmap's own records, and step 4's from the competence area. */
export type Artefacts = Recorded & { competence: { needs: number; trainingSessions: number } };

/*
 * The roadmap's one rule: a step may be marked done only when what the guide
 * asks of it exists. Pure, so the roadmap shows the same list the 409 gives.
 */

type Reference = { referenceTitle: string | null; referenceUrl: string | null; referenceNote: string | null };

export function missingFor(step: number, a: Artefacts, ref: Reference | undefined): Missing[] {
  switch (step) {
    case 1:
      if (a.parties.length === 0) return [{ what: 'parties' }];
      return a.parties
        .filter((p) => !a.decidedPartyIds.has(p.id))
        .map((p) => ({ what: 'party_decision', name: p.name }));
    case 2:
      return a.mapped > 0 ? [] : [{ what: 'mapped_process' }];
    case 3:
      return a.proposals > 0 ? [] : [{ what: 'proposal' }];
    case 4: {
      // The competence basis: needs recorded and training held (the competence page).
      const missing: Missing[] = [];
      if (a.competence.needs === 0) missing.push({ what: 'competence_need' });
      if (a.competence.trainingSessions === 0) missing.push({ what: 'training' });
      return missing;
    }
    case 5:
      return a.adoptedMaps > 0 ? [] : [{ what: 'adopted_map' }];
    case 6:
      return a.adopted > 0 ? [] : [{ what: 'adopted_document' }];
    case 7:
      return a.held > 0 ? [] : [{ what: 'held_review' }];
    default:
      return ref?.referenceTitle && (ref.referenceUrl || ref.referenceNote) ? [] : [{ what: 'reference' }];
  }
}

function produced(step: number, a: Artefacts, row: StepRow | undefined): Step['produced'] {
  switch (step) {
    case 1:
      return { count: a.parties.filter((p) => a.decidedPartyIds.has(p.id)).length, of: a.parties.length };
    case 2:
      return { count: a.mapped, of: null };
    case 3:
      return { count: a.proposals, of: null };
    case 4:
      return { count: a.competence.needs + a.competence.trainingSessions, of: null };
    case 5:
      return { count: a.adoptedMaps, of: null };
    case 6:
      return { count: a.adopted, of: null };
    case 7:
      return { count: a.held, of: null };
    default:
      return { count: row?.referenceTitle ? 1 : 0, of: null };
  }
}

export function presentStep(step: number, a: Artefacts, row: StepRow | undefined): Step {
  return {
    number: step,
    key: stepKeys[step - 1]!,
    status: row?.status ?? 'not_started',
    owner: row?.owner ?? null,
    dueOn: row?.dueOn ?? null,
    reference:
      referenceSteps.includes(step) && row?.referenceTitle
        ? { title: row.referenceTitle, url: row.referenceUrl, note: row.referenceNote }
        : null,
    produced: produced(step, a, row),
    missing: missingFor(step, a, row),
    version: row?.version ?? 0,
  };
}

export function presentRoadmap(a: Artefacts, rows: StepRow[]): Roadmap {
  return {
    steps: [1, 2, 3, 4, 5, 6, 7].map((n) =>
      presentStep(
        n,
        a,
        rows.find((r) => r.step === n),
      ),
    ),
  };
}
