import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** True when a NUL character hides anywhere in a parsed JSON value (strings and keys alike). */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') {
    return value.includes('\u0000');
  }
  // Deeper than any of our schemas goes: validation will refuse it anyway.
  if (value === null || typeof value !== 'object' || depth > 64 || Buffer.isBuffer(value)) {
    return false;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(child, depth + 1)) {
      return true;
    }
  }
  return false;
}

/**
 * No text the platform stores may hold a NUL character. PostgreSQL refuses one (a 400 from the
 * error handler), SQLite would store it; refusing it here, before validation, makes both databases
 * answer the same way and keeps NUL out of exports and logs.
 */
export function registerNulRejection(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw new AppError('INVALID_INPUT', 'The request contains characters that cannot be stored', {
        reason: 'unsupported_character',
      });
    }
  });
}
