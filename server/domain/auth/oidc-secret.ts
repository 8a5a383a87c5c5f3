import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { errors } from '../../errors.ts';

/**
 * Seals a stored secret with AES-256-GCM under the server's NAVET_SECRET_KEY, so a copy of the database
 * (a backup, a leaked dump) does not hand out the municipality's client secret. Format: v1.iv.tag.data.
 */
function keyOf(secretKey: string | undefined): Buffer {
  const key = secretKey ? Buffer.from(secretKey, 'base64') : null;
  if (!key || key.length !== 32)
    throw errors.badRequest(
      'secret_key_missing',
      'The server has no NAVET_SECRET_KEY (32 bytes, base64), so it cannot store a client secret.',
    );
  return key;
}

export function seal(secretKey: string | undefined, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function unseal(secretKey: string | undefined, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
