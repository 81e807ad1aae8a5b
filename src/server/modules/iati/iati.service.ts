import { createHash } from 'node:crypto';
import type {
  TIatiExportPreview,
  TIatiExportRequest,
  TIatiProblem,
  TIatiPublisher,
} from '../../../contracts/iati.js';
import { Permission } from '../../../contracts/roles.js';
import type { IatiProblem } from '../../../domain/iati/codelists.js';
import {
  exportIdentifier,
  type IatiPublisher,
  projectToIatiActivity,
} from '../../../domain/iati/project-mapping.js';
import { buildIatiActivitiesXml } from '../../../domain/iati/xml-writer.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { validateIatiActivitiesXml } from '../../platform/iati/validate-xsd.js';
import { todayFor } from '../../platform/today.js';
import * as repo from './iati.repository.js';

/**
 * The college as IATI reporting organisation. The platform serves technical and vocational
 * colleges, so the OrganisationType is 80 (Academic, Training and Research).
 */
export const REPORTING_ORG_TYPE = '80';

/** Where the web lets an administrator set the org-id (told in the iati_org_id_missing error). */
export const PUBLISHER_SETTINGS_PATH = '/projects/iati#publisher';

export async function getPublisher(ctx: ServiceContext): Promise<TIatiPublisher> {
  requirePermission(ctx, Permission.ProjectRead);
  const org = await repo.getOrganization(ctx.deps.db, ctx.actor.organizationId);
  if (!org) {
    throw notFound('Organization');
  }
  return {
    organizationId: org.id,
    name: org.name,
    iatiOrgId: org.iatiOrgId,
    reportingOrgType: REPORTING_ORG_TYPE,
    version: Number(org.version),
    abilities: {
      update: can(ctx, Permission.OrganizationManage),
      export: can(ctx, Permission.IatiExport),
      import: can(ctx, Permission.IatiImport),
    },
  };
}

/** Sets the college's IATI organisation identifier (compare-and-set on the organization's version). */
export async function updatePublisher(
  ctx: ServiceContext,
  input: { version: number; iatiOrgId: string },
): Promise<TIatiPublisher> {
  requirePermission(ctx, Permission.OrganizationManage);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const before = await repo.getOrganization(trx, ctx.actor.organizationId);
    if (!before) {
      throw notFound('Organization');
    }
    const r = await trx
      .updateTable('organizations')
      .set({
        iatiOrgId: input.iatiOrgId,
        updatedAt: ctx.deps.clock.now().toISOString(),
        version: input.version + 1,
      })
      .where('id', '=', ctx.actor.organizationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw versionConflict(Number(before.version));
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'organization',
      entityId: ctx.actor.organizationId,
      before: { iatiOrgId: before.iatiOrgId },
      after: { iatiOrgId: input.iatiOrgId },
    });
  });
  return getPublisher(ctx);
}

// ---------------------------------------------------------------------------------------------
// Export

export interface BuiltExport {
  preview: TIatiExportPreview;
  xml: string;
  projectIds: string[];
}

const toWire = (p: IatiProblem): TIatiProblem => ({
  path: p.path,
  code: p.code,
  severity: p.severity,
  message: p.message,
  ...(p.value === undefined ? {} : { value: p.value }),
  ...(p.codelist === undefined ? {} : { codelist: p.codelist }),
});

/** 1-based line numbers where each `<iati-activity` element starts in the written document. */
function activityStartLines(xml: string): number[] {
  const starts: number[] = [];
  xml.split('\n').forEach((line, i) => {
    if (/^\s*<iati-activity[\s>/]/.test(line)) {
      starts.push(i + 1);
    }
  });
  return starts;
}

/**
 * Builds the activity file of the chosen projects and checks it: the mapping, the codelists and
 * the IATI rules per project, then the whole document against the IATI 2.03 XSD (schema errors are
 * attributed to the project whose activity holds the line).
 * @throws AppError INVALID_STATE (reason iati_org_id_missing) when the college has no org-id
 * @throws AppError NOT_FOUND when a chosen project is not in the organization
 */
export async function buildExport(ctx: ServiceContext, request: TIatiExportRequest): Promise<BuiltExport> {
  requirePermission(ctx, Permission.IatiExport);
  requirePermission(ctx, Permission.ProjectRead);
  const orgId = ctx.actor.organizationId;
  const db = ctx.deps.db;
  const org = await repo.getOrganization(db, orgId);
  if (!org) {
    throw notFound('Organization');
  }
  if (!org.iatiOrgId) {
    throw new AppError(
      'INVALID_STATE',
      `The college has no IATI organisation identifier; an administrator sets it at ${PUBLISHER_SETTINGS_PATH}`,
      { reason: 'iati_org_id_missing', settingsPath: PUBLISHER_SETTINGS_PATH },
    );
  }
  const selection = request.scope === 'all' ? null : [...new Set(request.projectIds)];
  if (selection !== null && selection.length === 0) {
    throw new AppError('INVALID_INPUT', 'Choose at least one project', {
      issues: [{ path: ['projectIds'], message: 'projects_required' }],
    });
  }
  const ids = await repo.exportProjectIds(db, orgId, selection);
  if (selection !== null && ids.length !== selection.length) {
    throw notFound('Project');
  }
  const publisher: IatiPublisher = { orgId: org.iatiOrgId, name: org.name, type: REPORTING_ORG_TYPE };
  const projects = await repo.loadExportProjects(db, orgId, ids, org.iatiOrgId);
  const mapped = projects.map((p) => ({ project: p, ...projectToIatiActivity(p, publisher) }));
  const now = ctx.deps.clock.now();
  const xml = buildIatiActivitiesXml(
    mapped.map((m) => m.activity),
    { generatedDatetime: now.toISOString().replace(/\.\d{3}Z$/, 'Z') },
  );
  const documentProblems: TIatiProblem[] = [];
  const perProject: TIatiProblem[][] = mapped.map((m) => m.problems.map(toWire));
  if (mapped.length === 0) {
    documentProblems.push({
      path: 'iati-activities',
      code: 'no_projects',
      severity: 'error',
      message: 'There is no project to export',
    });
  }
  const xsd = await validateIatiActivitiesXml(xml);
  const starts = activityStartLines(xml);
  for (const e of xsd.errors) {
    const index = e.line === null ? -1 : starts.findLastIndex((s) => s <= (e.line as number));
    const problem: TIatiProblem = {
      path: `${index >= 0 ? `iati-activity` : 'iati-activities'}${e.element ? `/${e.element}` : ''}`,
      code: e.kind === 'parser' ? 'xml_not_well_formed' : 'xsd_invalid',
      severity: 'error',
      message: e.message,
      ...(e.line === null ? {} : { line: e.line }),
    };
    const bucket = index >= 0 ? perProject[index] : undefined;
    if (bucket) {
      bucket.push(problem);
    } else {
      documentProblems.push(problem);
    }
  }
  const all = [...documentProblems, ...perProject.flat()];
  const errorCount = all.filter((p) => p.severity === 'error').length;
  const fileName = `${org.iatiOrgId}-activities-${todayFor(ctx)}.xml`;
  return {
    xml,
    projectIds: ids,
    preview: {
      valid: errorCount === 0 && xsd.valid,
      fileName,
      errorCount,
      warningCount: all.length - errorCount,
      documentProblems,
      activities: mapped.map((m, i) => ({
        projectId: m.project.id,
        code: m.project.code,
        title: m.project.title,
        identifier: exportIdentifier(m.project, publisher.orgId),
        problems: perProject[i] ?? [],
      })),
    },
  };
}

/** The checks of an export without the file: problems per project. */
export async function previewExport(
  ctx: ServiceContext,
  request: TIatiExportRequest,
): Promise<TIatiExportPreview> {
  return (await buildExport(ctx, request)).preview;
}

/**
 * The activity file, only when it passed every check; the export is audited.
 * @throws AppError INVALID_STATE (reason iati_export_invalid, with the preview) when it did not
 */
export async function downloadExport(
  ctx: ServiceContext,
  request: TIatiExportRequest,
): Promise<{ fileName: string; xml: string }> {
  const built = await buildExport(ctx, request);
  if (!built.preview.valid) {
    throw new AppError('INVALID_STATE', 'The IATI file does not validate; see the problems per project', {
      reason: 'iati_export_invalid',
      errorCount: built.preview.errorCount,
      preview: built.preview,
    });
  }
  await recordAudit(ctx.deps.db, ctx, {
    action: 'export',
    entityType: 'iati_activities',
    entityId: null,
    after: {
      fileName: built.preview.fileName,
      scope: request.scope,
      projectIds: built.projectIds,
      identifiers: built.preview.activities.map((a) => a.identifier),
      sha256: createHash('sha256').update(built.xml).digest('hex'),
    },
  });
  return { fileName: built.preview.fileName, xml: built.xml };
}
