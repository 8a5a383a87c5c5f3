import ar from './ar.json';
import en from './en.json';
import prs from './prs.json';
import ps from './ps.json';
import so from './so.json';
import sv from './sv.json';
import ti from './ti.json';

/** Languages of the child's own view; Swedish is the source, English second, then the children's languages. */
export const childLanguages = ['sv', 'en', 'prs', 'ar', 'so', 'ti', 'ps'] as const;
export type ChildLanguage = (typeof childLanguages)[number];

/** The Swedish file defines the shape; every other file must match it key for key (see child-i18n.test.ts). */
export type ChildTexts = typeof sv;

/** i18next resources, one namespace `child` per language. */
export const childResources: Record<ChildLanguage, { child: ChildTexts }> = {
  sv: { child: sv },
  en: { child: en },
  prs: { child: prs },
  ar: { child: ar },
  so: { child: so },
  ti: { child: ti },
  ps: { child: ps },
};

export function isChildLanguage(value: string): value is ChildLanguage {
  return (childLanguages as readonly string[]).includes(value);
}
