import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./check-domain-purity.js', import.meta.url));
const base = mkdtempSync(path.join(tmpdir(), 'purity-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function check(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(base, 'case-'));
  const domain = path.join(dir, 'src/domain');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(domain, name)), { recursive: true });
    writeFileSync(path.join(domain, name), text);
  }
  const run = spawnSync(process.execPath, [script, domain], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('check-domain-purity', () => {
  it('passes pure code, including comments that mention forbidden things', () => {
    const result = check({
      'a/ok.ts': [
        "import { z } from 'zod';",
        "import { ZEmail } from '../../contracts/auth.js';",
        "import { addDays } from '../dates/calendar-date.js';",
        '// Date.now() and Math.random are mentioned only here',
        '/* new Date() */',
        "const d = new Date('2025-01-01T00:00:00Z');",
        "const url = 'https://example.org';",
      ].join('\n'),
    });
    expect(result.output).toContain('are pure');
    expect(result.status).toBe(0);
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import path from 'path';", 'Node built-in'],
    ["import { Kysely } from 'kysely';", 'kysely'],
    ["import type { FastifyInstance } from 'fastify';", 'fastify'],
    ["import { useState } from 'react';", 'react'],
    ["import pg from 'pg';", 'pg'],
    ["import Database from 'better-sqlite3';", 'better-sqlite3'],
    ["import { db } from '../../server/platform/db/database.js';", 'src/server'],
    ["export { x } from '../../web/lib/format.js';", 'src/web'],
    ["const m = await import('../../cli/main.js');", 'src/cli'],
    ['const now = Date.now();', 'Date.now()'],
    ['const now = new Date();', 'new Date()'],
    ['const r = Math.random();', 'Math.random'],
    ['const tz = process.env.TZ;', 'process'],
    ["const res = await fetch('https://example.org');", 'fetch()'],
  ])('rejects %s', (line, expected) => {
    const result = check({ 'x/bad.ts': `export const a = 1;\n${line}\n` });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/bad\.ts:2: /);
    expect(result.output).toContain(expected);
  });
});
