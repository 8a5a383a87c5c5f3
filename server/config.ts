import { readFileSync } from 'node:fs';

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
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  loginMaxPerMinute: number;
  version: string;
  /** SMTP server for e-mail pings (smtp://user:pass@host:port); unset: notices stay in-app only. */
  smtpUrl?: string;
  /** Sender address of the e-mail pings. */
  mailFrom: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
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
    trustProxy: process.env.NAVET_TRUST_PROXY === '1',
    loginMaxPerMinute: int('NAVET_LOGIN_MAX_PER_MINUTE', 10),
    version: packageVersion(),
    smtpUrl: process.env.NAVET_SMTP_URL || undefined,
    mailFrom: process.env.NAVET_MAIL_FROM ?? 'Navet <navet@localhost>',
    ...overrides,
  };
}
