import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoWorkspace } from '../cli/seed-demo.js';
import { buildApp } from './app.js';
import { sendAgreementReminders } from './modules/agreements/agreement-reminders.job.js';
import {
  keepResumingCertificateBatches,
  resumeCertificateBatches,
} from './modules/certificates/certificates.service.js';
import { runSurveyJobs } from './modules/surveys/surveys.job.js';
import { createDeps } from './platform/bootstrap.js';
import { loadConfig } from './platform/config.js';
import { startScheduler } from './platform/jobs/scheduler.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main() {
  const config = loadConfig();
  const { deps, handle, migrated } = await createDeps(config);
  const app = await buildApp(deps, {
    logger: { level: config.logLevel },
    webRoot: path.join(root, 'dist/web'),
    dbPool: handle.pool,
  });
  for (const line of migrated) {
    app.log.info(line);
  }

  if (config.seedDemo) {
    const seeded = await seedDemoWorkspace(deps);
    if (seeded) {
      const banner = [
        '',
        '  TVET Bridge demo workspace is ready.',
        `  Sign in at ${config.publicUrl} with`,
        `    e-mail:   ${seeded.email}`,
        `    password: ${seeded.password}`,
        '  (other demo accounts are listed in docs/user-guide.md)',
        '',
      ].join('\n');
      console.log(banner);
    }
  }

  const scheduler = config.jobsEnabled
    ? startScheduler(
        [
          { name: 'agreement-reminders', run: () => sendAgreementReminders(deps) },
          // Survey follow-ups and reminders: claimed once per organization per day.
          { name: 'survey-jobs', run: () => runSurveyJobs(deps) },
          // Certificate batches whose server stopped: claimed by lease, so one process resumes each.
          { name: 'certificate-batches', run: () => resumeCertificateBatches(deps) },
        ].map((t) => ({ ...t, run: app.metrics.instrumentJob(t.name, t.run) })),
        {
          intervalMs: config.jobsIntervalSeconds * 1000,
          onError: (task, err) => app.log.error({ err, task }, 'scheduled task failed'),
          onDone: (task, result) => app.log.debug({ task, result }, 'scheduled task done'),
        },
      )
    : null;
  // Batches are work that members started, not a scheduled job: resume them even without JOBS,
  // now and every lease period (a crashed server's lease runs out some time after the restart).
  const stopResuming = keepResumingCertificateBatches(deps, (outcome) => {
    if ('error' in outcome) {
      app.log.error({ err: outcome.error }, 'resuming certificate batches failed');
    } else if (outcome.resumed.length > 0) {
      app.log.info({ resumed: outcome.resumed }, 'resumed certificate batches');
    }
  });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    scheduler?.stop();
    stopResuming();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`  TVET Bridge is serving ${config.publicUrl} (database: ${deps.dialect})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
