import os from 'node:os';
import type { LoadResult } from './load.js';

export interface Row {
  scenario: string;
  target: 'bare' | 'repo' | 'api';
  path: string;
  result: LoadResult;
  /** target req/s ÷ the bare floor's req/s for the same filter; 1 for the floor itself. */
  ratio: number;
  /** Lowest and highest ratio of single interleaved rounds: how far to trust `ratio`. */
  ratioRange: [number, number];
}

export interface Profile {
  scenario: string;
  /** Median microseconds per call, in-process, one call at a time. */
  bareRowsUs: number;
  rowsWithActiveCountUs: number;
  countUs: number;
  repoFindPartnersUs: number;
  total: number;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Peak resident set size of this process (the server, with the seed data it built), MiB. */
export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** A plain-text table with aligned columns. */
export function table(headers: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAlign[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (n: number, d: number) => n.toFixed(d);

export function loadTable(rows: Row[]): string {
  return table(
    ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'per-round'],
    rows.map((r) => [
      r.scenario,
      r.target,
      fixed(r.result.rps, 0),
      fixed(r.result.p50, 1),
      fixed(r.result.p99, 1),
      r.target === 'bare' ? '1 (floor)' : fixed(r.ratio, 2),
      r.target === 'bare' ? '' : `${fixed(r.ratioRange[0], 2)}–${fixed(r.ratioRange[1], 2)}`,
    ]),
    [false, false, true, true, true, true, false],
  );
}

export function profileTable(rows: Profile[]): string {
  return table(
    ['scenario', 'matching', 'page µs', 'page+activeAgreements µs', 'count(*) µs', 'repo.findPartners µs'],
    rows.map((p) => [
      p.scenario,
      String(p.total),
      fixed(p.bareRowsUs, 0),
      fixed(p.rowsWithActiveCountUs, 0),
      fixed(p.countUs, 0),
      fixed(p.repoFindPartnersUs, 0),
    ]),
    [false, true, true, true, true, true],
  );
}

const round = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 1000) / 1000);

/**
 * JSON laid out the way the repository's formatter (biome) lays it out: objects one key a line,
 * short arrays of plain values on one line, fractions to three decimals. `biome check .` also
 * checks the (gitignored) results, so they must not fail it.
 */
export function formatJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (typeof value === 'number') {
    return JSON.stringify(round(value));
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return `[${value.map((v) => formatJson(v)).join(', ')}]`;
    }
    return `[\n${value.map((v) => `${inner}${formatJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    return '{}';
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
