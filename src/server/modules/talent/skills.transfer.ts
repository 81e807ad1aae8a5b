/**
 * The college's skills as a CSV/XLSX file: export (every column, ESCO confirmation included) and
 * import, all or nothing, with every problem by row and column. A row whose code exists updates
 * that skill (audited, versioned), any other creates one; `esco_confirmed = yes` records the
 * importing coordinator as the one who confirmed, unless the same URI was already confirmed.
 */
import { Permission } from '../../../contracts/roles.js';
import {
  COLLEGE_SKILL_FILE_COLUMNS,
  type TCollegeSkillImportPreview,
} from '../../../contracts/talent-skills.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import {
  readTabularFile,
  type TabularFormat,
  writeTabularFile,
} from '../../platform/spreadsheets/tabular-files.js';
import { importAllOrNothing, tabularPreview } from '../../platform/spreadsheets/tabular-import.js';
import { type SkillImportRow, validateSkillImport } from './skills.import-file.js';
import * as repo from './skills.repository.js';
import {
  editColumns,
  findCollegeSkills,
  insertSkill,
  RESERVED_SKILL_CODES,
  SKILL,
} from './skills.service.js';

export const SKILL_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const SKILL_IMPORT_MAX_ROWS = 2000;

/** For the college (talent.manage): the file names who confirmed each URI. */
export async function exportCollegeSkills(ctx: ServiceContext, format: TabularFormat) {
  requirePermission(ctx, Permission.TalentManage);
  const { data } = await findCollegeSkills(ctx, { status: 'all' });
  const rows = data.map((s) => [
    s.code,
    s.labels.en ?? '',
    s.labels['zh-CN'] ?? '',
    s.labels.fr ?? '',
    s.labels.ar ?? '',
    s.category,
    s.iscoGroup ?? '',
    s.escoUri ?? '',
    s.esco.state === 'confirmed' ? 'yes' : 'no',
    s.esco.confirmedAt ?? '',
    s.esco.confirmedBy ?? '',
    s.esco.note,
    s.archived ? 'yes' : 'no',
  ]);
  return writeTabularFile(format, COLLEGE_SKILL_FILE_COLUMNS, rows, 'College skills');
}

async function validate(ctx: ServiceContext, db: Executor, bytes: Buffer) {
  const stored = await repo.findSkills(db, ctx.actor.organizationId, { status: 'all' });
  return validateSkillImport(await readTabularFile(bytes), {
    existing: new Map(stored.map((s) => [s.code, { code: s.code, escoUri: s.escoUri }])),
    reservedCodes: RESERVED_SKILL_CODES,
    maxRows: SKILL_IMPORT_MAX_ROWS,
  });
}

export async function previewSkillImport(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
): Promise<TCollegeSkillImportPreview> {
  requirePermission(ctx, Permission.TalentManage);
  return tabularPreview(fileName, await validate(ctx, ctx.deps.db, bytes), (r) => ({
    row: r.row,
    code: r.code,
    action: r.action,
  }));
}

/** @throws AppError IMPORT_INVALID (422, problems by row) */
export async function importCollegeSkills(ctx: ServiceContext, fileName: string, bytes: Buffer) {
  requirePermission(ctx, Permission.TalentManage);
  return importAllOrNothing(
    ctx,
    fileName,
    (trx) => validate(ctx, trx, bytes),
    async (trx, rows: SkillImportRow[]) => {
      const orgId = ctx.actor.organizationId;
      const stored = new Map(
        (await repo.findSkills(trx, orgId, { status: 'all' })).map((s) => [s.code, s] as const),
      );
      let created = 0;
      let updated = 0;
      const now = ctx.deps.clock.now().toISOString();
      for (const r of rows) {
        const input = {
          code: r.code,
          labels: r.labels,
          category: r.category,
          iscoGroup: r.iscoGroup,
          escoUri: r.escoUri,
        };
        const existing = stored.get(r.code);
        if (!existing) {
          const id = await insertSkill(ctx, trx, {
            ...input,
            archived: r.archived,
            escoConfirmed: r.escoConfirmed,
            escoNote: r.escoNote,
          });
          await recordAudit(trx, ctx, {
            action: 'create',
            entityType: 'college_skill',
            entityId: id,
            after: SKILL.snapshot(await SKILL.load(ctx, trx, id)),
            reason: `import ${fileName}`,
          });
          created++;
          continue;
        }
        const before = await SKILL.load(ctx, trx, existing.id);
        const set: Record<string, unknown> = { ...editColumns(before, input) };
        const keepsConfirmation = before.esco.state === 'confirmed' && before.escoUri === r.escoUri;
        if (r.escoConfirmed && !keepsConfirmation) {
          Object.assign(set, {
            escoConfirmedAt: now,
            escoConfirmedBy: ctx.actor.userId,
            escoNote: r.escoNote,
          });
        } else if (!r.escoConfirmed) {
          Object.assign(set, { escoConfirmedAt: null, escoConfirmedBy: null, escoNote: '' });
        }
        if (r.archived !== before.archived) {
          set.archivedAt = r.archived ? now : null;
        }
        await updateVersioned(ctx, trx, 'collegeSkills', existing.id, before.version, set);
        const after = await SKILL.load(ctx, trx, existing.id);
        await recordAudit(trx, ctx, {
          action: 'update',
          entityType: 'college_skill',
          entityId: existing.id,
          before: SKILL.snapshot(before),
          after: SKILL.snapshot(after),
          reason: `import ${fileName}`,
        });
        updated++;
      }
      await recordAudit(trx, ctx, {
        action: 'import',
        entityType: 'college_skill',
        entityId: null,
        after: { fileName, created, updated },
      });
      return { created, updated };
    },
  );
}
