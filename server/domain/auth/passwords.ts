import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { limits } from '../../../common/limits.ts';

// OWASP's argon2id minimum (19 MiB, 2 passes): slow for attackers, fine for us.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Verified against when the e-mail is unknown, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash.then((h) => verifyPassword(h, password));
}

let blocklist: Set<string> | undefined;
function commonPasswords(): Set<string> {
  blocklist ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );
  return blocklist;
}

/**
 * NIST-style policy: length and a blocklist, no composition rules. A common
 * word with only digits or symbols around it ("sommar2024!!!!") is refused too.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < limits.passwordMin) return `Use at least ${limits.passwordMin} characters.`;
  if (password.length > limits.passwordMax) return `Use at most ${limits.passwordMax} characters.`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return 'This password is too common. Choose another.';
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core.length === 0 || list.has(core)) return 'This password is too common. Choose another.';
  if (new Set(lower).size <= 2) return 'This password is too easy to guess. Choose another.';
  return null;
}
