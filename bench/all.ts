// npm run bench [-- <options>]: every load/ratio bench, one after the other, in separate processes.
//
//   bench/run.ts        partner list throughput (--duration --warmup --connections --partners --db)
//   bench/portfolio.ts  portfolio dashboard over 5,000 projects (--projects --participants --answers --runs)
//
// Each option goes to the bench that knows it; `npm run bench:partners` / `bench:portfolio` run one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PORTFOLIO_OPTIONS = new Set(['--projects', '--participants', '--answers', '--runs']);

const partnerArgs: string[] = [];
const portfolioArgs: string[] = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i] as string;
  const name = arg.split('=')[0] as string;
  const target = PORTFOLIO_OPTIONS.has(name) ? portfolioArgs : partnerArgs;
  target.push(arg);
  const next = argv[i + 1];
  if (!arg.includes('=') && next !== undefined && !next.startsWith('--')) {
    target.push(next);
    i++;
  }
}

for (const [file, args] of [
  ['run.ts', partnerArgs],
  ['portfolio.ts', portfolioArgs],
] as const) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...args], {
    stdio: 'inherit',
  });
  if (res.status !== 0) {
    process.exit(res.status ?? 1);
  }
  console.log('');
}
