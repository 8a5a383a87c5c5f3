import en from '../../../../common/i18n/areas/collaborationSetup.en.json';
import sv from '../../../../common/i18n/areas/collaborationSetup.sv.json';
import type { GovernanceContent } from '../../../../common/schemas/governance.ts';

export type DocLang = 'sv' | 'en';
const texts = { sv: sv.collaborationSetup.template, en: en.collaborationSetup.template };

/** The representatives at each level, as the document lists them: "Name (Party)". */
export interface Representatives {
  strategic: string[];
  operational: string[];
}

/**
 * A first draft that follows the guide's structure: purpose and the shared
 * goal, the three levels (who sits on each, mandate, how often they meet),
 * how questions travel, routines, secrecy and consent, follow-up. The members
 * of the two upper levels come from the parties' representatives.
 */
export function governanceTemplate(lang: DocLang, reps: Representatives): GovernanceContent {
  const t = texts[lang];
  return {
    purpose: t.purpose,
    sharedGoal: t.sharedGoal,
    levels: {
      strategic: { members: reps.strategic, mandate: t.strategicMandate, meets: t.strategicMeets },
      operational: { members: reps.operational, mandate: t.operationalMandate, meets: t.operationalMeets },
      individual: { members: [t.individualMembers], mandate: t.individualMandate, meets: t.individualMeets },
    },
    questionPath: t.questionPath,
    routines: t.routines,
    routineLinks: [],
    secrecyAndConsent: t.secrecyAndConsent,
    followUp: { indicators: t.indicators, when: t.followUpWhen },
  };
}
