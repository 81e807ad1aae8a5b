import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GAP_LIST_COLUMNS,
  INFRASTRUCTURE_LIST_COLUMNS,
  INVENTORY_FILE_COLUMNS,
  type TComplianceQuery,
  type TComplianceReport,
  type TInfrastructureList,
  type TTabularImportPreview,
} from '../../../contracts/bases.js';
import { Permission } from '../../../contracts/roles.js';
import {
  type TabularImportResult,
  validateInfrastructureList,
  validateInventoryFile,
} from '../../../domain/bases/bases-import.js';
import { checkCompliance, gapLines } from '../../../domain/bases/infrastructure-compliance.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  readTabularFile,
  type TabularFormat,
  writeTabularFile,
} from '../../platform/spreadsheets/tabular-files.js';
import { rejectUnlessClean, tabularPreview } from '../../platform/spreadsheets/tabular-import.js';
import { presentListSummary } from './bases.presenter.js';
import * as repo from './bases.repository.js';
import { loadBase } from './bases.service.js';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../samples');
const SAMPLE_FILES = {
  list: path.join(SAMPLES, 'infrastructure-list-sample.csv'),
  inventory: path.join(SAMPLES, 'base-inventory-sample.csv'),
} as const;

const preview = (fileName: string, result: TabularImportResult<unknown>): TTabularImportPreview =>
  tabularPreview(fileName, result);

// ----- Infrastructure Lists -------------------------------------------------------------------

export async function findInfrastructureLists(ctx: ServiceContext, skillNumber?: string) {
  requirePermission(ctx, Permission.BaseRead);
  const rows = await repo.findLists(ctx.deps.db, ctx.actor.organizationId, skillNumber);
  return { data: rows.map(presentListSummary) };
}

export async function getInfrastructureList(ctx: ServiceContext, id: string): Promise<TInfrastructureList> {
  requirePermission(ctx, Permission.BaseRead);
  const row = await repo.getList(ctx.deps.db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Infrastructure List');
  }
  const items = await repo.getListItems(ctx.deps.db, ctx.actor.organizationId, id);
  return {
    ...presentListSummary(row),
    items: items.map((i) => ({
      id: i.id,
      item: i.item,
      specification: i.specification,
      quantity: Number(i.quantity),
      basis: i.basis,
      category: i.category,
    })),
  };
}

export async function previewInfrastructureList(ctx: ServiceContext, fileName: string, bytes: Buffer) {
  requirePermission(ctx, Permission.BaseWrite);
  return preview(fileName, validateInfrastructureList(await readTabularFile(bytes), IMPORT_MAX_ROWS));
}

/**
 * Imports a list as the next revision for its skill (1, 2, 3 … per organization and skill
 * number); earlier revisions stay, so past compliance checks can be repeated.
 * @throws AppError IMPORT_INVALID
 */
export async function importInfrastructureList(
  ctx: ServiceContext,
  meta: { name: string; skillNumber: string; skillName: string },
  fileName: string,
  bytes: Buffer,
): Promise<TInfrastructureList> {
  requirePermission(ctx, Permission.BaseWrite);
  const result = validateInfrastructureList(await readTabularFile(bytes), IMPORT_MAX_ROWS);
  rejectUnlessClean(fileName, result);
  const org = ctx.actor.organizationId;
  const skillNumber = meta.skillNumber.toUpperCase();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const listId = newId();
    const revision = await repo.nextRevision(trx, org, skillNumber);
    await trx
      .insertInto('infrastructureLists')
      .values({
        id: listId,
        organizationId: org,
        name: meta.name,
        skillNumber,
        skillName: meta.skillName,
        revision,
        sourceFileName: fileName,
        importedAt: ctx.deps.clock.now().toISOString(),
        importedBy: ctx.actor.userId,
      })
      .execute();
    const rows = result.rows.map((r, i) => ({
      id: newId(),
      organizationId: org,
      listId,
      sortOrder: i,
      item: r.item,
      specification: r.specification,
      quantity: r.quantity,
      basis: r.basis,
      category: r.category,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('infrastructureListItems')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'import',
      entityType: 'infrastructure_list',
      entityId: listId,
      after: { name: meta.name, skillNumber, revision, fileName, items: rows.length },
    });
    return listId;
  });
  return getInfrastructureList(ctx, id);
}

// ----- Inventory ------------------------------------------------------------------------------

export async function previewInventoryImport(
  ctx: ServiceContext,
  baseId: string,
  fileName: string,
  bytes: Buffer,
) {
  requirePermission(ctx, Permission.BaseWrite);
  await loadBase(ctx, ctx.deps.db, baseId);
  return preview(fileName, validateInventoryFile(await readTabularFile(bytes), IMPORT_MAX_ROWS));
}

/**
 * Imports an inventory file into a base, appending to or replacing its equipment, all or nothing.
 * It is an edit of the base, so the base's version goes up.
 * @throws AppError IMPORT_INVALID, NOT_FOUND
 */
export async function importInventory(
  ctx: ServiceContext,
  baseId: string,
  mode: 'append' | 'replace',
  fileName: string,
  bytes: Buffer,
) {
  requirePermission(ctx, Permission.BaseWrite);
  const result = validateInventoryFile(await readTabularFile(bytes), IMPORT_MAX_ROWS);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadBase(ctx, trx, baseId);
    rejectUnlessClean(fileName, result);
    await updateVersioned(ctx, trx, 'trainingBases', baseId, before.version, {});
    const items = result.rows.map(({ row: _row, ...r }) => r);
    if (mode === 'replace') {
      await repo.replaceEquipment(trx, org, baseId, items);
    } else {
      await repo.insertEquipment(
        trx,
        org,
        baseId,
        items,
        await repo.nextEquipmentSortOrder(trx, org, baseId),
      );
    }
    await recordAudit(trx, ctx, {
      action: 'import',
      entityType: 'training_base',
      entityId: baseId,
      after: { fileName, mode, equipment: items.length },
    });
    return { imported: items.length, base: await loadBase(ctx, trx, baseId) };
  });
}

// ----- Samples --------------------------------------------------------------------------------

export async function importSample(ctx: ServiceContext, kind: 'list' | 'inventory', format: TabularFormat) {
  requirePermission(ctx, Permission.BaseRead);
  const bytes = await fs.readFile(SAMPLE_FILES[kind]);
  if (format === 'csv') {
    return bytes;
  }
  const [header, ...rows] = await readTabularFile(bytes);
  const expected = kind === 'list' ? INFRASTRUCTURE_LIST_COLUMNS : INVENTORY_FILE_COLUMNS;
  return writeTabularFile(
    'xlsx',
    header ?? [...expected],
    rows,
    kind === 'list' ? 'Infrastructure List' : 'Inventory',
  );
}

// ----- Compliance -----------------------------------------------------------------------------

/**
 * Checks a base's inventory against an Infrastructure List. "Competitors" (for per-competitor
 * items) is the base's workstation count, or its active trainees when asked (falling back to
 * the workstations when it has none).
 * @throws NOT_FOUND when the base or the list is absent or in another organization
 */
export async function computeCompliance(ctx: ServiceContext, baseId: string, q: TComplianceQuery) {
  requirePermission(ctx, Permission.BaseRead);
  const db = ctx.deps.db;
  const org = ctx.actor.organizationId;
  const base = await loadBase(ctx, db, baseId);
  const listRow = await repo.getList(db, org, q.listId);
  if (!listRow) {
    throw notFound('Infrastructure List');
  }
  const items = await repo.getListItems(db, org, q.listId);
  const activeTrainees = base.trainees.filter((t) => t.status === 'active').length;
  const competitors =
    q.competitorsFrom === 'trainees' && activeTrainees > 0 ? activeTrainees : base.workstations;
  const report = checkCompliance(
    items.map((i) => ({ ...i, quantity: Number(i.quantity) })),
    base.equipment,
    { workstations: base.workstations, competitors },
  );
  return {
    base: { id: base.id, names: base.names, workstations: base.workstations },
    list: presentListSummary(listRow),
    settings: { workstations: base.workstations, competitors, competitorsFrom: q.competitorsFrom },
    ...report,
    checkedAt: ctx.deps.clock.now().toISOString(),
  } satisfies TComplianceReport;
}

/** The gap list (missing, then short) as CSV or XLSX; cells are formula-injection safe. */
export async function exportGapList(
  ctx: ServiceContext,
  baseId: string,
  q: TComplianceQuery,
  format: TabularFormat,
) {
  const report = await computeCompliance(ctx, baseId, q);
  const rows = gapLines(report).map((l) => {
    const byColumn: Record<(typeof GAP_LIST_COLUMNS)[number], string> = {
      status: l.status,
      category: l.category,
      item: l.item,
      specification: l.specification,
      basis: l.basis,
      quantity: String(l.quantity),
      required: String(l.required),
      available: String(l.available),
      shortfall: String(l.shortfall),
    };
    return GAP_LIST_COLUMNS.map((c) => byColumn[c]);
  });
  return writeTabularFile(format, GAP_LIST_COLUMNS, rows, 'Gap list');
}
