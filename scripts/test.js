#!/usr/bin/env node
// `npm test`: every test tier this machine can run, one after another, with a summary.
//
//   1. unit                     vitest --project unit
//   2. integration (sqlite)     vitest --project integration, TEST_DB=sqlite
//   3. integration (postgres)   vitest --project integration, TEST_DB=postgres and TEST_PG_URL:
//                               TEST_PG_URL from the environment, else a throwaway cluster started with
//                               scripts/pg-throwaway.sh (stopped at the end, also on failure or Ctrl-C),
//                               else SKIPPED
//   4. e2e (chromium)           vitest --project e2e with CHROMIUM_PATH (default /usr/bin/chromium),
//                               SKIPPED when there is no Chromium
//
// With CI=true a skipped tier is a failure. A tier fails when Vitest exits non-zero or runs no test.
// Extra arguments go to every Vitest run (`npm test -- -t partners`); with them, a tier where nothing
// matches is not a failure. The last line printed is `N passed, N failed[, N skipped]` (tests).
// Plain Node, no dependencies. Lint is separate: `npm run lint`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);
const workDir = mkdtempSync(path.join(tmpdir(), 'tvet-test-'));

/** @type {{ name: string, status: 'passed'|'failed'|'skipped', passed: number, failed: number, skipped: number, seconds: number, note: string }[]} */
const results = [];
/** @type {(() => void)[]} */
const cleanups = [];
/** @type {import('node:child_process').ChildProcess | null} */
let currentChild = null;
let interrupted = false;

function banner(text) {
  const line = '═'.repeat(Math.max(60, text.length + 4));
  console.log(`\n${line}\n  ${text}\n${line}`);
}

function runCleanups() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      cleanup?.();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : error}`);
    }
  }
}

function onSignal(signal) {
  if (interrupted) {
    // A second signal: give up waiting, clean up and leave.
    runCleanups();
    rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  }
  interrupted = true;
  console.error(`\n${signal} received: stopping the current tier and cleaning up...`);
  if (currentChild && currentChild.exitCode === null) {
    currentChild.kill(signal);
  }
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs one Vitest project; resolves with its exit code and the JSON report (or null). */
function runVitest(project, env, jsonFile) {
  const args = [
    vitestBin,
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
    ...(extraArgs.length > 0 ? ['--passWithNoTests'] : []),
    ...extraArgs,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC', ...env },
    });
    currentChild = child;
    child.on('error', (error) => {
      console.error(`could not start vitest: ${error.message}`);
      currentChild = null;
      resolve({ code: 1, report: null });
    });
    child.on('exit', (code, signal) => {
      currentChild = null;
      resolve({ code: code ?? (signal ? 1 : 0), report: readJson(jsonFile) });
    });
  });
}

/** How many tests a skipped tier would have run (best effort; 0 when they cannot be listed). */
function countTests(project, env) {
  const file = path.join(workDir, `list-${project}-${results.length}.json`);
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'list', '--project', project, `--json=${file}`, ...extraArgs],
    {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, TZ: 'UTC', ...env },
      timeout: 120_000,
    },
  );
  const list = run.status === 0 ? readJson(file) : null;
  return Array.isArray(list) ? list.length : 0;
}

async function runTier({ name, project, env = {}, prepare }) {
  banner(`TIER ${results.length + 1}: ${name}`);
  const started = Date.now();
  const record = (status, counts, note) => {
    const seconds = (Date.now() - started) / 1000;
    results.push({ name, status, passed: 0, failed: 0, skipped: 0, ...counts, seconds, note });
  };

  let tierEnv = env;
  if (prepare) {
    const prepared = prepare();
    // Let a signal that arrived during the (synchronous) preparation be handled before going on.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (interrupted) {
      record('failed', { failed: 1 }, 'interrupted');
      return;
    }
    if (prepared.skip) {
      const wouldRun = countTests(project, { ...env, ...(prepared.env ?? {}) });
      console.log(`\n*** SKIPPED: ${name}: ${prepared.skip} ***`);
      if (isCI) {
        console.log('*** CI=true: a skipped tier counts as a failure ***');
      }
      record('skipped', { skipped: wouldRun }, prepared.skip);
      return;
    }
    if (prepared.error) {
      console.error(`\n*** FAILED: ${name}: ${prepared.error} ***`);
      record('failed', { failed: 1 }, prepared.error);
      return;
    }
    tierEnv = { ...env, ...(prepared.env ?? {}) };
  }

  const jsonFile = path.join(workDir, `report-${results.length}.json`);
  const { code, report } = await runVitest(project, tierEnv, jsonFile);
  if (!report) {
    record('failed', { failed: 1 }, `vitest exited with ${code} and wrote no report`);
    return;
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // Files that failed without a failing test (import error, hook failure) count as one failure each.
  for (const file of report.testResults ?? []) {
    const failedAssertions = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedAssertions === 0) {
      failed += 1;
    }
  }
  let note = '';
  let status = code === 0 ? 'passed' : 'failed';
  if (passed + failed === 0 && extraArgs.length === 0) {
    status = 'failed';
    note = 'ran no tests';
    failed = Math.max(failed, 1);
  } else if (passed + failed === 0) {
    note = 'no test matched the filter';
  }
  if (status === 'failed' && failed === 0) {
    failed = 1;
    note = note || `vitest exited with ${code}`;
  }
  record(status, { passed, failed, skipped }, note);
}

function preparePostgres() {
  if (process.env.TEST_PG_URL) {
    console.log(`Using TEST_PG_URL from the environment (${redact(process.env.TEST_PG_URL)})`);
    return { env: { TEST_DB: 'postgres', TEST_PG_URL: process.env.TEST_PG_URL } };
  }
  const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(path.join(pgBin, 'initdb'))) {
    return {
      skip: `no TEST_PG_URL and no PostgreSQL at ${pgBin} (apt-get install -y postgresql-15, or set TEST_PG_URL)`,
    };
  }
  console.log('Starting a throwaway PostgreSQL cluster (scripts/pg-throwaway.sh)...');
  // The state directory is made here so that it is cleaned up even if the start is interrupted.
  const dir = mkdtempSync(path.join(tmpdir(), 'pg-throwaway-'));
  cleanups.push(() => {
    console.log('\nStopping the throwaway PostgreSQL cluster...');
    spawnSync('bash', [path.join(root, 'scripts', 'pg-throwaway.sh'), 'stop', dir], { stdio: 'inherit' });
  });
  const start = spawnSync('bash', [path.join(root, 'scripts', 'pg-throwaway.sh'), 'start'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PG_BIN: pgBin, PG_THROWAWAY_DIR: dir },
  });
  const values = Object.fromEntries(
    (start.stdout ?? '')
      .split('\n')
      .map((line) => line.match(/^([A-Z_]+)=(.*)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  if (interrupted) {
    return { error: 'interrupted' };
  }
  if (start.status !== 0 || !values.TEST_PG_URL) {
    return { error: `scripts/pg-throwaway.sh start failed (exit ${start.status})` };
  }
  return { env: { TEST_DB: 'postgres', TEST_PG_URL: values.TEST_PG_URL } };
}

function prepareChromium() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    return {
      skip: `no Chromium at ${chromium} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`,
    };
  }
  console.log(`Using Chromium at ${chromium}`);
  return { env: { CHROMIUM_PATH: chromium } };
}

function redact(url) {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function printSummary() {
  banner('SUMMARY');
  const header = ['tier', 'result', 'passed', 'failed', 'skipped', 'time', 'note'];
  const rows = results.map((r) => [
    r.name,
    r.status.toUpperCase(),
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    `${r.seconds.toFixed(1)}s`,
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row) =>
    row
      .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    console.log(format(row));
  }
}

async function main() {
  if (!existsSync(vitestBin)) {
    console.error('vitest is not installed: run `npm ci` first');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(
    `npm test: TZ=UTC, CI=${isCI}${extraArgs.length ? `, extra vitest args: ${extraArgs.join(' ')}` : ''}`,
  );

  const tiers = [
    { name: 'unit', project: 'unit' },
    { name: 'integration (sqlite)', project: 'integration', env: { TEST_DB: 'sqlite' } },
    {
      name: 'integration (postgres)',
      project: 'integration',
      env: { TEST_DB: 'postgres' },
      prepare: preparePostgres,
    },
    { name: 'e2e (chromium)', project: 'e2e', prepare: prepareChromium },
  ];
  try {
    for (const tier of tiers) {
      if (interrupted) {
        break;
      }
      await runTier(tier);
      if (tier.prepare === preparePostgres) {
        runCleanups(); // stop the throwaway cluster as soon as its tier is done
      }
    }
  } finally {
    runCleanups();
    rmSync(workDir, { recursive: true, force: true });
  }

  printSummary();
  const skippedTiers = results.filter((r) => r.status === 'skipped');
  const failedTiers = results.filter((r) => r.status === 'failed');
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);

  console.log('');
  for (const r of skippedTiers) {
    console.log(`SKIPPED: ${r.name}: ${r.note}`);
  }
  if (isCI && skippedTiers.length > 0) {
    console.log(`CI=true: ${skippedTiers.length} skipped tier(s) make this run fail`);
  }
  if (interrupted) {
    console.log('Interrupted.');
  }
  const ok = failedTiers.length === 0 && !interrupted && !(isCI && skippedTiers.length > 0);
  console.log(ok ? 'RESULT: OK' : 'RESULT: FAILED');
  const showSkipped = skipped > 0 || skippedTiers.length > 0;
  console.log(`${passed} passed, ${failed} failed${showSkipped ? `, ${skipped} skipped` : ''}`);
  process.exit(interrupted ? 130 : ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  runCleanups();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
