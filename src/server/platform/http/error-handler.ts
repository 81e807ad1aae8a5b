import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody, ErrorCode } from '../../../contracts/errors.js';
import { AppError, errorCodeOf } from '../errors.js';
import { newId } from '../ids.js';

function body(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
  errorId?: string,
): ApiErrorBody {
  return { error: { code, message, ...(details ? { details } : {}), ...(errorId ? { errorId } : {}) } };
}

/** The 404 answer for an unknown route, in the uniform error shape. */
export function notFoundBody(method: string, url: string): ApiErrorBody {
  return body('NOT_FOUND', `No route ${method} ${url.split('?')[0]}`);
}

/**
 * Router-level failures that never reach the error handler (a parameter over the router's
 * 100-character limit: 414, an undecodable URL: 400) answer in the uniform shape too.
 * Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrorHandler(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  reply.code(status).send(body('INVALID_INPUT', err.message, { reason: err.code }));
}

/** One handler turns every failure into `{ error: { code, message, details? } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [
          ...(err.validationContext ? [err.validationContext] : []),
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ],
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send(body('INVALID_INPUT', 'The request is not valid', { issues }));
    }
    if (err.statusCode === 429) {
      return reply
        .code(429)
        .send(body('RATE_LIMITED', 'Too many requests', { retryAfter: reply.getHeader('retry-after') }));
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(body('FILE_REJECTED', 'The upload is too large', { reason: 'too_large' }));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, said plainly.
      return reply.code(err.statusCode).send(body('INVALID_INPUT', err.message, { reason: err.code }));
    }
    const code = errorCodeOf(err);
    if (code === 'STORAGE_FULL') {
      request.log.error({ err }, 'storage full');
      return reply
        .code(507)
        .send(body('STORAGE_FULL', 'There is no space left to store this; nothing was saved'));
    }
    if (code === 'INVALID_INPUT') {
      // Text PostgreSQL cannot store (NUL, invalid UTF-8): it can only have come from the client.
      return reply.code(400).send(
        body('INVALID_INPUT', 'The request contains characters that cannot be stored', {
          reason: 'unsupported_character',
        }),
      );
    }
    if (code === 'SERVICE_UNAVAILABLE') {
      request.log.error({ err }, 'dependency unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send(body('SERVICE_UNAVAILABLE', 'Try again shortly'));
    }
    const errorId = newId();
    request.log.error({ err, errorId }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'Internal error', undefined, errorId));
  });
}
