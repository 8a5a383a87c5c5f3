import { describe, expect, it } from 'vitest';
import { hubRoles } from '../../schemas/children.ts';
import { childLanguages, childResources, type ChildLanguage } from './index.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted.key, value], so files can be compared key by key. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const texts = (lang: ChildLanguage) => new Map(leaves(childResources[lang].child));
const source = texts('sv');
const rtl: readonly ChildLanguage[] = ['ar', 'prs', 'ps'];
const speech: Record<ChildLanguage, string> = {
  sv: 'sv-SE',
  en: 'en-GB',
  prs: 'fa-AF',
  ar: 'ar',
  so: 'so-SO',
  ti: 'ti-ER',
  ps: 'ps-AF',
};
// A translated string must contain the language's own script, so a forgotten copy of the source shows.
const script: Partial<Record<ChildLanguage, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  prs: /\p{Script=Arabic}/u,
  ps: /\p{Script=Arabic}/u,
  ti: /\p{Script=Ethiopic}/u,
};
const reviewMarker = 'machine-drafted: needs review by a native speaker before use';

describe('child view translations', () => {
  it('covers every hub role with a title and an explanation', () => {
    expect(Object.keys(childResources.sv.child.roles).sort()).toEqual([...hubRoles].sort());
  });

  describe.each(childLanguages)('%s', (lang) => {
    const own = texts(lang);
    const meta = childResources[lang].child._meta;

    it('has exactly the keys of the Swedish source', () => {
      expect([...own.keys()].sort()).toEqual([...source.keys()].sort());
    });

    it('has no empty strings', () => {
      for (const [key, value] of own) expect(value.trim(), key).not.toBe('');
    });

    it('keeps the same interpolation placeholders as the source', () => {
      for (const [key, value] of own) expect(placeholders(value), key).toEqual(placeholders(source.get(key) ?? ''));
    });

    it('declares its direction and speech language', () => {
      expect(meta.dir).toBe(rtl.includes(lang) ? 'rtl' : 'ltr');
      expect(meta.speechLang).toBe(speech[lang]);
    });

    it('states its review status', () => {
      const expected = lang === 'sv' ? 'source' : lang === 'en' ? 'reviewed' : reviewMarker;
      expect(meta.review).toBe(expected);
    });

    it('is written in its own script', () => {
      const pattern = script[lang];
      if (!pattern) return;
      for (const [key, value] of own) if (!key.startsWith('_meta.')) expect(value, key).toMatch(pattern);
    });

    it('is not an untranslated copy of Swedish or English', () => {
      if (lang === 'sv') return;
      const english = texts('en');
      const copied = [...own].filter(
        ([key, value]) =>
          !key.startsWith('_meta.') && (value === source.get(key) || (lang !== 'en' && value === english.get(key))),
      );
      expect(copied.map(([key]) => key)).toEqual([]);
    });
  });
});
