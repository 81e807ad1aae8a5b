import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List state (page, sort, filters) kept in the URL, so that reload, back and shared links
 * show the same list. Changing any filter resets to page 1.
 */
export function useListParams<K extends string>(
  keys: readonly K[],
  defaults: Partial<Record<K | 'sort', string>> = {},
) {
  const [params, setParams] = useSearchParams();

  const values = {} as Record<K | 'sort', string>;
  for (const k of [...keys, 'sort' as const]) {
    values[k] = params.get(k) ?? defaults[k] ?? '';
  }

  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize') ?? '25') || 25));

  const update = useCallback(
    (patch: Partial<Record<K | 'sort' | 'page' | 'pageSize', string | number | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === undefined || v === '') {
              next.delete(k);
            } else {
              next.set(k, String(v));
            }
          }
          if (!('page' in patch)) {
            next.delete('page');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { values, page, pageSize, update };
}
