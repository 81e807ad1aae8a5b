/**
 * A user-given address as a link target, only when it is http(s). The API refuses other schemes,
 * but records written before that rule (or by an import) may still hold `javascript:` or `data:`
 * addresses; those are shown as text, never made clickable.
 */
export function httpHref(value: string | null | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (text === '') {
    return undefined;
  }
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
