import {
  childLanguages,
  childResources,
  isChildLanguage,
  type ChildLanguage,
  type ChildTexts,
} from '../../../common/i18n/child/index.ts';

/** Every text key of the child's view ("page.title", "roles.god_man.title"), checked by the compiler. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ChildKey = Exclude<Leaves<ChildTexts>, `_meta.${string}`>;

export type ChildT = (key: ChildKey, vars?: Record<string, string>) => string;

function lookup(tree: unknown, key: string): string | null {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node !== '' ? node : null;
}

/**
 * The child's texts in one language, with Swedish as the fallback. The same
 * `{{name}}` placeholders as i18next, so the files stay i18next resources; the
 * child's view keeps its own small translator so that its language never
 * changes the adults' language on the same device, and back.
 */
export function childT(lang: ChildLanguage): ChildT {
  const texts = childResources[lang].child;
  const fallback = childResources.sv.child;
  return (key, vars = {}) => {
    const text = lookup(texts, key) ?? lookup(fallback, key) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole);
  };
}

export function metaOf(lang: ChildLanguage): ChildTexts['_meta'] {
  return childResources[lang].child._meta;
}

/**
 * The `lang` attribute for a language. Dari is written `fa-AF` (Persian as
 * spoken in Afghanistan) rather than `prs`: screen readers, fonts and number
 * formats know Persian, while few know the Dari code.
 */
export function htmlLang(lang: ChildLanguage): string {
  return lang === 'prs' ? 'fa-AF' : lang;
}

const STORAGE_KEY = 'navet.childLanguage';

export function storedChildLanguage(): ChildLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value && isChildLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeChildLanguage(lang: ChildLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage off: the choice lasts for this visit.
  }
}

/** The first of the child's languages that the view speaks ("fa" counts as Dari). */
export function languageFrom(codes: readonly string[]): ChildLanguage | null {
  for (const code of codes) {
    const base = code.toLowerCase().split('-')[0] ?? '';
    const mapped = base === 'fa' ? 'prs' : base;
    if (isChildLanguage(mapped)) return mapped;
  }
  return null;
}

export { childLanguages, type ChildLanguage };
