import i18n from 'i18next';
import ICU from 'i18next-icu';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../i18n/locales/en.json';
import { ApiError, api } from './api';
import { errorMessage } from './errors';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);

beforeAll(async () => {
  await i18n.use(ICU).init({ lng: 'en', resources: { en: { translation: en } } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The next fetch answers `response`. */
function answer(response: Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response),
  );
}

async function failure(): Promise<ApiError> {
  const e = await api('/partners').catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('api: answers without the JSON error body (from a proxy)', () => {
  it('reads 507 as STORAGE_FULL and shows its translated message', async () => {
    answer(
      new Response('<html><body>507 Insufficient Storage</body></html>', {
        status: 507,
        statusText: 'Insufficient Storage',
        headers: { 'content-type': 'text/html' },
      }),
    );
    const e = await failure();
    expect(e).toMatchObject({ status: 507, code: 'STORAGE_FULL' });
    expect(errorMessage(t, e)).toBe(en.errors.STORAGE_FULL);
  });

  it('reads an empty 503 as SERVICE_UNAVAILABLE and shows its translated message', async () => {
    answer(new Response(null, { status: 503, statusText: 'Service Unavailable' }));
    const e = await failure();
    expect(e).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(errorMessage(t, e)).toBe(en.errors.SERVICE_UNAVAILABLE);
  });

  it("keeps the server's own code when the body is the API's; another bare status stays INTERNAL", async () => {
    answer(
      Response.json(
        { error: { code: 'INVALID_INPUT', message: 'bad', details: { reason: 'unsupported_character' } } },
        { status: 400 },
      ),
    );
    expect(await failure()).toMatchObject({
      status: 400,
      code: 'INVALID_INPUT',
      details: { reason: 'unsupported_character' },
    });
    answer(new Response('Bad Gateway', { status: 502 }));
    expect((await failure()).code).toBe('INTERNAL');
  });
});
