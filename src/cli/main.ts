import { runCli } from './cli.js';

// Entry point of `tvet-bridge` (bin/tvet-bridge.js) and `npm run cli -- <command>`.
process.exitCode = await runCli(process.argv.slice(2));
