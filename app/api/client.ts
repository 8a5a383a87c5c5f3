import type { z } from 'zod';
import { ReceivedError, type ErrorId } from '../../common/errors-shown.ts';

/** A failed API call, in the server's one error shape, plus what the client learnt on the way. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** The server's stable snake_case error id (`network_error` for status 0). */
    readonly code: string,
    message: string,
    /** Field paths such as `body.email` with the server's message, for validation errors. */
    readonly issues: { path: string; message: string }[] = [],
    /** Seconds from a Retry-After header (429), when given. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }

  /** Whether a field path (`email` or `body.email`) has an issue. */
  hasIssue(field: string): boolean {
    return this.issues.some((i) => i.path === field || i.path === `body.${field}` || i.path === `query.${field}`);
  }
}

/** Whether `e` is a failed API call. */
export function isApiError(e: unknown): e is ApiError;
/**
 * Whether the server answered with this id, one of the shared list (a misspelt id does not compile). When not,
 * `e` may still be an ApiError with another id: the narrowing says only what a yes means.
 */
export function isApiError<I extends ErrorId>(e: unknown, id: I): e is ApiError & { readonly code: I };
export function isApiError(e: unknown, id?: ErrorId): boolean {
  return e instanceof ApiError && (id === undefined || e.code === id);
}

/**
 * The per-session CSRF token. It lives only in memory: a reload fetches it again
 * from GET /api/auth/me, so nothing readable by other scripts outlives the page.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** True once this page has held a session; a later 401 then means the session ended. */
export function hadSession(): boolean {
  return csrfToken !== null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

function urlOf(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorOf(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  let parsed: ReceivedError | null = null;
  try {
    const result = ReceivedError.safeParse(await res.json());
    if (result.success) parsed = result.data;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic error.
  }
  if (!parsed) return new ApiError(res.status, `http_${res.status}`, res.statusText, [], retryAfter);
  return new ApiError(res.status, parsed.error, parsed.message, parsed.issues ?? [], retryAfter);
}

async function send(method: Method, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(urlOf(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/**
 * Calls the API. The answer's type is the shared zod schema's, so the pages
 * see the server's own types, not a hand-written copy. The body is not parsed
 * again here: the server's serializer already checks every response against
 * that same schema, and a second check would only add weight to each page.
 */
export async function call<S extends z.ZodType>(
  _schema: S,
  method: Method,
  path: string,
  opts: RequestOptions = {},
): Promise<z.infer<S>> {
  const res = await send(method, path, opts);
  return (await res.json()) as z.infer<S>;
}

/** Calls an API route that answers 204 No Content. */
export async function callNoContent(method: Method, path: string, opts: RequestOptions = {}): Promise<void> {
  await send(method, path, opts);
}
