import i18n from 'i18next';

/**
 * The texts of an area of the client (its pages' top-level section of the translations) live in
 * `common/i18n/areas/<area>.<locale>.json` and are fetched with the area's pages, not with the
 * entry: the first load stays small however many areas there are. Each file holds one top-level
 * key, the area's name, so pages call `t('<area>.…')` exactly as for the entry's texts, and the
 * keys stay typed (app/i18next.d.ts).
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../common/i18n/areas/*.json');

export type Area =
  | 'auditAction'
  | 'besked'
  | 'childForm'
  | 'childPage'
  | 'childvoice'
  | 'collaborationSetup'
  | 'competence'
  | 'consent'
  | 'deniedAccess'
  | 'everyday'
  | 'followup'
  | 'grants'
  | 'identity'
  | 'levels'
  | 'noticeSettings'
  | 'loginThrottle'
  | 'processmaps'
  | 'records'
  | 'retention'
  | 'review'
  | 'tenantTopics';

const loaded = new Set<string>();
const wanted = new Set<Area>();

async function loadOne(area: Area, locale: string): Promise<void> {
  const key = `${area}.${locale}`;
  if (loaded.has(key)) return;
  const file = files[`../common/i18n/areas/${key}.json`];
  if (!file) throw new Error(`no texts for ${key}`);
  const { default: texts } = await file();
  i18n.addResourceBundle(locale, 'translation', texts, true, true);
  loaded.add(key);
}

/** Fetches the areas' texts in the current language (and Swedish, the fallback) once. */
export async function loadAreas(areas: readonly Area[], locale = i18n.language): Promise<void> {
  for (const area of areas) wanted.add(area);
  const locales = locale === 'sv' ? ['sv'] : ['sv', locale];
  await Promise.all(areas.flatMap((area) => locales.map((l) => loadOne(area, l))));
}

/** Before switching language: the areas already shown get their texts in the new one. */
export function loadShownAreas(locale: string): Promise<void> {
  return loadAreas([...wanted], locale);
}
