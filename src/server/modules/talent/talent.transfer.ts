import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { Permission } from '../../../contracts/roles.js';
import type { TTalentImportPreview } from '../../../contracts/talent.js';
import { isIscoUnitGroupCode } from '../../../domain/talent/taxonomy/index.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import {
  readTabularFile,
  type TabularFormat,
  writeTabularFile,
} from '../../platform/spreadsheets/tabular-files.js';
import { importAllOrNothing, tabularPreview } from '../../platform/spreadsheets/tabular-import.js';
import { type TalentImportResult, validateTalentImport } from './talent.import-file.js';
import { auditSnapshot } from './talent.presenter.js';
import { escoOccupationCheck, insertProfile, knownSkillKeys, loadFullProfile } from './talent.service.js';

export const TALENT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const TALENT_IMPORT_MAX_ROWS = 2000;
const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));
const SAMPLE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../samples/talent/talent-import.csv',
);

async function validate(ctx: ServiceContext, db: Executor, bytes: Buffer): Promise<TalentImportResult> {
  const orgId = ctx.actor.organizationId;
  const emails = await db
    .selectFrom('talentProfiles')
    .select('email')
    .where('organizationId', '=', orgId)
    .where('email', '!=', '')
    .execute();
  return validateTalentImport(await readTabularFile(bytes), {
    skillKeys: await knownSkillKeys(db, orgId),
    countryCodes: COUNTRY_CODES,
    existingEmails: new Set(emails.map((e) => e.email.toLowerCase())),
    isIscoUnitGroup: isIscoUnitGroupCode,
    escoOccupation: await escoOccupationCheck(db, orgId),
    maxRows: TALENT_IMPORT_MAX_ROWS,
  });
}

/** Checks a file and shows every problem by row and column; writes nothing. */
export async function previewTalentImport(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
): Promise<TTalentImportPreview> {
  requirePermission(ctx, Permission.TalentManage);
  return tabularPreview(fileName, await validate(ctx, ctx.deps.db, bytes), (r) => ({
    row: r.row,
    nameLatin: r.profile.nameLatin,
    email: r.profile.email,
    iscoCode: r.profile.iscoCode,
    skills: r.profile.skills.length,
    languages: r.profile.languages.length,
  }));
}

/**
 * Creates every row's profile in one transaction, or nothing (422 with the problems by row). Imported
 * skills are self-declared and nobody has consented yet: the profiles stay invisible to enterprises
 * until each person consents through their link (or on paper).
 * A file already imported answers 409 unless `allowRepeat`.
 * @throws AppError IMPORT_INVALID, INVALID_STATE (already imported)
 */
export async function importTalent(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
  { allowRepeat = false } = {},
) {
  requirePermission(ctx, Permission.TalentManage);
  return importAllOrNothing(
    ctx,
    fileName,
    (trx) => validate(ctx, trx, bytes),
    async (trx, rows) => {
      for (const { profile } of rows) {
        const id = await insertProfile(ctx, trx, profile);
        const created = await loadFullProfile(ctx, trx, id, {
          update: false,
          manageConsent: false,
          sendLink: false,
          delete: false,
        });
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'talent_profile',
          entityId: id,
          after: auditSnapshot(created),
          reason: `import ${fileName}`,
        });
      }
      await recordAudit(trx, ctx, {
        action: 'import',
        entityType: 'talent_profile',
        entityId: null,
        after: { fileName, imported: rows.length },
      });
      return { imported: rows.length };
    },
    { kind: 'talent', bytes, allowRepeat },
  );
}

/** The sample file shipped in samples/talent/, as CSV or converted to XLSX. */
export async function talentImportSample(ctx: ServiceContext, format: TabularFormat) {
  requirePermission(ctx, Permission.TalentManage);
  const bytes = await fs.readFile(SAMPLE_FILE);
  if (format === 'csv') {
    return bytes;
  }
  const [header, ...rows] = await readTabularFile(bytes);
  return writeTabularFile('xlsx', header ?? [], rows, 'Talent');
}
