import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (e2e/support/ → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  dataDir: string;
  /** The demo sign-in exactly as the server printed it on its console. */
  demo: { email: string; password: string };
  /** Everything the child wrote so far (for failure messages). */
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds dist/web when it is missing or older than its sources (what `npm start` does first). */
export function ensureWebBuild(root: string = ROOT): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0) {
    throw new Error(`ensure-web-build failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

const SNAPSHOT_DIRS = ['src', 'scripts', 'samples'];
const SNAPSHOT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.web.json',
  'vite.config.ts',
];

/**
 * A private copy of the working tree (sources, scripts, samples, configs; node_modules linked), so
 * that other people rebuilding dist/web or saving a half-edited file in the shared checkout cannot
 * change the product under a running journey. Its web app is built from scratch by the same
 * scripts/ensure-web-build.js that `npm start` runs. E2E_IN_PLACE=true runs from the checkout itself.
 */
function snapshotCheckout(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-app-'));
  for (const d of SNAPSHOT_DIRS) {
    fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  }
  for (const f of SNAPSHOT_FILES) {
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The `e-mail:` and `password:` lines of the start-up banner. */
export function parseDemoSignIn(stdout: string): { email: string; password: string } | null {
  const email = /^\s*e-mail:\s*(\S+)\s*$/m.exec(stdout)?.[1];
  const password = /^\s*password:\s*(\S+)\s*$/m.exec(stdout)?.[1];
  return email && password ? { email, password } : null;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The test runner's environment minus anything that would point the server at another database. */
function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  return env;
}

/**
 * Starts the real product the way a person does (`node --import tsx src/server/main.ts`), isolated
 * in a fresh data directory on a free port, with the demo workspace seeded and background jobs off.
 */
export async function startServer(opts: { timeoutMs?: number } = {}): Promise<RunningServer> {
  const inPlace = process.env.E2E_IN_PLACE === 'true';
  const appDir = inPlace ? ROOT : snapshotCheckout();
  try {
    ensureWebBuild(appDir);
  } catch (e) {
    if (!inPlace) {
      fs.rmSync(appDir, { recursive: true, force: true });
    }
    throw e;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-e2e-'));
  let out = '';
  let err = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: appDir,
    env: {
      ...inheritedEnv(),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      SEED_DEMO: 'true',
      JOBS: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!inPlace) {
      fs.rmSync(appDir, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
      }
      if (await healthy(url)) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`GET ${url}/api/v1/health did not answer 200 in time`);
      }
      await sleep(250);
    }
    // The banner is printed before listen(); give stdout a moment to drain all the same.
    let demo = parseDemoSignIn(out);
    for (let i = 0; !demo && i < 20; i++) {
      await sleep(100);
      demo = parseDemoSignIn(out);
    }
    if (!demo) {
      throw new Error('the server did not print the demo sign-in (e-mail and password lines)');
    }
    return { url, port, dataDir, demo, stdout: () => out, stderr: () => err, stop };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- server stdout ---\n${out}\n--- server stderr ---\n${err}`);
  }
}
