import { describe, expect, it } from 'vitest';
import en from './en.json';
import sv from './sv.json';

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
    expect(keysOf(en).sort()).toEqual(keysOf(sv).sort());
  });

  it('every message is a non-empty string with the same placeholders in both languages', () => {
    for (const key of keysOf(sv)) {
      const svText = leaf(sv, key);
      const enText = leaf(en, key);
      expect(typeof svText, key).toBe('string');
      expect(typeof enText, key).toBe('string');
      expect((svText as string).trim(), key).not.toBe('');
      expect(placeholders(enText as string), key).toEqual(placeholders(svText as string));
    }
  });
});
