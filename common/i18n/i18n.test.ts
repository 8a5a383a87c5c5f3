import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import sv from './sv.json';

const areasDir = new URL('./areas/', import.meta.url);
const areaNames = [...new Set(readdirSync(areasDir).map((f) => f.replace(/\.(sv|en)\.json$/, '')))].sort();

function readArea(name: string, lang: 'sv' | 'en'): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.${lang}.json`, areasDir), 'utf8')) as Record<string, unknown>;
}

/** The entry's texts and every area's, as the client holds them once all are loaded. */
function all(lang: 'sv' | 'en'): Record<string, unknown> {
  const base: Record<string, unknown> = { ...(lang === 'sv' ? sv : en) };
  for (const name of areaNames) Object.assign(base, readArea(name, lang));
  return base;
}

/** Every leaf key, as dotted paths ("login.errors.emailRequired"). */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

/** Interpolation placeholders in a message, e.g. {{count}}. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function leaf(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

describe('translations', () => {
  it('Swedish and English have the same keys', () => {
    expect(keysOf(all('en')).sort()).toEqual(keysOf(all('sv')).sort());
  });

  it('each area file holds exactly its own section, never one of the entry', () => {
    for (const name of areaNames) {
      for (const lang of ['sv', 'en'] as const) {
        expect(Object.keys(readArea(name, lang)), `${name}.${lang}`).toEqual([name]);
      }
      expect(Object.keys(sv), name).not.toContain(name);
    }
  });

  it('every message is a non-empty string with the same placeholders in both languages', () => {
    const svAll = all('sv');
    const enAll = all('en');
    for (const key of keysOf(svAll)) {
      const svText = leaf(svAll, key);
      const enText = leaf(enAll, key);
      expect(typeof svText, key).toBe('string');
      expect(typeof enText, key).toBe('string');
      expect((svText as string).trim(), key).not.toBe('');
      expect(placeholders(enText as string), key).toEqual(placeholders(svText as string));
    }
  });
});
