import type { TMarkingScheme, TSchemeImportPreview } from '../../../contracts/marking-schemes.js';
import { type CisParseResult, parseCisMarkingScheme } from '../../../domain/competitions/cis-workbook.js';
import { validateMarkingScheme } from '../../../domain/competitions/scheme-validation.js';
import type { ServiceContext } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { AppError } from '../../platform/errors.js';
import { readCisWorkbook, writeCisWorkbook } from '../../platform/spreadsheets/cis-workbook-files.js';
import { requireSchemeEditor, ruleSettings } from './marking-schemes.access.js';
import { presentScheme } from './marking-schemes.presenter.js';
import * as repo from './marking-schemes.repository.js';
import { insertDraft, readSchemeDocument } from './marking-schemes.service.js';

// Import and export in the CIS "CIS Marking Scheme Import" workbook layout (worldskills.md §1.3,
// §5.1). Two steps like the partners import: the preview shows every problem by sheet, row and
// column and writes nothing; the import re-reads the same file and creates a draft version from
// it, all or nothing.

export const SCHEME_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const finding = ({
  message: _m,
  ...f
}: CisParseResult['problems'][number] | CisParseResult['warnings'][number]) => f;

async function parseUpload(bytes: Buffer): Promise<CisParseResult> {
  return parseCisMarkingScheme(await readCisWorkbook(bytes));
}

/**
 * What importing the workbook would create: problems and warnings by sheet/row/column, and the
 * scheme with its validation. Writes nothing.
 * @throws AppError IMPORT_INVALID (unreadable_file | sheet_missing)
 */
export async function previewSchemeImport(
  ctx: ServiceContext,
  skillId: string,
  fileName: string,
  bytes: Buffer,
): Promise<TSchemeImportPreview> {
  const access = await requireSchemeEditor(ctx, skillId);
  const parsed = await parseUpload(bytes);
  const settings = await ruleSettings(ctx, access.skill);
  const validation = validateMarkingScheme(parsed.scheme, settings);
  return {
    fileName,
    canImport: parsed.problems.length === 0,
    problems: parsed.problems.map(finding),
    warnings: parsed.warnings.map(finding),
    scheme: parsed.scheme as TMarkingScheme,
    validation,
    settings: { sectionTolerance: settings.sectionTolerance, maxAspectMark: settings.maxAspectMark },
  };
}

/**
 * Creates a draft version from the workbook, or nothing: any problem answers 422 with the whole list.
 * @throws AppError IMPORT_INVALID | INVALID_STATE (draft_exists | marks_exist)
 */
export async function importScheme(ctx: ServiceContext, skillId: string, fileName: string, bytes: Buffer) {
  const access = await requireSchemeEditor(ctx, skillId);
  const parsed = await parseUpload(bytes);
  if (parsed.problems.length > 0) {
    throw new AppError(
      'IMPORT_INVALID',
      `${parsed.problems.length} problem(s) in ${fileName}; nothing was imported`,
      {
        problems: parsed.problems.map(finding),
      },
    );
  }
  return ctx.deps.db.transaction().execute(async (trx) => {
    const row = await insertDraft(ctx, trx, access, parsed.scheme, 'cis_import', fileName.slice(0, 255));
    const settings = await ruleSettings(ctx, access.skill, trx);
    const others = await repo.listSchemes(trx, ctx.actor.organizationId, skillId);
    return presentScheme(
      row,
      settings,
      {
        hasMarks: false,
        formCount: 0,
        hasOtherDraft: others.some((s) => s.status === 'draft' && s.id !== row.id),
      },
      access,
    );
  });
}

/** A version as a CIS import workbook, named after the skill and version. */
export async function exportScheme(ctx: ServiceContext, skillId: string, schemeId: string) {
  const { row, scheme, skill } = await readSchemeDocument(ctx, skillId, schemeId);
  const names = parseJson<Record<string, string>>(skill.namesJson, {});
  const name = names.en ?? Object.values(names)[0] ?? '';
  const title = `${skill.number} ${name}`.trim();
  const bytes = await writeCisWorkbook(scheme, { title });
  const safe = title.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '');
  return { bytes, fileName: `Marking_Scheme_${safe || 'skill'}_v${row.versionNo}.xlsx` };
}
