import type { Insertable, Kysely } from 'kysely';
import { LOCALES, type LocalizedText } from '../../../contracts/common.js';
import type {
  TIndicatorInput,
  TPeriodInput,
  TResultInput,
  TResultsFramework,
  TResultsFrameworkChange,
} from '../../../contracts/results-frameworks.js';
import { Permission } from '../../../contracts/roles.js';
import {
  type FrameworkProblem,
  type FrameworkProblemCode,
  findIndicatorTemplate,
  type IndicatorSource,
  type TemplateText,
  validateIndicator,
} from '../../../domain/evaluation/index.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toJson } from '../../platform/db/sql-helpers.js';
import { creationStamps } from '../../platform/db/versioned-change.js';
import { updateVersioned, type VersionedTable } from '../../platform/db/versioned-update.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import { figureForPeriod, loadSourceEvents, type SourceEvents } from './platform-figures.js';
import {
  indicatorSnapshot,
  periodSnapshot,
  presentFramework,
  resultSnapshot,
  toDomainIndicator,
} from './results-frameworks.presenter.js';
import * as repo from './results-frameworks.repository.js';
import type { IndicatorPeriodRow, ResultIndicatorRow } from './results-frameworks.tables.js';

// ---------------------------------------------------------------------------------------------
// Reading

async function requireProject(ctx: ServiceContext, db: Executor, projectId: string) {
  const project = await repo.getProject(db, ctx.actor.organizationId, projectId);
  if (!project) {
    throw notFound('Project');
  }
  return project;
}

/** The project's languages: those its title is written in (all UI languages when none match). */
function projectLanguages(titleJson: string): string[] {
  const title = parseJson<LocalizedText>(titleJson, {});
  const present = LOCALES.filter((l) => (title[l] ?? '').trim().length > 0);
  return present.length > 0 ? [...present] : [...LOCALES];
}

async function buildFramework(
  ctx: ServiceContext,
  db: Executor,
  projectId: string,
): Promise<TResultsFramework> {
  const project = await requireProject(ctx, db, projectId);
  const rows = await repo.loadFrameworkRows(db, ctx.actor.organizationId, projectId);
  const used = new Set(
    rows.indicators.map((i) => i.sourceKey).filter((s): s is IndicatorSource => s !== null),
  );
  const sources = new Map<IndicatorSource, SourceEvents>();
  for (const source of used) {
    sources.set(source, await loadSourceEvents(ctx, db, projectId, source));
  }
  return presentFramework(rows, {
    projectId,
    today: todayFor(ctx),
    languages: projectLanguages(project.titleJson),
    canWrite: can(ctx, Permission.ResultsFrameworkWrite),
    sources,
    countedAt: ctx.deps.clock.now().toISOString(),
  });
}

/**
 * A project's results framework with progress and status per period, indicator and result at the
 * organization's today, platform figures for automatic indicators, and the framework's problems.
 * @throws FORBIDDEN, NOT_FOUND (absent or another organization's project)
 */
export async function getFramework(ctx: ServiceContext, projectId: string): Promise<TResultsFramework> {
  requirePermission(ctx, Permission.ResultsFrameworkRead);
  return buildFramework(ctx, ctx.deps.db, projectId);
}

// ---------------------------------------------------------------------------------------------
// Validation on save

/**
 * Problems that make a value malformed block the save (400). Those that say the framework is
 * incomplete or inconsistent as a whole (a target still missing, a target against the direction,
 * a baseline after the first period, no indicator yet) are allowed and listed in `problems`.
 */
const NOT_BLOCKING: ReadonlySet<FrameworkProblemCode> = new Set([
  'title_required',
  'indicator_required',
  'target_required',
  'target_against_direction',
  'baseline_after_first_period',
]);

function blocking(p: FrameworkProblem) {
  return p.severity === 'error' && !NOT_BLOCKING.has(p.code);
}

function invalid(message: string, issues: { path: (string | number)[]; message: string }[]): AppError {
  return new AppError('INVALID_INPUT', message, {
    issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/** A stored indicator's row with an input applied, to validate the candidate with the domain. */
function candidateRow(base: ResultIndicatorRow | null, input: TIndicatorInput): ResultIndicatorRow {
  const now = '';
  return {
    id: base?.id ?? '',
    organizationId: '',
    projectId: '',
    resultId: '',
    templateKey: base?.templateKey ?? null,
    sortOrder: 0,
    createdAt: now,
    updatedAt: now,
    createdBy: null,
    updatedBy: null,
    version: 1,
    ...repo.indicatorColumns(input),
  };
}

function checkIndicator(
  input: TIndicatorInput,
  periods: readonly IndicatorPeriodRow[],
  base: ResultIndicatorRow | null,
) {
  const issues: { path: (string | number)[]; message: string }[] = validateIndicator(
    toDomainIndicator(candidateRow(base, input), periods),
  )
    .filter((p) => p.path[0] !== 'periods' && blocking(p))
    .map((p) => ({ path: p.path, message: p.code }));
  if (input.sourceKey !== null && input.measure !== 'unit') {
    issues.push({ path: ['sourceKey'], message: 'source_requires_unit' });
  }
  if (issues.length > 0) {
    throw invalid('The indicator is not valid', issues);
  }
}

function candidatePeriod(base: IndicatorPeriodRow | null, input: TPeriodInput): IndicatorPeriodRow {
  return {
    id: base?.id ?? '',
    organizationId: '',
    projectId: '',
    indicatorId: '',
    actualSourceKey: null,
    actualCopiedAt: null,
    createdAt: '',
    updatedAt: '',
    createdBy: null,
    updatedBy: null,
    version: 1,
    ...repo.periodColumns(input),
  };
}

async function checkPeriod(
  ctx: ServiceContext,
  trx: Executor,
  indicator: ResultIndicatorRow,
  input: TPeriodInput,
  selfId: string | null,
) {
  const siblings = await trx
    .selectFrom('indicatorPeriods')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('indicatorId', '=', indicator.id)
    .orderBy('periodStart')
    .orderBy('id')
    .execute();
  const others = siblings.filter((p) => p.id !== selfId);
  const self = selfId ? (siblings.find((p) => p.id === selfId) ?? null) : null;
  const all = [...others, candidatePeriod(self, input)];
  const index = all.length - 1;
  const issues: { path: (string | number)[]; message: string }[] = validateIndicator(
    toDomainIndicator(indicator, all),
  )
    .filter(
      (p) => p.path[0] === 'periods' && p.path[1] === index && blocking(p) && p.code !== 'periods_overlap',
    )
    .map((p) => ({ path: p.path.slice(2), message: p.code }));
  // The domain reports an overlap on the later period; here it is the new one's either way.
  if (
    input.end >= input.start &&
    others.some((p) => p.periodStart <= input.end && input.start <= p.periodEnd)
  ) {
    issues.push({ path: ['start'], message: 'periods_overlap' });
  }
  if (issues.length > 0) {
    throw invalid('The period is not valid', issues);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing: one transaction per change, audited, answered with the whole framework

type Trx = Executor;

async function change(
  ctx: ServiceContext,
  projectId: string,
  work: (trx: Trx) => Promise<string>,
): Promise<TResultsFrameworkChange> {
  requirePermission(ctx, Permission.ResultsFrameworkWrite);
  return ctx.deps.db.transaction().execute(async (trx) => {
    await requireProject(ctx, trx, projectId);
    const id = await work(trx);
    return { id, framework: await buildFramework(ctx, trx, projectId) };
  });
}

type FrameworkTable = 'projectResults' | 'resultIndicators' | 'indicatorPeriods';
type StampedColumns = 'id' | 'organizationId' | keyof ReturnType<typeof creationStamps>;

/**
 * The insert of a new row (stamped, version 1), then its reload and the audit entry with the
 * created row: the shared head of every creation in this module, as `updateAudited` is of every
 * edit. Returns the new id.
 */
async function insertAudited<K extends FrameworkTable, T>(
  ctx: ServiceContext,
  trx: Trx,
  add: {
    table: K;
    entityType: string;
    values: Omit<Insertable<Database[K]>, StampedColumns>;
    reload: (id: string) => Promise<T | undefined>;
    snapshot: (row: T) => unknown;
  },
): Promise<string> {
  const id = newId();
  // The three tables share the stamp columns; Kysely cannot type an insert into a union of tables.
  const db = trx as unknown as Kysely<Record<FrameworkTable, Record<string, unknown>>>;
  const row: Record<string, unknown> = {
    id,
    organizationId: ctx.actor.organizationId,
    ...add.values,
    ...creationStamps(ctx),
  };
  await db
    .insertInto(add.table as FrameworkTable)
    .values(row)
    .execute();
  const created = await add.reload(id);
  await recordAudit(trx, ctx, {
    action: 'create',
    entityType: add.entityType,
    entityId: id,
    after: created && add.snapshot(created),
  });
  return id;
}

async function loadOrThrow<T extends { version: number }>(
  load: () => Promise<T | undefined>,
  label: string,
  version?: number,
): Promise<T> {
  const row = await load();
  if (!row) {
    throw notFound(label);
  }
  if (version !== undefined && row.version !== version) {
    throw versionConflict(row.version);
  }
  return row;
}

/**
 * The compare-and-set of one row already loaded as `before`, then its reload and the audit entry
 * with before and after: the shared tail of every edit in this module (the framework's own
 * transaction wraps it, so `versionedChange`, which opens its own, does not fit).
 */
async function updateAudited<T>(
  ctx: ServiceContext,
  trx: Trx,
  edit: {
    table: VersionedTable;
    entityType: string;
    id: string;
    version: number;
    set: Record<string, unknown>;
    before: T;
    reload: () => Promise<T | undefined>;
    snapshot: (row: T) => unknown;
  },
): Promise<string> {
  await updateVersioned(ctx, trx, edit.table, edit.id, edit.version, edit.set);
  const after = await edit.reload();
  await recordAudit(trx, ctx, {
    action: 'update',
    entityType: edit.entityType,
    entityId: edit.id,
    before: edit.snapshot(edit.before),
    after: after && edit.snapshot(after),
  });
  return edit.id;
}

/**
 * The delete of one row the client read at `version` (404 when absent, 409 when stale or changed
 * meanwhile) and the audit entry with what it was: the shared shape of every delete in this module.
 */
async function deleteAudited<T extends { version: number }>(
  ctx: ServiceContext,
  trx: Trx,
  del: {
    table: VersionedTable & FrameworkTable;
    entityType: string;
    label: string;
    id: string;
    version: number;
    load: () => Promise<T | undefined>;
    snapshot: (row: T) => unknown;
  },
): Promise<string> {
  const before = await loadOrThrow(del.load, del.label, del.version);
  const r = await trx
    .deleteFrom(del.table)
    .where('id', '=', del.id)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('version', '=', del.version)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) {
    throw versionConflict(del.version + 1);
  }
  await recordAudit(trx, ctx, {
    action: 'delete',
    entityType: del.entityType,
    entityId: del.id,
    before: del.snapshot(before),
  });
  return del.id;
}

export function createResult(ctx: ServiceContext, projectId: string, input: TResultInput) {
  return change(ctx, projectId, async (trx) => {
    const org = ctx.actor.organizationId;
    const sortOrder = await repo.nextSortOrder(trx, org, 'projectResults', { projectId });
    return insertAudited(ctx, trx, {
      table: 'projectResults',
      entityType: 'project_result',
      values: { projectId, ...repo.resultColumns(input), sortOrder },
      reload: (id) => repo.getResult(trx, org, projectId, id),
      snapshot: resultSnapshot,
    });
  });
}

export function updateResult(
  ctx: ServiceContext,
  projectId: string,
  resultId: string,
  input: { version: number; data: TResultInput },
) {
  return change(ctx, projectId, async (trx) => {
    const org = ctx.actor.organizationId;
    const before = await loadOrThrow(
      () => repo.getResult(trx, org, projectId, resultId),
      'Result',
      input.version,
    );
    return updateAudited(ctx, trx, {
      table: 'projectResults',
      entityType: 'project_result',
      id: resultId,
      version: input.version,
      set: repo.resultColumns(input.data),
      before,
      reload: () => repo.getResult(trx, org, projectId, resultId),
      snapshot: resultSnapshot,
    });
  });
}

/** Deletes a result with its indicators, periods and evidence (the files stay for the audit trail). */
export function deleteResult(ctx: ServiceContext, projectId: string, resultId: string, version: number) {
  return change(ctx, projectId, async (trx) => {
    // Read before the delete, which takes the indicators with it.
    const indicators = await trx
      .selectFrom('resultIndicators')
      .select('id')
      .where('organizationId', '=', ctx.actor.organizationId)
      .where('resultId', '=', resultId)
      .execute();
    return deleteAudited(ctx, trx, {
      table: 'projectResults',
      entityType: 'project_result',
      label: 'Result',
      id: resultId,
      version,
      load: () => repo.getResult(trx, ctx.actor.organizationId, projectId, resultId),
      snapshot: (before) => ({ ...resultSnapshot(before), indicatorIds: indicators.map((i) => i.id) }),
    });
  });
}

async function insertIndicator(
  ctx: ServiceContext,
  trx: Trx,
  projectId: string,
  resultId: string,
  input: TIndicatorInput,
  templateKey: string | null,
) {
  const org = ctx.actor.organizationId;
  await loadOrThrow(() => repo.getResult(trx, org, projectId, resultId), 'Result');
  checkIndicator(input, [], null);
  const sortOrder = await repo.nextSortOrder(trx, org, 'resultIndicators', { resultId });
  return insertAudited(ctx, trx, {
    table: 'resultIndicators',
    entityType: 'result_indicator',
    values: { projectId, resultId, ...repo.indicatorColumns(input), templateKey, sortOrder },
    reload: (id) => repo.getIndicator(trx, org, projectId, id),
    snapshot: indicatorSnapshot,
  });
}

export function createIndicator(
  ctx: ServiceContext,
  projectId: string,
  resultId: string,
  input: TIndicatorInput,
) {
  return change(ctx, projectId, (trx) => insertIndicator(ctx, trx, projectId, resultId, input, null));
}

/**
 * Adds an indicator from one of the domain's templates (INDICATOR_TEMPLATES), its texts in the
 * project's languages, with no baseline and no periods yet.
 */
export function createIndicatorFromTemplate(
  ctx: ServiceContext,
  projectId: string,
  resultId: string,
  input: { templateKey: string },
) {
  return change(ctx, projectId, async (trx) => {
    const template = findIndicatorTemplate(input.templateKey);
    if (!template) {
      throw new AppError('INVALID_INPUT', 'Unknown indicator template', {
        issues: [{ path: ['templateKey'], message: 'unknown_template' }],
      });
    }
    const project = await requireProject(ctx, trx, projectId);
    const languages = projectLanguages(project.titleJson);
    const pick = (t: TemplateText): Record<string, string> =>
      Object.fromEntries(languages.map((l) => [l, t[l as keyof TemplateText]]).filter(([, v]) => v));
    const indicator: TIndicatorInput = {
      code: null,
      title: pick(template.title),
      description: {},
      definition: pick(template.definition),
      meansOfVerification: pick(template.meansOfVerification),
      measure: template.measure,
      ascending: template.ascending,
      aggregation: template.aggregation,
      unitLabel: template.unitLabel ? pick(template.unitLabel) : {},
      baseline: null,
      disaggregations: template.disaggregations.map((d) => ({ name: d.name, values: [...d.values] })),
      sourceKey: template.source,
    };
    return insertIndicator(ctx, trx, projectId, resultId, indicator, template.key);
  });
}

export function updateIndicator(
  ctx: ServiceContext,
  projectId: string,
  indicatorId: string,
  input: { version: number; data: TIndicatorInput },
) {
  return change(ctx, projectId, async (trx) => {
    const org = ctx.actor.organizationId;
    const before = await loadOrThrow(
      () => repo.getIndicator(trx, org, projectId, indicatorId),
      'Indicator',
      input.version,
    );
    const periods = await trx
      .selectFrom('indicatorPeriods')
      .selectAll()
      .where('organizationId', '=', org)
      .where('indicatorId', '=', indicatorId)
      .orderBy('periodStart')
      .execute();
    checkIndicator(input.data, periods, before);
    return updateAudited(ctx, trx, {
      table: 'resultIndicators',
      entityType: 'result_indicator',
      id: indicatorId,
      version: input.version,
      set: repo.indicatorColumns(input.data),
      before,
      reload: () => repo.getIndicator(trx, org, projectId, indicatorId),
      snapshot: indicatorSnapshot,
    });
  });
}

export function deleteIndicator(
  ctx: ServiceContext,
  projectId: string,
  indicatorId: string,
  version: number,
) {
  return change(ctx, projectId, (trx) =>
    deleteAudited(ctx, trx, {
      table: 'resultIndicators',
      entityType: 'result_indicator',
      label: 'Indicator',
      id: indicatorId,
      version,
      load: () => repo.getIndicator(trx, ctx.actor.organizationId, projectId, indicatorId),
      snapshot: indicatorSnapshot,
    }),
  );
}

export function createPeriod(
  ctx: ServiceContext,
  projectId: string,
  indicatorId: string,
  input: TPeriodInput,
) {
  return change(ctx, projectId, async (trx) => {
    const org = ctx.actor.organizationId;
    const indicator = await loadOrThrow(
      () => repo.getIndicator(trx, org, projectId, indicatorId),
      'Indicator',
    );
    await checkPeriod(ctx, trx, indicator, input, null);
    return insertAudited(ctx, trx, {
      table: 'indicatorPeriods',
      entityType: 'indicator_period',
      values: {
        projectId,
        indicatorId,
        ...repo.periodColumns(input),
        actualSourceKey: null,
        actualCopiedAt: null,
      },
      reload: (id) => repo.getPeriod(trx, org, projectId, id),
      snapshot: periodSnapshot,
    });
  });
}

export function updatePeriod(
  ctx: ServiceContext,
  projectId: string,
  periodId: string,
  input: { version: number; data: TPeriodInput },
) {
  return change(ctx, projectId, async (trx) => {
    const org = ctx.actor.organizationId;
    const before = await loadOrThrow(
      () => repo.getPeriod(trx, org, projectId, periodId),
      'Period',
      input.version,
    );
    const indicator = await loadOrThrow(
      () => repo.getIndicator(trx, org, projectId, before.indicatorId),
      'Indicator',
    );
    await checkPeriod(ctx, trx, indicator, input.data, periodId);
    const columns = repo.periodColumns(input.data);
    // A hand edit of the actual ends its "copied from the platform" mark; other edits keep it.
    const actualKept =
      columns.hasActual === before.hasActual &&
      columns.actualValue === before.actualValue &&
      columns.actualBreakdownJson === before.actualBreakdownJson;
    return updateAudited(ctx, trx, {
      table: 'indicatorPeriods',
      entityType: 'indicator_period',
      id: periodId,
      version: input.version,
      set: { ...columns, ...(actualKept ? {} : { actualSourceKey: null, actualCopiedAt: null }) },
      before,
      reload: () => repo.getPeriod(trx, org, projectId, periodId),
      snapshot: periodSnapshot,
    });
  });
}

export function deletePeriod(ctx: ServiceContext, projectId: string, periodId: string, version: number) {
  return change(ctx, projectId, (trx) =>
    deleteAudited(ctx, trx, {
      table: 'indicatorPeriods',
      entityType: 'indicator_period',
      label: 'Period',
      id: periodId,
      version,
      load: () => repo.getPeriod(trx, ctx.actor.organizationId, projectId, periodId),
      snapshot: periodSnapshot,
    }),
  );
}

/**
 * Copies the figure the platform counted for the period (value and breakdown) into its actual,
 * keeping the actual's comment, and marks where it came from. Audited with the figure's source.
 * @throws INVALID_STATE when the indicator has no automatic source or the source gives no figure
 */
export function copyPlatformFigure(
  ctx: ServiceContext,
  projectId: string,
  periodId: string,
  input: { version: number },
) {
  return change(ctx, projectId, async (trx) => {
    const org = ctx.actor.organizationId;
    const before = await loadOrThrow(
      () => repo.getPeriod(trx, org, projectId, periodId),
      'Period',
      input.version,
    );
    const indicator = await loadOrThrow(
      () => repo.getIndicator(trx, org, projectId, before.indicatorId),
      'Indicator',
    );
    if (indicator.sourceKey === null) {
      throw new AppError('INVALID_STATE', 'The indicator has no automatic source', { reason: 'no_source' });
    }
    const events = await loadSourceEvents(ctx, trx, projectId, indicator.sourceKey);
    if (!events.available) {
      throw new AppError('INVALID_STATE', 'The source has no figure yet', { reason: 'source_not_available' });
    }
    const domain = toDomainIndicator(indicator, []);
    const figure = figureForPeriod(events, before.periodStart, before.periodEnd, domain.disaggregations);
    const copiedAt = ctx.deps.clock.now().toISOString();
    await updateVersioned(ctx, trx, 'indicatorPeriods', periodId, input.version, {
      hasActual: 1,
      actualValue: figure.value,
      actualBreakdownJson: toJson(figure.breakdown),
      actualSourceKey: indicator.sourceKey,
      actualCopiedAt: copiedAt,
    });
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'indicator_period',
      entityId: periodId,
      before: {
        actual: before.hasActual ? before.actualValue : null,
        breakdown: parseJson(before.actualBreakdownJson, []),
      },
      after: {
        actual: figure.value,
        breakdown: figure.breakdown,
        source: indicator.sourceKey,
        contributors: figure.contributors.map((c) => ({ kind: c.kind, id: c.id, count: c.count })),
      },
      reason: `copied_from_platform:${indicator.sourceKey}`,
    });
    return periodId;
  });
}
