import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorId, errorStatus } from './errors.ts';
import * as firstLoad from './errors-shown.ts';
import * as pages from './errors-shown-pages.ts';

const areasDir = new URL('./i18n/areas/', import.meta.url);

/** Every text of a locale: sv.json / en.json and the per-area files, merged. */
function texts(lang: 'sv' | 'en'): Record<string, unknown> {
  const all = JSON.parse(readFileSync(new URL(`./i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  for (const file of readdirSync(areasDir).filter((f) => f.endsWith(`.${lang}.json`)))
    Object.assign(all, JSON.parse(readFileSync(new URL(file, areasDir), 'utf8')));
  return all;
}

/** Every place the client has words for: each exported `ErrorPlace` of the two modules. */
const isPlace = (v: unknown): v is firstLoad.ErrorPlace =>
  typeof v === 'object' && v !== null && 'i18nKey' in v && 'ids' in v;
const places = Object.entries<unknown>({ ...firstLoad, ...pages }).flatMap(([name, v]) =>
  isPlace(v) ? [[name, v] as const] : [],
);

const lookup = (tree: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the error ids', () => {
  it('each id has one HTTP error status', () => {
    for (const id of ErrorId.options) {
      const status = errorStatus[id];
      expect(Number.isInteger(status) && status >= 400 && status < 600, id).toBe(true);
      expect(id, 'ids are snake_case').toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it('every id the client shows has Swedish and English words', () => {
    const locales = { sv: texts('sv'), en: texts('en') };
    expect(places.map(([name]) => name)).toContain('commonErrors');
    expect(places.map(([name]) => name)).toContain('grantErrors');
    for (const [place, { i18nKey, ids }] of places)
      for (const id of ids)
        for (const [lang, tree] of Object.entries(locales)) {
          const text = lookup(tree, `${i18nKey}.${id}`);
          expect(typeof text === 'string' && text.length > 0, `${lang}: ${i18nKey}.${id} (${place})`).toBe(true);
        }
  });
});
