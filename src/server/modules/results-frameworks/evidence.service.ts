import { EVIDENCE_MAX_BYTES, type TEvidence } from '../../../contracts/results-frameworks.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { notFound } from '../../platform/errors.js';
import { cleanFileName } from '../../platform/files/document-types.js';
import {
  acceptDocument,
  markFileDeleted,
  readStoredFile,
  storeWithRow,
} from '../../platform/files/stored-files.js';
import { newId } from '../../platform/ids.js';
import { presentEvidence } from './results-frameworks.presenter.js';
import * as repo from './results-frameworks.repository.js';
import type { IndicatorEvidenceRow } from './results-frameworks.tables.js';

/**
 * Evidence documents of a period's actual (§2.2 "evidence docs"): the document types and file
 * store of attachments, in a table of their own. The period must belong to the project, and the
 * project to the actor's organization (else 404).
 */
async function requirePeriod(ctx: ServiceContext, db: Executor, projectId: string, periodId: string) {
  const org = ctx.actor.organizationId;
  if (!(await repo.getProject(db, org, projectId))) {
    throw notFound('Project');
  }
  const period = await repo.getPeriod(db, org, projectId, periodId);
  if (!period) {
    throw notFound('Period');
  }
  return period;
}

async function findEvidence(
  ctx: ServiceContext,
  db: Executor,
  projectId: string,
  periodId: string,
  evidenceId: string,
): Promise<IndicatorEvidenceRow> {
  await requirePeriod(ctx, db, projectId, periodId);
  const row = await repo.getEvidence(db, ctx.actor.organizationId, periodId, evidenceId);
  if (!row) {
    throw notFound('Evidence');
  }
  return row;
}

/**
 * Stores an evidence document: PDF, office documents or ZIP (by content), at most 20 MiB.
 * @throws FORBIDDEN, NOT_FOUND, FILE_REJECTED
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  projectId: string,
  periodId: string,
  input: { fileName: string; bytes: Buffer; title?: string | undefined },
): Promise<TEvidence> {
  requirePermission(ctx, Permission.ResultsFrameworkWrite);
  await requirePeriod(ctx, ctx.deps.db, projectId, periodId);
  const contentType = acceptDocument(input.fileName, input.bytes, EVIDENCE_MAX_BYTES);
  const fileName = cleanFileName(input.fileName);
  return storeWithRow(ctx, input.bytes, async (trx, stored) => {
    await requirePeriod(ctx, trx, projectId, periodId);
    const row: IndicatorEvidenceRow = {
      id: newId(),
      organizationId: ctx.actor.organizationId,
      projectId,
      periodId,
      title: input.title?.trim() || fileName,
      fileName,
      contentType,
      ...stored,
      deletedAt: null,
    };
    await trx.insertInto('indicatorEvidence').values(row).execute();
    const presented = presentEvidence(row);
    await recordAudit(trx, ctx, {
      action: 'upload',
      entityType: 'indicator_evidence',
      entityId: row.id,
      after: { projectId, periodId, ...presented },
    });
    return presented;
  });
}

export async function readEvidence(
  ctx: ServiceContext,
  projectId: string,
  periodId: string,
  evidenceId: string,
) {
  requirePermission(ctx, Permission.ResultsFrameworkRead);
  const row = await findEvidence(ctx, ctx.deps.db, projectId, periodId, evidenceId);
  return readStoredFile(ctx, row);
}

/** Marks evidence deleted; the bytes stay so that the audit trail can point at them. */
export async function deleteEvidence(
  ctx: ServiceContext,
  projectId: string,
  periodId: string,
  evidenceId: string,
): Promise<void> {
  requirePermission(ctx, Permission.ResultsFrameworkWrite);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const row = await findEvidence(ctx, trx, projectId, periodId, evidenceId);
    await markFileDeleted(ctx, trx, 'indicatorEvidence', evidenceId);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'indicator_evidence',
      entityId: evidenceId,
      before: {
        projectId,
        periodId,
        title: row.title,
        fileName: row.fileName,
        sha256: row.sha256,
        storageKey: row.storageKey,
      },
    });
  });
}
