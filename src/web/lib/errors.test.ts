import i18n from 'i18next';
import ICU from 'i18next-icu';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import { ApiError } from './api';
import { pathKey, serverFieldErrors } from './errors';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);

function invalid(code: string, issues: unknown[]) {
  return new ApiError(code === 'ALREADY_EXISTS' ? 409 : 400, code, 'x', { issues });
}

beforeAll(async () => {
  await i18n.use(ICU).init({ lng: 'en', resources: { en: { translation: en } } });
});

describe('server field errors', () => {
  it('strips the body and data prefixes of request validation paths', () => {
    expect(pathKey(['body', 'names'])).toBe('names');
    expect(pathKey(['body', 'data', 'contacts', 0, 'email'])).toBe('contacts.0.email');
    expect(pathKey(['identifiers', '0', 'value'])).toBe('identifiers.0.value');
  });

  it('maps body validation issues onto form fields', () => {
    const e = invalid('INVALID_INPUT', [{ path: ['body', 'names'], message: 'english_name_required' }]);
    expect(serverFieldErrors(t, e)).toEqual({ names: 'The English name is required.' });
  });

  it('maps service issues without prefix, including a taken identifier (ALREADY_EXISTS)', () => {
    const e = invalid('ALREADY_EXISTS', [
      { path: ['identifiers', '0', 'value'], message: 'identifier_taken' },
    ]);
    expect(serverFieldErrors(t, e)).toEqual({
      'identifiers.0.value': 'Another partner already has this identifier.',
    });
  });

  it('shows an unknown id on the list input it came from', () => {
    expect(
      serverFieldErrors(
        t,
        invalid('INVALID_INPUT', [{ path: ['partnerIds', '1'], message: 'unknown_partner' }]),
      ),
    ).toEqual({ partnerIds: 'This partner no longer exists; remove it and choose again.' });
    expect(
      serverFieldErrors(
        t,
        invalid('INVALID_INPUT', [{ path: ['networkIds', '0'], message: 'unknown_network' }]),
      ),
    ).toHaveProperty('networkIds');
  });

  it('falls back to a generic message for prose from the validator', () => {
    const e = invalid('INVALID_INPUT', [{ path: ['body', 'city'], message: 'Too big: expected string' }]);
    expect(serverFieldErrors(t, e)).toEqual({ city: 'Not valid.' });
  });

  it('ignores answers without issues', () => {
    expect(serverFieldErrors(t, new ApiError(404, 'NOT_FOUND', 'x'))).toBeNull();
    expect(serverFieldErrors(t, new Error('x'))).toBeNull();
  });
});
