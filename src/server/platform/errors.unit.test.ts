import { describe, expect, it } from 'vitest';
import { AppError, errorCodeOf } from './errors.js';

// errorCodeOf is what both the HTTP error handler and the certificate batch report use, so a full
// disk or a database outage reads the same wherever it is reported.
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('errorCodeOf', () => {
  it("keeps an AppError's own code", () => {
    expect(errorCodeOf(new AppError('ALREADY_EXISTS'))).toBe('ALREADY_EXISTS');
  });

  it('reads a full disk or database as STORAGE_FULL', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']) {
      expect(errorCodeOf(coded(code)), code).toBe('STORAGE_FULL');
    }
  });

  it('reads a database that is away as SERVICE_UNAVAILABLE, also when wrapped', () => {
    expect(errorCodeOf(coded('57P01'))).toBe('SERVICE_UNAVAILABLE');
    expect(errorCodeOf(coded('SQLITE_BUSY_TIMEOUT'))).toBe('SERVICE_UNAVAILABLE');
    expect(errorCodeOf(new Error('Connection terminated unexpectedly'))).toBe('SERVICE_UNAVAILABLE');
    expect(errorCodeOf(new Error('pool', { cause: coded('ECONNREFUSED') }))).toBe('SERVICE_UNAVAILABLE');
    expect(errorCodeOf(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(
      'SERVICE_UNAVAILABLE',
    );
  });

  it('reads text PostgreSQL cannot store as INVALID_INPUT and anything else as INTERNAL', () => {
    expect(errorCodeOf(coded('22021'))).toBe('INVALID_INPUT');
    expect(errorCodeOf(new TypeError('x is undefined'))).toBe('INTERNAL');
    expect(errorCodeOf(coded('ENOENT'))).toBe('INTERNAL');
    expect(errorCodeOf(undefined)).toBe('INTERNAL');
    expect(errorCodeOf('a string')).toBe('INTERNAL');
  });
});
