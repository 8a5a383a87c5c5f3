import type { ConflictId, ErrorId } from '../common/errors.ts';

/**
 * Every error the API answers with is built here, so ids and statuses stay
 * stable. The HTTP error handler turns an AppError into the one error shape.
 */
export interface Issue {
  path: string;
  message: string;
}

/** Fields a conflict adds to the one shape, declared by the route's response schema (`conflictBody(…).extend`). */
export type ConflictExtra = Record<string, unknown> & {
  error?: never;
  message?: never;
  issues?: never;
  current?: never;
};

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: ErrorId,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
    /** For a stale write (409): what is stored now, sent as `current` beside the error. */
    readonly current?: unknown,
    /** A conflict's own fields beside `current` (a stale map save's `saved`); never one of the shape's. */
    readonly extra?: ConflictExtra,
  ) {
    super(message);
  }
}

export const errors = {
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Log in to continue.'),
  forbidden: (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message),
  /** Also used for records outside the actor's scope, so existence does not leak. */
  notFound: (what = 'resource') => new AppError(404, 'not_found', `No such ${what}.`),
  validation: (issues: Issue[], message = 'Some fields are not valid.') =>
    new AppError(400, 'validation_failed', message, issues),
  badRequest: (id: ErrorId, message: string) => new AppError(400, id, message),
  /**
   * Every 409 of the API: the one conflict shape, with what is stored now when a write was stale, and any field
   * of the conflict's own (`extra`, spread beside them).
   */
  conflict: (
    id: ConflictId,
    message: string,
    more: { current?: unknown; issues?: Issue[]; extra?: ConflictExtra } = {},
  ) => new AppError(409, id, message, more.issues, undefined, more.current, more.extra),
  csrf: () => new AppError(403, 'csrf_failed', 'The request lacks a valid CSRF token. Reload the page.'),
  tooMany: (retryAfterSeconds: number) =>
    new AppError(429, 'too_many_requests', 'Too many attempts. Wait a while and try again.', undefined, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
  payloadTooLarge: () => new AppError(413, 'payload_too_large', 'The request body is larger than 1 MB.'),
};
