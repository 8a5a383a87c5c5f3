import { z } from 'zod';

/** An answer that is not 2xx while the server was meant to be up: the load is valid, so it is a finding. */
export class UnexpectedAnswer extends Error {
  constructor(
    readonly status: number,
    readonly what: string,
    body: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 300)}`);
  }
}

const LoginAnswer = z.object({ stage: z.string(), csrfToken: z.string() });

/** One logged-in user: the session cookie and its CSRF token, as the web client holds them. */
export class Client {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly base: string,
    readonly email: string,
  ) {}

  /** The session cookie, for a request sent by hand. */
  get sessionCookie(): string {
    return this.cookie;
  }

  async login(password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: this.email, password }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) throw new UnexpectedAnswer(res.status, `login ${this.email}`, text);
    const answer = LoginAnswer.parse(JSON.parse(text));
    if (answer.stage !== 'done') throw new Error(`login ${this.email}: stage ${answer.stage}, expected done`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('navet_session='));
    if (!cookie) throw new Error(`login ${this.email}: no session cookie`);
    this.cookie = cookie.split(';')[0]!;
    this.csrf = answer.csrfToken;
  }

  /** Sends a request; a 2xx answer is parsed with `schema`, anything else throws UnexpectedAnswer. */
  async call<T>(method: string, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) throw new UnexpectedAnswer(res.status, `${method} ${path}`, text);
    return schema.parse(JSON.parse(text));
  }

  get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    return this.call('GET', path, undefined, schema);
  }
}
