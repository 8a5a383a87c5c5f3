import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

/** Settings from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Minutes without a request before a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login when a session ends whatever happens. */
  sessionAbsoluteHours: number;
  /** Public base URL; when it is https, cookies are Secure and HSTS is sent. */
  publicUrl: string;
  /**
   * Which reverse proxies may say who the client is in X-Forwarded-For: how many
   * hops (the nearest ones), or the proxies' addresses; false: none, the socket's
   * address is the client. Never every hop: a client could then choose its own ip.
   */
  trustProxy: number | string[] | false;
  loginMaxPerMinute: number;
  version: string;
  /** SMTP server for e-mail pings (smtp://user:pass@host:port); unset: notices stay in-app only. */
  smtpUrl?: string;
  /** Sender address of the e-mail pings. */
  mailFrom: string;
  /** 32 bytes, base64: seals stored secrets (an identity provider's client secret). Unset: none can be stored. */
  secretKey?: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

/** proxy-addr's names for address ranges, allowed beside addresses and CIDRs. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** NAVET_TRUST_PROXY: unset or 0 for none, a hop count, or a comma-separated list of proxy addresses (CIDR allowed). */
export function parseTrustProxy(raw: string | undefined): number | string[] | false {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
    if (!(proxyRangeNames.has(entry) || (isIP(address) !== 0 && bitsOk && rest.length === 0)))
      throw new Error(
        `NAVET_TRUST_PROXY must be a hop count (1 for one proxy in front) or proxy addresses separated by commas, got "${value}"`,
      );
  }
  return entries;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const port = int('PORT', 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.NAVET_DATA_DIR ?? './data',
    sessionIdleMinutes: int('NAVET_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int('NAVET_SESSION_ABSOLUTE_HOURS', 12),
    publicUrl: process.env.NAVET_PUBLIC_URL ?? `http://${host}:${port}`,
    trustProxy: parseTrustProxy(process.env.NAVET_TRUST_PROXY),
    loginMaxPerMinute: int('NAVET_LOGIN_MAX_PER_MINUTE', 10),
    version: packageVersion(),
    smtpUrl: process.env.NAVET_SMTP_URL || undefined,
    mailFrom: process.env.NAVET_MAIL_FROM ?? 'Navet <navet@localhost>',
    secretKey: process.env.NAVET_SECRET_KEY || undefined,
    ...overrides,
  };
}
