import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import {
  PARTNER_FILE_COLUMNS,
  type TFindPartnersQuery,
  type TImportPreview,
} from '../../../contracts/partners.js';
import { Permission } from '../../../contracts/roles.js';
import { type PartnerImportResult, validatePartnerImport } from '../../../domain/partners/partner-import.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import {
  readTabularFile,
  type TabularFormat,
  writeTabularFile,
} from '../../platform/spreadsheets/tabular-files.js';
import { importAllOrNothing, tabularPreview } from '../../platform/spreadsheets/tabular-import.js';
import { todayFor } from '../../platform/today.js';
import * as repo from './partners.repository.js';
import { insertPartner } from './partners.service.js';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));
const SAMPLE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../samples/partners-import.csv',
);

async function validate(ctx: ServiceContext, db: Executor, bytes: Buffer): Promise<PartnerImportResult> {
  const cells = await readTabularFile(bytes);
  return validatePartnerImport(cells, {
    knownCountryCodes: KNOWN_COUNTRIES,
    existingIdentifiers: await repo.identifierKeysInUse(db, ctx.actor.organizationId),
    maxRows: IMPORT_MAX_ROWS,
  });
}

/** Checks a file and shows what an import would do; writes nothing. */
export async function previewPartnerImport(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
): Promise<TImportPreview> {
  requirePermission(ctx, Permission.PartnerImport);
  const result = await validate(ctx, ctx.deps.db, bytes);
  const problemRows = new Set(result.problems.map((p) => p.row));
  return tabularPreview(fileName, result, (r) => ({
    row: r.row,
    name: r.partner.names.en ?? '',
    country: r.partner.country,
    type: r.partner.type,
    action: problemRows.has(r.row) ? ('skip' as const) : ('create' as const),
  }));
}

/**
 * Imports every row in one transaction, or nothing: any problem (re-checked here, since the
 * data may have changed since the preview) answers 422 with the full list.
 * A file already imported answers 409 unless `allowRepeat`.
 * @throws AppError IMPORT_INVALID, INVALID_STATE (already imported)
 */
export async function importPartners(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
  { allowRepeat = false } = {},
) {
  requirePermission(ctx, Permission.PartnerImport);
  return importAllOrNothing(
    ctx,
    fileName,
    (trx) => validate(ctx, trx, bytes),
    async (trx, rows) => {
      const ids: string[] = [];
      for (const { partner } of rows) {
        const id = await insertPartner(ctx, trx, partner);
        ids.push(id);
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'partner',
          entityId: id,
          after: partner,
          reason: `import ${fileName}`,
        });
      }
      await recordAudit(trx, ctx, {
        action: 'import',
        entityType: 'partner',
        entityId: null,
        after: { fileName, imported: ids.length },
      });
      return { imported: ids.length, ids };
    },
    { kind: 'partners', bytes, allowRepeat },
  );
}

function exportRow(
  row: Awaited<ReturnType<typeof repo.listPartnersForExport>>[number],
  idents: Map<string, Map<string, string>>,
) {
  const names = parseJson<Record<string, string>>(row.namesJson, {});
  const ids = idents.get(row.id);
  const byColumn: Record<(typeof PARTNER_FILE_COLUMNS)[number], string> = {
    name_en: names.en ?? '',
    name_native: row.nativeName,
    name_zh: names['zh-CN'] ?? '',
    name_fr: names.fr ?? '',
    name_ar: names.ar ?? '',
    country: row.country,
    city: row.city,
    type: row.type,
    iati_org_id: ids?.get('iati') ?? '',
    schac_code: ids?.get('schac') ?? '',
    website: row.website,
    tags: parseJson<string[]>(row.tagsJson, []).join('; '),
    contact_name_latin: '',
    contact_name_native: '',
    contact_position: '',
    contact_email: '',
    contact_phone: '',
    notes: row.notes,
  };
  return PARTNER_FILE_COLUMNS.map((c) => byColumn[c]);
}

/**
 * The filtered list as CSV or XLSX in the import layout, so an export can be edited and
 * imported elsewhere. Contacts are personal data and stay out of exports.
 */
export async function exportPartners(ctx: ServiceContext, q: TFindPartnersQuery, format: TabularFormat) {
  requirePermission(ctx, Permission.PartnerExport);
  const rows = await repo.listPartnersForExport(ctx.deps.db, ctx.actor.organizationId, q, todayFor(ctx));
  const identRows = await ctx.deps.db
    .selectFrom('partnerIdentifiers')
    .select(['partnerId', 'scheme', 'value'])
    .where('organizationId', '=', ctx.actor.organizationId)
    .execute();
  const idents = new Map<string, Map<string, string>>();
  for (const r of identRows) {
    const m = idents.get(r.partnerId) ?? new Map<string, string>();
    if (!m.has(r.scheme)) {
      m.set(r.scheme, r.value);
    }
    idents.set(r.partnerId, m);
  }
  return writeTabularFile(
    format,
    PARTNER_FILE_COLUMNS,
    rows.map((r) => exportRow(r, idents)),
    'Partners',
  );
}

/** The sample import file shipped in samples/, as CSV or converted to XLSX. */
export async function partnerImportSample(ctx: ServiceContext, format: TabularFormat) {
  requirePermission(ctx, Permission.PartnerImport);
  const bytes = await fs.readFile(SAMPLE_FILE);
  if (format === 'csv') {
    return bytes;
  }
  const [header, ...rows] = await readTabularFile(bytes);
  return writeTabularFile('xlsx', header ?? [], rows, 'Partners');
}
