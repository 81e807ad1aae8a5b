import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { Permission } from '../../../contracts/roles.js';
import { ENROLMENT_FILE_COLUMNS, type TEnrolmentImportPreview } from '../../../contracts/training.js';
import {
  type EnrolmentImportResult,
  validateEnrolmentImport,
} from '../../../domain/training/enrolment-import.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { notFound } from '../../platform/errors.js';
import {
  readTabularFile,
  type TabularFormat,
  writeTabularFile,
} from '../../platform/spreadsheets/tabular-files.js';
import { importAllOrNothing, tabularPreview } from '../../platform/spreadsheets/tabular-import.js';
import * as repo from './training.repository.js';
import { insertEnrolment, insertParticipant } from './training.service.js';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));
const SAMPLE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../samples/enrolments-import.csv',
);

async function validate(ctx: ServiceContext, db: Executor, cohortId: string, bytes: Buffer) {
  if (!(await repo.getCohort(db, ctx.actor.organizationId, cohortId))) {
    throw notFound('Cohort');
  }
  const enrolled = await repo.enrolmentsOfCohort(db, ctx.actor.organizationId, cohortId);
  const cells = await readTabularFile(bytes);
  return validateEnrolmentImport(cells, {
    knownCountryCodes: KNOWN_COUNTRIES,
    enrolledEmails: new Set(enrolled.map((e) => e.email).filter((e) => e !== '')),
    maxRows: IMPORT_MAX_ROWS,
  });
}

function preview(fileName: string, result: EnrolmentImportResult): TEnrolmentImportPreview {
  return tabularPreview(fileName, result, (r) => ({
    row: r.row,
    nameLatin: r.participant.nameLatin,
    nameNative: r.participant.nameNative,
    country: r.participant.country,
    email: r.participant.email,
  }));
}

/** Checks a file and shows what an import would do; writes nothing. */
export async function previewEnrolmentImport(
  ctx: ServiceContext,
  cohortId: string,
  fileName: string,
  bytes: Buffer,
) {
  requirePermission(ctx, Permission.TrainingImport);
  return preview(fileName, await validate(ctx, ctx.deps.db, cohortId, bytes));
}

/**
 * Enrols every row in one transaction, or nothing: any problem answers 422 with the list by row
 * and column. A row whose e-mail matches a participant of the organization enrols that person;
 * others become new participants. Rows beyond the capacity join the waiting list in file order.
 * A file already imported into this cohort answers 409 unless `allowRepeat`.
 * @throws AppError IMPORT_INVALID, INVALID_STATE (already imported)
 */
export async function importEnrolments(
  ctx: ServiceContext,
  cohortId: string,
  fileName: string,
  bytes: Buffer,
  { allowRepeat = false } = {},
) {
  requirePermission(ctx, Permission.TrainingImport);
  return importAllOrNothing(
    ctx,
    fileName,
    (trx) => validate(ctx, trx, cohortId, bytes),
    async (trx, rows) => {
      let waitlisted = 0;
      for (const { participant } of rows) {
        const existing =
          participant.email === ''
            ? undefined
            : await repo.participantByEmail(trx, ctx.actor.organizationId, participant.email);
        const participantId = existing?.id ?? (await insertParticipant(ctx, trx, participant));
        const { id, waitlistPosition } = await insertEnrolment(ctx, trx, cohortId, participantId, 'invited');
        if (waitlistPosition !== null) {
          waitlisted++;
        }
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'training_enrolment',
          entityId: id,
          after: { cohortId, participantId, waitlistPosition },
          reason: `import ${fileName}`,
        });
      }
      await recordAudit(trx, ctx, {
        action: 'import',
        entityType: 'training_cohort',
        entityId: cohortId,
        after: { fileName, imported: rows.length, waitlisted },
      });
      return { imported: rows.length, waitlisted };
    },
    { kind: 'training_enrolments', target: cohortId, bytes, allowRepeat },
  );
}

const SENSITIVE_COLUMNS = new Set(['passport_number', 'date_of_birth']);

/**
 * The cohort's enrolments in the import layout plus status and scores. Passport number and date
 * of birth are left out unless asked for, and asking needs participant.sensitive_read.
 * @throws AppError FORBIDDEN when sensitive columns are asked for without the permission
 */
export async function exportEnrolments(
  ctx: ServiceContext,
  cohortId: string,
  format: TabularFormat,
  includeSensitive: boolean,
) {
  requirePermission(ctx, Permission.TrainingExport);
  if (includeSensitive) {
    requirePermission(ctx, Permission.ParticipantSensitiveRead);
  }
  if (!(await repo.getCohort(ctx.deps.db, ctx.actor.organizationId, cohortId))) {
    throw notFound('Cohort');
  }
  const rows = await repo.enrolmentsOfCohort(ctx.deps.db, ctx.actor.organizationId, cohortId);
  const columns = ENROLMENT_FILE_COLUMNS.filter((c) => includeSensitive || !SENSITIVE_COLUMNS.has(c));
  const header = [...columns, 'status', 'waitlist_position', 'pre_score', 'post_score'];
  const score = (v: number | null) => (v === null ? '' : (v / 100).toFixed(2));
  const data = rows.map((r) => {
    const byColumn: Record<(typeof ENROLMENT_FILE_COLUMNS)[number], string> = {
      name_latin: r.nameLatin,
      name_native: r.nameNative,
      gender: r.gender,
      country: r.country,
      organization: r.organizationName,
      position: r.position,
      email: r.email,
      languages: parseJson<string[]>(r.languagesJson, []).join('; '),
      passport_number: r.passportNumber,
      date_of_birth: r.dateOfBirth ?? '',
    };
    return [
      ...columns.map((c) => byColumn[c]),
      r.status,
      r.waitlistPosition === null ? '' : String(r.waitlistPosition),
      score(r.preScore),
      score(r.postScore),
    ];
  });
  return writeTabularFile(format, header, data, 'Enrolments');
}

export function canIncludeSensitive(ctx: ServiceContext) {
  return can(ctx, Permission.ParticipantSensitiveRead);
}

/** The sample import file shipped in samples/, as CSV or converted to XLSX. */
export async function enrolmentImportSample(ctx: ServiceContext, format: TabularFormat) {
  requirePermission(ctx, Permission.TrainingImport);
  const bytes = await fs.readFile(SAMPLE_FILE);
  if (format === 'csv') {
    return bytes;
  }
  const [header, ...rows] = await readTabularFile(bytes);
  return writeTabularFile('xlsx', header ?? [], rows, 'Enrolments');
}
