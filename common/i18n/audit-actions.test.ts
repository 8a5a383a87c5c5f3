import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import texts from './areas/auditAction.sv.json';

const serverDir = new URL('../../server/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'test' ? [] : sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The actions the server writes as literals (`action: 'hub.read'`); templated ones are listed by hand in the texts. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of sources(serverDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

const labelled = new Set(
  Object.entries(texts.auditAction).flatMap(([entity, actions]) => Object.keys(actions).map((a) => `${entity}.${a}`)),
);

describe('the log pages', () => {
  it('have words for every audit action the server writes, so no one reads a code', () => {
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(100);
    expect(actions.filter((a) => !labelled.has(a))).toEqual([]);
  });
});
