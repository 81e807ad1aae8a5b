import {
  IATI_IMPORT_MAX_ACTIVITIES,
  type TIatiImportActivity,
  type TIatiImportPlanItem,
  type TIatiImportPreview,
  type TIatiImportResult,
  type TIatiProblem,
  ZIatiImportPlanItem,
} from '../../../contracts/iati.js';
import { type TProjectInput, ZProjectInput } from '../../../contracts/projects.js';
import { Permission } from '../../../contracts/roles.js';
import {
  activityToProjectPlan,
  type ImportPlan,
  normaliseOrgRef,
} from '../../../domain/iati/project-mapping.js';
import { projectInputIssues } from '../../../domain/projects/project-rules.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError } from '../../platform/errors.js';
import { type IatiImportMessage, parseIatiActivities } from '../../platform/iati/xml-reader.js';
import { newId } from '../../platform/ids.js';
import { insertPartner } from '../partners/partners.service.js';
import * as projectsRepo from '../projects/projects.repository.js';
import * as rfRepo from '../results-frameworks/results-frameworks.repository.js';
import * as repo from './iati.repository.js';

interface PlannedActivity {
  plan: ImportPlan;
  item: TIatiImportPlanItem;
  path: string;
  code: string;
  /** The full project input the import writes (existing non-IATI fields kept on update). */
  input: TProjectInput | null;
  /** The project already has a results framework: the file's results are not imported. */
  keepResults: boolean;
  view: TIatiImportActivity;
}

interface Analysis {
  version: string | null;
  fileErrors: TIatiProblem[];
  fileWarnings: TIatiProblem[];
  activities: PlannedActivity[];
  canImport: boolean;
}

const msg = (m: IatiImportMessage, severity: TIatiProblem['severity']): TIatiProblem => ({
  path: m.path,
  code: m.code,
  severity,
  message: m.message,
  ...(m.value === undefined ? {} : { value: m.value }),
  ...(m.line === undefined ? {} : { line: m.line }),
});

/** An upload that is not XML text at all (a PDF, a spreadsheet, a binary) is refused outright. */
function checkContent(bytes: Buffer) {
  const head = bytes
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!head.startsWith('<')) {
    throw new AppError('FILE_REJECTED', 'The file is not an XML document', { reason: 'not_xml' });
  }
}

/** Reads the file and works out, against the current data, what importing it would do. */
async function analyse(ctx: ServiceContext, db: Executor, bytes: Buffer): Promise<Analysis> {
  checkContent(bytes);
  const orgId = ctx.actor.organizationId;
  const parsed = parseIatiActivities(new Uint8Array(bytes));
  const fileErrors = parsed.errors.map((e) => msg(e, 'error'));
  const activityPaths = new Map<string, number>();
  if (parsed.activities.length > IATI_IMPORT_MAX_ACTIVITIES) {
    fileErrors.push({
      path: '/iati-activities',
      code: 'too_many_activities',
      severity: 'error',
      message: `The file holds ${parsed.activities.length} activities; at most ${IATI_IMPORT_MAX_ACTIVITIES} are imported at once`,
      value: String(parsed.activities.length),
    });
  }
  const [org, lookups] = await Promise.all([repo.getOrganization(db, orgId), repo.importLookups(db, orgId)]);
  const ownOrgId = org?.iatiOrgId ?? null;
  const usedCodes = new Set(lookups.projectIdByCode.keys());
  const seenIdentifiers = new Set<string>();
  const activities: PlannedActivity[] = [];
  const assigned = new Set<string>();

  parsed.activities.forEach((activity, index) => {
    const path = `/iati-activities/iati-activity[${index + 1}]`;
    activityPaths.set(path, index);
    const plan = activityToProjectPlan(activity, {
      ownOrgId,
      partnerIdsByRef: lookups.partnerIdsByRef,
      path,
    });
    // Matching: the identifier kept from an earlier import, else the college's own `<org-id>-<code>`.
    let projectId = lookups.linkByIdentifier.get(activity.identifier) ?? null;
    if (!projectId && ownOrgId && activity.identifier.startsWith(`${ownOrgId}-`)) {
      projectId = lookups.projectIdByCode.get(activity.identifier.slice(ownOrgId.length + 1)) ?? null;
    }
    const existing = projectId ? (lookups.projects.get(projectId) ?? null) : null;
    if (seenIdentifiers.has(activity.identifier)) {
      plan.errors.push({
        path: `${path}/iati-identifier`,
        code: 'duplicate_identifier',
        severity: 'error',
        message: 'Another activity of the file has the same iati-identifier',
        value: activity.identifier,
      });
    }
    seenIdentifiers.add(activity.identifier);
    if (existing && assigned.has(existing.id)) {
      plan.errors.push({
        path: `${path}/iati-identifier`,
        code: 'duplicate_identifier',
        severity: 'error',
        message: 'Two activities of the file match the same project',
        value: activity.identifier,
      });
    }
    if (existing) {
      assigned.add(existing.id);
    }
    let code = existing?.code ?? plan.suggestedCode;
    if (!existing) {
      let n = 1;
      const base = code.slice(0, 45);
      while (usedCodes.has(code)) {
        n++;
        code = `${base}-${n}`;
      }
      usedCodes.add(code);
      if (code !== activity.identifier && code !== plan.suggestedCode) {
        plan.warnings.push({
          path: `${path}/iati-identifier`,
          code: 'code_adjusted',
          severity: 'warning',
          message: `The project code '${plan.suggestedCode}' is taken; the project is created as '${code}'`,
          value: code,
        });
      }
    }
    activities.push({
      plan,
      path,
      code,
      input: null,
      keepResults: false,
      item: {
        identifier: activity.identifier,
        action: existing ? 'update' : 'create',
        projectId: existing?.id ?? null,
        projectVersion: existing?.version ?? null,
      },
      view: null as unknown as TIatiImportActivity,
    });
  });

  // Parser warnings go to their activity; the others are the file's.
  const fileWarnings: TIatiProblem[] = [];
  const parserWarnings = new Map<number, TIatiProblem[]>();
  for (const w of parsed.warnings) {
    const m = /^(\/iati-activities\/iati-activity\[\d+\])/.exec(w.path);
    const index = m ? activityPaths.get(m[1] as string) : undefined;
    if (index === undefined) {
      fileWarnings.push(msg(w, 'warning'));
    } else {
      parserWarnings.set(index, [...(parserWarnings.get(index) ?? []), msg(w, 'warning')]);
    }
  }

  for (const [i, a] of activities.entries()) {
    const existing = a.item.projectId ? await loadExistingInput(ctx, db, a.item.projectId) : null;
    const participants = a.plan.participants.map((p) => ({
      partnerId: p.kind === 'partner' ? p.partnerId : p.kind === 'new_partner' ? `new:${p.ref}` : null,
      role: p.role as TProjectInput['participants'][number]['role'],
    }));
    const candidate = {
      ...(existing ?? {
        parentId: null,
        type: 'other' as const,
        baseLocation: null,
        responsibleUserId: null,
        agreementIds: [],
      }),
      ...a.plan.fields,
      code: a.code,
      participants,
    };
    const parsedInput = ZProjectInput.safeParse(candidate);
    if (parsedInput.success) {
      a.input = parsedInput.data;
      for (const issue of projectInputIssues(parsedInput.data)) {
        a.plan.errors.push(projectIssue(a.path, issue.path, issue.message));
      }
    } else {
      for (const issue of parsedInput.error.issues) {
        a.plan.errors.push(projectIssue(a.path, issue.path, issue.message));
      }
    }
    a.keepResults =
      a.item.projectId !== null &&
      a.plan.results.length > 0 &&
      (await repo.projectHasResults(db, orgId, a.item.projectId));
    if (a.keepResults) {
      a.plan.warnings.push({
        path: `${a.path}/result`,
        code: 'results_kept',
        severity: 'warning',
        message: 'The project already has a results framework; the results of the file are not imported',
      });
    }
    a.view = {
      ...a.item,
      path: a.path,
      code: a.code,
      title: a.plan.fields.title,
      status: a.plan.fields.status,
      countries: a.plan.fields.countries.map((c) => c.country),
      sectors: a.plan.fields.sectors.map((s) => s.code),
      budgets: a.plan.fields.budgets.length,
      transactions: a.plan.fields.transactions.length,
      results: a.keepResults ? 0 : a.plan.results.length,
      participants: [
        ...a.plan.participants.map((p) => ({
          role: p.role,
          name: p.name,
          ref: p.ref,
          match: p.kind,
        })),
        ...a.plan.extras.participants.map((p) => ({
          role: p.role,
          name: p.narratives.find((n) => n.text.trim() !== '')?.text.trim() ?? p.ref ?? '',
          ref: p.ref,
          match: 'narrative_only' as const,
        })),
      ],
      warnings: [...(parserWarnings.get(i) ?? []), ...a.plan.warnings],
      errors: a.plan.errors,
    };
  }
  const canImport =
    parsed.activities.length > 0 &&
    fileErrors.length === 0 &&
    activities.every((a) => a.plan.errors.length === 0);
  return { version: parsed.version, fileErrors, fileWarnings, activities, canImport };
}

function projectIssue(base: string, path: readonly PropertyKey[], message: string): TIatiProblem {
  return {
    path: `${base} (${path.map(String).join('.') || 'project'})`,
    code: 'project_invalid',
    severity: 'error',
    message: `The project would not be valid: ${message}`,
    value: message,
  };
}

/** The input of an existing project, so that an update keeps what IATI does not carry. */
async function loadExistingInput(ctx: ServiceContext, db: Executor, projectId: string) {
  const orgId = ctx.actor.organizationId;
  const row = await projectsRepo.getProject(db, orgId, projectId);
  if (!row) {
    return null;
  }
  const agreements = await db
    .selectFrom('projectAgreements')
    .select('agreementId')
    .where('organizationId', '=', orgId)
    .where('projectId', '=', projectId)
    .execute();
  return {
    parentId: row.parentId,
    type: row.type as TProjectInput['type'],
    baseLocation: row.baseLocation,
    responsibleUserId: row.responsibleUserId,
    agreementIds: agreements.map((a) => a.agreementId),
  };
}

function toPreview(fileName: string, a: Analysis): TIatiImportPreview {
  return {
    fileName,
    version: a.version,
    canImport: a.canImport,
    fileErrors: a.fileErrors,
    fileWarnings: a.fileWarnings,
    activities: a.activities.map((x) => x.view),
  };
}

/** Reads an activity file and shows what an import would create or update; writes nothing. */
export async function previewImport(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
): Promise<TIatiImportPreview> {
  requirePermission(ctx, Permission.IatiImport);
  requirePermission(ctx, Permission.ProjectWrite);
  return toPreview(fileName, await analyse(ctx, ctx.deps.db, bytes));
}

/** The plan the preview showed, sent back by the client: JSON of TIatiImportPlanItem[]. */
export function parseExpectedPlan(text: string | undefined): TIatiImportPlanItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    value = undefined;
  }
  const parsed = ZIatiImportPlanItem.array().safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      'Send the plan the preview showed in the field "plan", before the file',
      {
        reason: 'plan_required',
      },
    );
  }
  return parsed.data;
}

/**
 * Imports every activity in one transaction, or nothing. The file is analysed again inside the
 * transaction; when what it would do differs from the preview the user confirmed (a project was
 * created, changed or deleted meanwhile) nothing is written.
 * @throws AppError IMPORT_INVALID with every problem; VERSION_CONFLICT (reason iati_import_stale)
 */
export async function runImport(
  ctx: ServiceContext,
  fileName: string,
  bytes: Buffer,
  expected: TIatiImportPlanItem[],
): Promise<TIatiImportResult> {
  requirePermission(ctx, Permission.IatiImport);
  requirePermission(ctx, Permission.ProjectWrite);
  const orgId = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const analysis = await analyse(ctx, trx, bytes);
    if (!analysis.canImport) {
      throw new AppError('IMPORT_INVALID', 'The IATI file cannot be imported', {
        problems: [...analysis.fileErrors, ...analysis.activities.flatMap((a) => a.view.errors)],
      });
    }
    const key = (p: TIatiImportPlanItem) => `${p.identifier}|${p.action}|${p.projectId}|${p.projectVersion}`;
    const expectedKeys = new Map(expected.map((p) => [p.identifier, key(p)]));
    const changes = analysis.activities
      .filter((a) => expectedKeys.get(a.item.identifier) !== key(a.item))
      .map((a) => ({
        identifier: a.item.identifier,
        now: a.item,
        expected: expected.find((e) => e.identifier === a.item.identifier) ?? null,
      }));
    if (changes.length > 0 || expected.length !== analysis.activities.length) {
      throw new AppError(
        'VERSION_CONFLICT',
        'The projects changed since the preview; preview the file again',
        {
          reason: 'iati_import_stale',
          changes,
        },
      );
    }

    const now = ctx.deps.clock.now().toISOString();
    const newPartnerIds = new Map<string, string>();
    let partnersCreated = 0;
    let resultsCount = 0;
    const created: TIatiImportResult['created'] = [];
    const updated: TIatiImportResult['updated'] = [];
    for (const a of analysis.activities) {
      const input = a.input as TProjectInput;
      // Partners the file names by org-id and the platform does not know yet.
      for (const p of a.plan.participants) {
        if (p.kind !== 'new_partner' || newPartnerIds.has(normaliseOrgRef(p.ref))) {
          continue;
        }
        const id = await insertPartner(ctx, trx, p.partner);
        newPartnerIds.set(normaliseOrgRef(p.ref), id);
        partnersCreated++;
        await recordAudit(trx, ctx, {
          action: 'create',
          entityType: 'partner',
          entityId: id,
          after: p.partner,
          reason: `IATI import ${fileName}`,
        });
      }
      const data: TProjectInput = {
        ...input,
        participants: input.participants.map((p) => ({
          role: p.role,
          partnerId: p.partnerId?.startsWith('new:')
            ? (newPartnerIds.get(normaliseOrgRef(p.partnerId.slice(4))) ?? null)
            : p.partnerId,
        })),
      };
      let projectId: string;
      if (a.item.action === 'update' && a.item.projectId && a.item.projectVersion !== null) {
        projectId = a.item.projectId;
        await updateVersioned(
          ctx,
          trx,
          'projects',
          projectId,
          a.item.projectVersion,
          projectsRepo.projectColumns(data),
        );
        await projectsRepo.replaceChildren(trx, orgId, projectId, data);
        updated.push({ identifier: a.item.identifier, projectId });
      } else {
        projectId = newId();
        await trx
          .insertInto('projects')
          .values({
            id: projectId,
            organizationId: orgId,
            ...projectsRepo.projectColumns(data),
            createdAt: now,
            updatedAt: now,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
            version: 1,
          })
          .execute();
        await projectsRepo.replaceChildren(trx, orgId, projectId, data);
        created.push({ identifier: a.item.identifier, projectId });
      }
      await repo.upsertLink(trx, {
        organizationId: orgId,
        projectId,
        iatiIdentifier: a.item.identifier,
        extras: a.plan.extras,
        sourceFileName: fileName,
        importedAt: now,
        importedBy: ctx.actor.userId,
      });
      const results = a.keepResults ? [] : a.plan.results;
      await insertResults(ctx, trx, projectId, results, now);
      resultsCount += results.length;
      await recordAudit(trx, ctx, {
        action: a.item.action === 'update' ? 'update' : 'create',
        entityType: 'project',
        entityId: projectId,
        after: { ...data, iatiIdentifier: a.item.identifier, results: results.length },
        reason: `IATI import ${fileName}`,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'import',
      entityType: 'iati_activities',
      entityId: null,
      after: {
        fileName,
        version: analysis.version,
        created: created.map((c) => c.identifier),
        updated: updated.map((c) => c.identifier),
        partnersCreated,
        results: resultsCount,
      },
    });
    return { created, updated, partnersCreated, results: resultsCount };
  });
}

/** Writes results → indicators → periods, as the results-frameworks module stores them. */
async function insertResults(
  ctx: ServiceContext,
  trx: Executor,
  projectId: string,
  results: ImportPlan['results'],
  now: string,
) {
  const orgId = ctx.actor.organizationId;
  const stamps = {
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
    version: 1,
  };
  let resultOrder = await rfRepo.nextSortOrder(trx, orgId, 'projectResults', { projectId });
  for (const tree of results) {
    const resultId = newId();
    await trx
      .insertInto('projectResults')
      .values({
        id: resultId,
        organizationId: orgId,
        projectId,
        ...rfRepo.resultColumns(tree.result),
        sortOrder: resultOrder++,
        ...stamps,
      })
      .execute();
    let indicatorOrder = 1;
    for (const { indicator, periods } of tree.indicators) {
      const indicatorId = newId();
      await trx
        .insertInto('resultIndicators')
        .values({
          id: indicatorId,
          organizationId: orgId,
          projectId,
          resultId,
          ...rfRepo.indicatorColumns(indicator),
          templateKey: null,
          sortOrder: indicatorOrder++,
          ...stamps,
        })
        .execute();
      for (const period of periods) {
        await trx
          .insertInto('indicatorPeriods')
          .values({
            id: newId(),
            organizationId: orgId,
            projectId,
            indicatorId,
            ...rfRepo.periodColumns(period),
            actualSourceKey: null,
            actualCopiedAt: null,
            ...stamps,
          })
          .execute();
      }
    }
  }
}
