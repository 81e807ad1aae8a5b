import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type {
  TCohortCertificateRow,
  TFindCertificatesQuery,
  TIssueBatchRequest,
  TIssueCertificateRequest,
  TRevokeCertificateRequest,
  TVerification,
} from '../../../contracts/certificates.js';
import { Permission, type Permission as TPermission } from '../../../contracts/roles.js';
import { certificatePrefix, formatCertificateNumber } from '../../../domain/certificates/numbering.js';
import {
  buildOpenBadgeCredential,
  certificateStatus,
  vcJwtPayload,
} from '../../../domain/certificates/ob3.js';
import { recordAudit, recordAuditAs } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { Deps, ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { AppError, errorCodeOf, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import * as trainingRepo from '../training/training.repository.js';
import { listCohortCompletion } from '../training/training.service.js';
import { type CertificateLanguage, renderCertificatePdf } from './certificate-pdf.js';
import { presentBatch, presentCertificate, verificationSummary } from './certificates.presenter.js';
import type { CertificateBatchRow, CertificateRow } from './certificates.tables.js';
import { ensureActiveKey, issuerUrls, signVcJwt } from './issuer-keys.js';

/** Who issues: a signed-in actor, or the batch runner acting for the actor who started it. */
interface Issuer {
  deps: Deps;
  organizationId: string;
  userId: string | null;
}

/** Everything printed on a certificate and signed into its credential. */
export interface CertificateSubject {
  enrolmentId: string | null;
  cohortId: string | null;
  batchId?: string | null;
  recipientNameNative: string;
  recipientNameLatin: string;
  /** Hashed with a per-certificate salt into the credential; never stored in clear here. */
  recipientEmail: string | null;
  language: CertificateLanguage;
  programmeId: string;
  programmeTitle: Record<string, string>;
  programmeDescription: string;
  criteriaNarrative: string;
  cohortName: string;
  startsOn: string | null;
  endsOn: string | null;
  hours: number;
  /** ISO instant, or null for no expiry. */
  validUntil: string | null;
}

const publicIdOf = () => randomBytes(16).toString('base64url');

export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(email.trim().toLowerCase() + salt)
    .digest('hex')}`;
}

async function organizationOf(db: Executor, organizationId: string) {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'shortName', 'timeZone'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) {
    throw notFound('Organization');
  }
  return org;
}

/** The year in the organization's time zone (numbers restart each local year). */
function localYear(instant: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(instant));
}

function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The next sequence number of the organization in a year: an atomic increment of one row. */
async function nextSequence(deps: Deps, organizationId: string, year: number): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('certificateSequences')
      .values({ organizationId, year, lastValue: 0 })
      .onConflict((oc) => oc.columns(['organizationId', 'year']).doNothing())
      .execute();
    const row = await trx
      .updateTable('certificateSequences')
      .set((eb) => ({ lastValue: eb('lastValue', '+', 1) }))
      .where('organizationId', '=', organizationId)
      .where('year', '=', year)
      .returning('lastValue')
      .executeTakeFirstOrThrow();
    return row.lastValue;
  });
}

function titleIn(title: Record<string, string>, lang: string): string {
  return title[lang] || title.en || Object.values(title).find(Boolean) || '';
}

/**
 * Issues one certificate for an explicit subject: number, OB 3.0 credential signed as VC-JWT,
 * PDF in the file store, row and audit entry. Used by the enrolment path and the batch runner.
 * @throws ALREADY_EXISTS when the enrolment already has a certificate in force
 */
export async function issueForSubject(issuer: Issuer, subject: CertificateSubject, audit?: ServiceContext) {
  const { deps, organizationId } = issuer;
  const org = await organizationOf(deps.db, organizationId);
  const key = await ensureActiveKey(deps, organizationId);
  const now = deps.clock.now();
  const id = newId(now.getTime());
  const publicId = publicIdOf();
  const number = formatCertificateNumber(
    certificatePrefix(org.shortName, org.name),
    localYear(now, org.timeZone),
    await nextSequence(deps, organizationId, localYear(now, org.timeZone)),
  );
  const urls = issuerUrls(deps.config.publicUrl, organizationId);
  const verifyUrl = `${deps.config.publicUrl}/verify/${publicId}`;
  const salt = randomBytes(16).toString('hex');
  const emailHash = subject.recipientEmail ? identityHash(subject.recipientEmail, salt) : null;
  const displayName =
    subject.recipientNameNative && subject.recipientNameNative !== subject.recipientNameLatin
      ? `${subject.recipientNameNative} (${subject.recipientNameLatin})`
      : subject.recipientNameLatin;
  const titleEn = titleIn(subject.programmeTitle, 'en');
  const credential = buildOpenBadgeCredential({
    id: `urn:uuid:${id}`,
    name: `${number} ${titleEn}`,
    issuer: { id: urls.profile, name: org.name, url: deps.config.publicUrl },
    issuedAt: now.toISOString(),
    validUntil: subject.validUntil,
    recipient: { name: displayName, emailHash: emailHash ? { identityHash: emailHash, salt } : null },
    achievement: {
      id: `urn:uuid:${subject.programmeId}`,
      name: titleEn,
      description: subject.programmeDescription || titleEn,
      criteriaNarrative: subject.criteriaNarrative,
      hours: subject.hours,
    },
    activity: { startDate: subject.startsOn, endDate: subject.endsOn },
    revocationListUrl: urls.revocations,
  });
  const jwt = await signVcJwt(deps, key, vcJwtPayload(credential));
  const pdf = await renderCertificatePdf({
    number,
    language: subject.language,
    recipientNameNative: subject.recipientNameNative,
    recipientNameLatin: subject.recipientNameLatin,
    programmeTitle: { primary: titleIn(subject.programmeTitle, subject.language), en: titleEn },
    startsOn: subject.startsOn,
    endsOn: subject.endsOn,
    hours: subject.hours,
    issuerName: org.name,
    issuedOn: localDate(now, org.timeZone),
    verifyUrl,
    credentialJwt: jwt,
    issuedAt: now,
  });
  const stored = await deps.files.put(Buffer.from(pdf));
  const row: CertificateRow = {
    id,
    organizationId,
    publicId,
    number,
    enrolmentId: subject.enrolmentId,
    cohortId: subject.cohortId,
    batchId: subject.batchId ?? null,
    recipientNameNative: subject.recipientNameNative,
    recipientNameLatin: subject.recipientNameLatin,
    recipientEmailHash: emailHash,
    language: subject.language,
    programmeTitleJson: JSON.stringify(subject.programmeTitle),
    cohortName: subject.cohortName,
    startsOn: subject.startsOn,
    endsOn: subject.endsOn,
    hours: subject.hours,
    issuerName: org.name,
    issuedAt: credential.validFrom,
    validUntil: credential.validUntil ?? null,
    status: 'valid',
    revokedReason: null,
    revokedAt: null,
    revokedBy: null,
    credentialId: credential.id,
    credentialJson: JSON.stringify(credential),
    credentialJwt: jwt,
    keyId: key.id,
    pdfStorageKey: stored.key,
    pdfSha256: stored.sha256,
    issuedBy: issuer.userId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (subject.enrolmentId && (await validCertificateOf(trx, organizationId, subject.enrolmentId))) {
        throw new AppError('ALREADY_EXISTS', 'The enrolment already has a certificate in force');
      }
      await trx.insertInto('certificates').values(row).execute();
      if (subject.batchId) {
        // Counted in the certificate's own transaction: after a crash the batch's count still
        // says exactly how many certificates it issued.
        await trx
          .updateTable('certificateBatches')
          .set((eb) => ({ done: eb('done', '+', 1), updatedAt: now.toISOString() }))
          .where('id', '=', subject.batchId)
          .where('organizationId', '=', organizationId)
          .execute();
      }
      const event = {
        action: 'create' as const,
        entityType: 'certificate',
        entityId: id,
        after: { number, enrolmentId: subject.enrolmentId, batchId: subject.batchId ?? null },
      };
      if (audit) {
        await recordAudit(trx, audit, event);
      } else {
        await recordAuditAs(trx, {
          ...event,
          organizationId,
          actorId: issuer.userId,
          actorEmail: null,
          at: now.toISOString(),
        });
      }
    });
  } catch (err) {
    await deps.files.remove(stored.key);
    if (err instanceof AppError) {
      throw err;
    }
    // The unique index lost a race with a concurrent issue for the same enrolment.
    if (subject.enrolmentId && (await validCertificateOf(deps.db, organizationId, subject.enrolmentId))) {
      throw new AppError('ALREADY_EXISTS', 'The enrolment already has a certificate in force');
    }
    throw err;
  }
  return row;
}

function validCertificateOf(db: Executor, organizationId: string, enrolmentId: string) {
  return db
    .selectFrom('certificates')
    .select(['id', 'number'])
    .where('organizationId', '=', organizationId)
    .where('enrolmentId', '=', enrolmentId)
    .where('status', '=', 'valid')
    .executeTakeFirst();
}

/** The participant's language when it is one the certificate supports other than English. */
function defaultLanguage(languagesJson: string): CertificateLanguage {
  const langs = parseJson<string[]>(languagesJson, []).map((l) => l.toLowerCase());
  if (langs.some((l) => l.startsWith('zh'))) {
    return 'zh-CN';
  }
  if (langs.some((l) => l.startsWith('ar'))) {
    return 'ar';
  }
  if (langs.some((l) => l.startsWith('fr'))) {
    return 'fr';
  }
  return 'zh-CN';
}

/** Builds the subject of an enrolment from the training records. @throws NOT_FOUND */
async function subjectOfEnrolment(
  deps: Deps,
  organizationId: string,
  enrolmentId: string,
  opts: { language?: CertificateLanguage; validUntil?: string | null; batchId?: string | null },
): Promise<CertificateSubject> {
  const enrolment = await trainingRepo.getEnrolment(deps.db, organizationId, enrolmentId);
  if (!enrolment) {
    throw notFound('Enrolment');
  }
  const cohort = await trainingRepo.getCohort(deps.db, organizationId, enrolment.cohortId);
  const participant = await trainingRepo.getParticipant(deps.db, organizationId, enrolment.participantId);
  const programme = cohort
    ? await trainingRepo.getProgramme(deps.db, organizationId, cohort.programmeId)
    : undefined;
  if (!cohort || !participant || !programme) {
    throw notFound('Enrolment');
  }
  const modules = await trainingRepo.modulesOf(deps.db, organizationId, [programme.id]);
  const rule = parseJson<{ minAttendancePercent?: number; minPostScore?: number; requirePostTest?: boolean }>(
    programme.completionRuleJson,
    {},
  );
  const narrative = [
    `Attended at least ${rule.minAttendancePercent ?? 0} % of the sessions`,
    rule.requirePostTest ? `and scored at least ${rule.minPostScore ?? 0} points in the final test` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    enrolmentId: enrolment.id,
    cohortId: cohort.id,
    batchId: opts.batchId ?? null,
    recipientNameNative: participant.nameNative,
    recipientNameLatin: participant.nameLatin,
    recipientEmail: participant.email || null,
    language: opts.language ?? defaultLanguage(participant.languagesJson),
    programmeId: programme.id,
    programmeTitle: parseJson<Record<string, string>>(programme.titleJson, {}),
    programmeDescription: programme.description,
    criteriaNarrative: `${narrative}.`,
    cohortName: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    hours: modules.reduce((sum, m) => sum + m.hours, 0),
    validUntil: opts.validUntil ? `${opts.validUntil}T23:59:59Z` : null,
  };
}

/**
 * Issues the certificate of one enrolment, when the completion rule says it is eligible.
 * @throws NOT_FOUND, INVALID_STATE (not eligible, with reasons), ALREADY_EXISTS
 */
export async function issueCertificate(ctx: ServiceContext, input: TIssueCertificateRequest) {
  requirePermission(ctx, Permission.CertificateIssue);
  const orgId = ctx.actor.organizationId;
  const enrolment = await trainingRepo.getEnrolment(ctx.deps.db, orgId, input.enrolmentId);
  if (!enrolment) {
    throw notFound('Enrolment');
  }
  const completion = (await listCohortCompletion(trainingCtx(ctx), enrolment.cohortId)).find(
    (c) => c.enrolmentId === enrolment.id,
  );
  if (!completion?.eligible) {
    throw new AppError('INVALID_STATE', 'The participant has not met the completion rule', {
      reasons: completion?.reasons ?? ['not_found'],
    });
  }
  const existing = await validCertificateOf(ctx.deps.db, orgId, enrolment.id);
  if (existing) {
    throw new AppError('ALREADY_EXISTS', 'The enrolment already has a certificate in force', {
      certificateId: existing.id,
    });
  }
  const subject = await subjectOfEnrolment(ctx.deps, orgId, enrolment.id, input);
  const row = await issueForSubject(
    { deps: ctx.deps, organizationId: orgId, userId: ctx.actor.userId },
    subject,
    ctx,
  );
  return presentCertificate(ctx, row);
}

/** Reading completion needs training.read; certificate issuers act with it for that one question. */
function trainingCtx(ctx: ServiceContext): ServiceContext {
  if (ctx.actor.permissions.has(Permission.TrainingRead)) {
    return ctx;
  }
  const permissions = new Set<TPermission>(ctx.actor.permissions);
  permissions.add(Permission.TrainingRead);
  return { ...ctx, actor: { ...ctx.actor, permissions } };
}

/* ---------- bulk issue ---------- */

const CHUNK = 10;
/** The default claim on a running batch (CERTIFICATE_BATCH_LEASE_SECONDS), renewed after every chunk. */
export const BATCH_LEASE_MS = 2 * 60 * 1000;
/** This server process, as the holder of batch leases. */
const WORKER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
const running = new Map<string, Promise<void>>();

/** The enrolments of a cohort that are eligible and have no certificate in force. */
async function pendingEnrolments(ctx: ServiceContext, cohortId: string): Promise<string[]> {
  const eligible = (await listCohortCompletion(trainingCtx(ctx), cohortId)).filter((c) => c.eligible);
  if (eligible.length === 0) {
    return [];
  }
  const issued = await ctx.deps.db
    .selectFrom('certificates')
    .select('enrolmentId')
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('cohortId', '=', cohortId)
    .where('status', '=', 'valid')
    .execute();
  const done = new Set(issued.map((r) => r.enrolmentId));
  return eligible.map((e) => e.enrolmentId).filter((id) => !done.has(id));
}

const leaseMs = (deps: Deps) => (deps.config.certificateBatchLeaseSeconds ?? BATCH_LEASE_MS / 1000) * 1000;
const leaseUntil = (deps: Deps) => new Date(deps.clock.now().getTime() + leaseMs(deps)).toISOString();

/**
 * Claims a running batch for this process: a compare-and-set that succeeds only when nobody holds
 * the lease (never claimed, or expired) or this process already does. Two servers never both win.
 */
async function claimBatch(deps: Deps, batchId: string): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const r = await deps.db
    .updateTable('certificateBatches')
    .set({ lockedBy: WORKER, lockedUntil: leaseUntil(deps) })
    .where('id', '=', batchId)
    .where('status', '=', 'running')
    .where((eb) =>
      eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now), eb('lockedBy', '=', WORKER)]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Extends this process's lease; false when another process has taken the batch over. */
async function renewLease(deps: Deps, batchId: string): Promise<boolean> {
  const r = await deps.db
    .updateTable('certificateBatches')
    .set({ lockedUntil: leaseUntil(deps) })
    .where('id', '=', batchId)
    .where('status', '=', 'running')
    .where('lockedBy', '=', WORKER)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Starts issuing the certificates of every eligible participant of a cohort who has none. The
 * work runs in chunks after the answer; progress is in the batch row. Re-running, or resuming
 * after a crash, issues no duplicates: each chunk re-reads who still lacks a certificate, and a
 * unique index allows one certificate in force per enrolment.
 * @throws NOT_FOUND
 */
export async function startBatch(ctx: ServiceContext, input: TIssueBatchRequest) {
  requirePermission(ctx, Permission.CertificateIssue);
  const cohort = await trainingRepo.getCohort(ctx.deps.db, ctx.actor.organizationId, input.cohortId);
  if (!cohort) {
    throw notFound('Cohort');
  }
  const pending = await pendingEnrolments(ctx, cohort.id);
  const now = ctx.deps.clock.now().toISOString();
  const isRunning = pending.length > 0;
  const batch: CertificateBatchRow = {
    id: newId(),
    organizationId: ctx.actor.organizationId,
    cohortId: cohort.id,
    status: isRunning ? 'running' : 'done',
    total: pending.length,
    done: 0,
    failed: 0,
    errorsJson: JSON.stringify({
      options: { language: input.language ?? null, validUntil: input.validUntil ?? null },
      errors: [],
    }),
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
    finishedAt: isRunning ? null : now,
    // Born claimed by this process.
    lockedBy: isRunning ? WORKER : null,
    lockedUntil: isRunning ? leaseUntil(ctx.deps) : null,
  };
  await ctx.deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('certificateBatches').values(batch).execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'certificate_batch',
      entityId: batch.id,
      after: { cohortId: cohort.id, total: batch.total },
    });
  });
  if (isRunning) {
    launch(ctx.deps, batch.id);
  }
  return presentBatch(batch);
}

/** Runs a batch that this process has claimed, in the background; one runner per batch. */
function launch(deps: Deps, batchId: string) {
  if (running.has(batchId)) {
    return;
  }
  const p = runBatch(deps, batchId)
    .catch(async (err) => {
      const now = deps.clock.now().toISOString();
      await deps.db
        .updateTable('certificateBatches')
        .set({ status: 'failed', finishedAt: now, updatedAt: now, lockedBy: null, lockedUntil: null })
        .where('id', '=', batchId)
        .where('lockedBy', '=', WORKER)
        .execute();
      console.error('certificate batch failed', batchId, err);
    })
    .finally(() => running.delete(batchId));
  running.set(batchId, p);
}

/** Claims and launches one batch unless another process holds it. */
async function resumeBatch(deps: Deps, batchId: string): Promise<boolean> {
  if (running.has(batchId)) {
    return false;
  }
  const before = await deps.db
    .selectFrom('certificateBatches')
    .select(['organizationId', 'lockedBy', 'done', 'failed', 'total'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!before || !(await claimBatch(deps, batchId))) {
    return false;
  }
  if (before.lockedBy !== WORKER) {
    // Whoever reads the batch's history sees where it stopped and who took it over.
    await recordAuditAs(deps.db, {
      action: 'update',
      entityType: 'certificate_batch',
      entityId: batchId,
      organizationId: before.organizationId,
      actorId: null,
      actorEmail: null,
      at: deps.clock.now().toISOString(),
      before: { lockedBy: before.lockedBy, done: before.done, failed: before.failed, total: before.total },
      after: { lockedBy: WORKER },
      reason: 'resumed: the lease of the server that ran the batch ran out',
    });
  }
  launch(deps, batchId);
  return true;
}

/**
 * Resumes stranded batches now and then every lease period, whether or not scheduled jobs are on:
 * a batch is work a member started, and after a crash its lease runs out some time after the
 * restart. Returns a stop function.
 */
export function keepResumingCertificateBatches(
  deps: Deps,
  report: (outcome: { resumed: string[] } | { error: unknown }) => void,
): () => void {
  const once = () =>
    resumeCertificateBatches(deps).then(
      (r) => report(r),
      (error) => report({ error }),
    );
  void once();
  const timer = setInterval(() => void once(), leaseMs(deps));
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The scheduled task (and the start-up call): resumes every batch left "running" whose lease has
 * run out, typically because the process that worked on it stopped. Batches held by a live
 * process are left alone. Returns the ids this process took over; they run in the background
 * (`waitForBatch`).
 */
export async function resumeCertificateBatches(deps: Deps): Promise<{ resumed: string[] }> {
  const now = deps.clock.now().toISOString();
  const stale = await deps.db
    .selectFrom('certificateBatches')
    .select('id')
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)]))
    .orderBy('createdAt')
    .execute();
  const resumed: string[] = [];
  for (const { id } of stale) {
    if (await resumeBatch(deps, id)) {
      resumed.push(id);
    }
  }
  return { resumed };
}

/** Waits for a batch running in this process (tests and the CLI). */
export async function waitForBatch(batchId: string): Promise<void> {
  await running.get(batchId);
}

interface BatchState {
  options: { language: CertificateLanguage | null; validUntil: string | null };
  errors: Array<{ enrolmentId: string; code: string }>;
}

/**
 * The batch runner acts for the member who started the batch, with just what issuing needs: it
 * may run long after that request (or in another process after a restart).
 */
async function runnerCtx(deps: Deps, batch: CertificateBatchRow): Promise<ServiceContext> {
  const org = await organizationOf(deps.db, batch.organizationId);
  return {
    deps,
    requestId: `certificate-batch:${batch.id}`,
    ip: '',
    actor: {
      userId: batch.createdBy ?? '',
      email: '',
      displayName: '',
      locale: 'en',
      organizationId: batch.organizationId,
      timeZone: org.timeZone,
      role: 'coordinator',
      permissions: new Set<TPermission>([Permission.TrainingRead, Permission.CertificateIssue]),
      sessionId: '',
      csrfToken: '',
    },
  };
}

async function runBatch(deps: Deps, batchId: string): Promise<void> {
  const first = await deps.db
    .selectFrom('certificateBatches')
    .selectAll()
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow();
  const ctx = await runnerCtx(deps, first);
  const orgId = first.organizationId;
  const tried = new Set<string>();
  for (;;) {
    // Renewing the lease is also the check that this process still owns the batch.
    if (!(await renewLease(deps, batchId))) {
      return;
    }
    const batch = await deps.db
      .selectFrom('certificateBatches')
      .selectAll()
      .where('id', '=', batchId)
      .where('organizationId', '=', orgId)
      .executeTakeFirstOrThrow();
    const state = parseJson<BatchState>(batch.errorsJson, {
      options: { language: null, validUntil: null },
      errors: [],
    });
    const chunk = (await pendingEnrolments(ctx, batch.cohortId))
      .filter((id) => !tried.has(id))
      .slice(0, CHUNK);
    if (chunk.length === 0) {
      const now = deps.clock.now().toISOString();
      await deps.db
        .updateTable('certificateBatches')
        .set({ status: 'done', finishedAt: now, updatedAt: now, lockedBy: null, lockedUntil: null })
        .where('id', '=', batchId)
        .where('lockedBy', '=', WORKER)
        .execute();
      return;
    }
    let failed = 0;
    for (const enrolmentId of chunk) {
      // A resumed batch retries the enrolments that failed before: count each one once.
      const earlier = state.errors.findIndex((e) => e.enrolmentId === enrolmentId);
      tried.add(enrolmentId);
      try {
        const subject = await subjectOfEnrolment(deps, orgId, enrolmentId, {
          language: state.options.language ?? undefined,
          validUntil: state.options.validUntil,
          batchId,
        });
        await issueForSubject({ deps, organizationId: orgId, userId: batch.createdBy }, subject);
        if (earlier >= 0) {
          state.errors.splice(earlier, 1);
          failed--;
        }
      } catch (err) {
        if (err instanceof AppError && err.code === 'ALREADY_EXISTS') {
          continue; // issued meanwhile by someone else: not ours to count
        }
        // The code the same failure would answer over HTTP: a full disk reads STORAGE_FULL, a
        // database outage SERVICE_UNAVAILABLE, so the report says what an operator must fix.
        const code = errorCodeOf(err);
        if (earlier >= 0) {
          state.errors[earlier] = { enrolmentId, code };
        } else {
          failed++;
          state.errors.push({ enrolmentId, code });
        }
      }
    }
    await deps.db
      .updateTable('certificateBatches')
      .set((eb) => ({
        failed: eb('failed', '+', failed),
        errorsJson: JSON.stringify(state),
        updatedAt: deps.clock.now().toISOString(),
      }))
      .where('id', '=', batchId)
      .execute();
  }
}

export async function getBatch(ctx: ServiceContext, batchId: string) {
  requirePermission(ctx, Permission.CertificateRead);
  const batch = await ctx.deps.db
    .selectFrom('certificateBatches')
    .selectAll()
    .where('id', '=', batchId)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!batch) {
    throw notFound('Batch');
  }
  // A batch left "running" by a stopped process also resumes when an issuer looks at it (the
  // scheduler does it too); the lease keeps a batch that a live process holds where it is.
  if (batch.status === 'running' && ctx.actor.permissions.has(Permission.CertificateIssue)) {
    await resumeBatch(ctx.deps, batch.id);
  }
  return presentBatch(batch);
}

/* ---------- reading, revoking, downloading ---------- */

async function loadCertificate(ctx: ServiceContext, id: string) {
  const row = await ctx.deps.db
    .selectFrom('certificates')
    .selectAll()
    .where('id', '=', id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirst();
  if (!row) {
    throw notFound('Certificate');
  }
  return row;
}

export async function getCertificate(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.CertificateRead);
  return presentCertificate(ctx, await loadCertificate(ctx, id));
}

export async function findCertificates(ctx: ServiceContext, q: TFindCertificatesQuery) {
  requirePermission(ctx, Permission.CertificateRead);
  let query = ctx.deps.db.selectFrom('certificates').where('organizationId', '=', ctx.actor.organizationId);
  if (q.cohortId) {
    query = query.where('cohortId', '=', q.cohortId);
  }
  if (q.status === 'revoked') {
    query = query.where('status', '=', 'revoked');
  } else if (q.status === 'valid' || q.status === 'expired') {
    const now = ctx.deps.clock.now().toISOString();
    query = query.where('status', '=', 'valid');
    query =
      q.status === 'valid'
        ? query.where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', now)]))
        : query.where('validUntil', '<', now);
  }
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['number']), 'like', like),
        eb(eb.fn('lower', ['recipientNameLatin']), 'like', like),
        eb('recipientNameNative', 'like', `%${q.q}%`),
      ]),
    );
  }
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await query
    .selectAll()
    .orderBy('issuedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { data: rows.map((r) => presentCertificate(ctx, r)), page: q.page, pageSize: q.pageSize, total };
}

/** A cohort's enrolments with eligibility and their certificate in force, for the issue screen. */
export async function cohortCertificates(
  ctx: ServiceContext,
  cohortId: string,
): Promise<{ data: TCohortCertificateRow[] }> {
  requirePermission(ctx, Permission.CertificateRead);
  const orgId = ctx.actor.organizationId;
  const cohort = await trainingRepo.getCohort(ctx.deps.db, orgId, cohortId);
  if (!cohort) {
    throw notFound('Cohort');
  }
  const completion = await listCohortCompletion(trainingCtx(ctx), cohortId);
  const participants = completion.length
    ? await ctx.deps.db
        .selectFrom('trainingParticipants')
        .select(['id', 'nameNative', 'nameLatin'])
        .where('organizationId', '=', orgId)
        .where(
          'id',
          'in',
          completion.map((c) => c.participantId),
        )
        .execute()
    : [];
  const certs = await ctx.deps.db
    .selectFrom('certificates')
    .selectAll()
    .where('organizationId', '=', orgId)
    .where('cohortId', '=', cohortId)
    .where('status', '=', 'valid')
    .execute();
  const byParticipant = new Map(participants.map((p) => [p.id, p]));
  const byEnrolment = new Map(certs.map((c) => [c.enrolmentId, c]));
  const now = ctx.deps.clock.now().toISOString();
  return {
    data: completion.map((c) => {
      const p = byParticipant.get(c.participantId);
      const cert = byEnrolment.get(c.enrolmentId);
      return {
        enrolmentId: c.enrolmentId,
        participantId: c.participantId,
        nameNative: p?.nameNative ?? '',
        nameLatin: p?.nameLatin ?? '',
        eligible: c.eligible,
        reasons: c.reasons,
        certificate: cert ? { id: cert.id, number: cert.number, status: certificateStatus(cert, now) } : null,
      };
    }),
  };
}

/** Revokes with a reason; the revocation list and the verification page say so at once. */
export async function revokeCertificate(ctx: ServiceContext, id: string, input: TRevokeCertificateRequest) {
  requirePermission(ctx, Permission.CertificateRevoke);
  const row = await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', id)
      .where('organizationId', '=', ctx.actor.organizationId)
      .executeTakeFirst();
    if (!before) {
      throw notFound('Certificate');
    }
    if (before.status === 'revoked') {
      throw new AppError('INVALID_STATE', 'The certificate is already revoked', {
        reasons: ['already_revoked'],
      });
    }
    const now = ctx.deps.clock.now().toISOString();
    const r = await trx
      .updateTable('certificates')
      .set({
        status: 'revoked',
        revokedAt: now,
        revokedBy: ctx.actor.userId,
        revokedReason: input.reason,
        updatedAt: now,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw versionConflict(before.version);
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'certificate',
      entityId: id,
      before: { status: 'valid' },
      after: { status: 'revoked', number: before.number },
      reason: input.reason,
    });
    return {
      ...before,
      status: 'revoked' as const,
      revokedAt: now,
      revokedBy: ctx.actor.userId,
      revokedReason: input.reason,
      version: input.version + 1,
    };
  });
  return presentCertificate(ctx, row);
}

export type DownloadFormat = 'pdf' | 'json' | 'jwt';

export async function downloadCertificate(ctx: ServiceContext, id: string, format: DownloadFormat) {
  requirePermission(ctx, Permission.CertificateRead);
  return fileOf(ctx.deps, await loadCertificate(ctx, id), format);
}

async function fileOf(deps: Deps, row: CertificateRow, format: DownloadFormat) {
  if (format === 'pdf') {
    return {
      fileName: `${row.number}.pdf`,
      contentType: 'application/pdf',
      bytes: await deps.files.get(row.pdfStorageKey),
    };
  }
  if (format === 'jwt') {
    return {
      fileName: `${row.number}.jwt`,
      contentType: 'text/plain; charset=utf-8',
      bytes: Buffer.from(row.credentialJwt),
    };
  }
  return {
    fileName: `${row.number}.json`,
    contentType: 'application/json; charset=utf-8',
    bytes: Buffer.from(JSON.stringify(JSON.parse(row.credentialJson), null, 2)),
  };
}

/** The participant's own certificate through the personal portal link of the training module. */
export async function downloadForPortal(deps: Deps, portalTokenHash: string, format: DownloadFormat) {
  const enrolment = await deps.db
    .selectFrom('trainingEnrolments')
    .select(['id', 'organizationId'])
    .where('portalTokenHash', '=', portalTokenHash)
    .executeTakeFirst();
  const row = enrolment
    ? await deps.db
        .selectFrom('certificates')
        .selectAll()
        .where('organizationId', '=', enrolment.organizationId)
        .where('enrolmentId', '=', enrolment.id)
        .where('status', '=', 'valid')
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw notFound('Certificate');
  }
  return fileOf(deps, row, format);
}

/* ---------- public: verification page data ---------- */

export async function publicVerification(deps: Deps, publicId: string): Promise<TVerification> {
  const row = await deps.db
    .selectFrom('certificates')
    .selectAll()
    .where('publicId', '=', publicId)
    .executeTakeFirst();
  if (!row) {
    return { status: 'unknown', errors: [], certificate: null };
  }
  return {
    status: certificateStatus(row, deps.clock.now().toISOString()),
    errors: [],
    certificate: verificationSummary(row),
  };
}
