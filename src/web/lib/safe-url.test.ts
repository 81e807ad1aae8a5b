import { describe, expect, it } from 'vitest';
import { httpHref } from './safe-url';

describe('httpHref', () => {
  it.each([
    ['https://ktti.ac.ke/', 'https://ktti.ac.ke/'],
    ['http://example.org/a?b=1', 'http://example.org/a?b=1'],
    ['  https://x.example  ', 'https://x.example/'],
    ['javascript:window.__xss=1', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['\u0000javascript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['//evil.example', undefined],
    ['www.example.org', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j -> %j', (input, output) => {
    expect(httpHref(input)).toBe(output);
  });
});
