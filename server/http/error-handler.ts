import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../common/errors.ts';
import { isDatabaseUnavailable, unavailableRetryAfter } from '../db/unavailable.ts';
import { AppError, type Issue } from '../errors.ts';

const locations: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

function zodIssues(err: FastifyError): Issue[] {
  const where = locations[err.validationContext ?? 'body'] ?? 'body';
  return (err.validation ?? []).map((v) => {
    const segments = v.instancePath.split('/').filter(Boolean);
    return { path: [where, ...segments].join('.'), message: v.message ?? 'Invalid value.' };
  });
}

/**
 * The one place that turns an error into a response. Anything not expected
 * becomes a plain 500 with no stack, SQL or internals; the details go to the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let body: ErrorBody & { current?: unknown; [field: string]: unknown } = {
      error: 'internal_error',
      message: 'Something went wrong. It has been logged.',
    };
    if (err instanceof AppError) {
      status = err.status;
      // A conflict's own fields first, so none can stand in for the shape's.
      body = {
        ...err.extra,
        error: err.id,
        message: err.message,
        ...(err.issues ? { issues: err.issues } : {}),
        ...(err.current !== undefined ? { current: err.current } : {}),
      };
      if (err.headers) void reply.headers(err.headers);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      body = { error: 'validation_failed', message: 'Some fields are not valid.', issues: zodIssues(err) };
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      body = { error: 'payload_too_large', message: 'The request body is larger than 1 MB.' };
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      body = { error: 'unsupported_media_type', message: 'Send the body as application/json.' };
    } else if (
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      status = 400;
      body = { error: 'invalid_json', message: 'The request body is not valid JSON.' };
    } else if (err.statusCode === 429) {
      status = 429;
      body = { error: 'too_many_requests', message: 'Too many attempts. Wait a while and try again.' };
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = { error: 'bad_request', message: 'The request could not be understood.' };
    } else if (isDatabaseUnavailable(err)) {
      // Not a fault of the request or the code: say so plainly, and when to come back. A write whose answer this
      // is may still have committed just before the connection went (as when any answer is lost on the way).
      void reply.header('retry-after', String(unavailableRetryAfter));
      req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return reply
        .status(503)
        .type('application/json')
        .send({
          error: 'database_unavailable',
          message: 'The database cannot be reached right now. Try again in a few seconds.',
        } satisfies ErrorBody);
    }
    if (status >= 500) req.log.error({ err }, 'unhandled error');
    return reply.status(status).type('application/json').send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    return reply.status(404).send({ error: 'not_found', message: 'No such resource.' } satisfies ErrorBody);
  });
}

/**
 * Errors Fastify raises before routing (a path that is not valid UTF-8, a path
 * parameter over the length limit) skip the error handler; this gives them the
 * one error shape too. Pass it as the `frameworkErrors` option.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody = {
    error: 'validation_failed',
    message: 'The address is not valid.',
    issues: [{ path: 'params', message: err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'Too long.' : 'Not valid text.' }],
  };
  void reply.status(400).header('cache-control', 'no-store').type('application/json').send(body);
}
