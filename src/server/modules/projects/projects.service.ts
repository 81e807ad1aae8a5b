import {
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type TFindProjectsQuery,
  type TProject,
  type TProjectInput,
  type TProjectPage,
  type TProjectPortfolio,
} from '../../../contracts/projects.js';
import { Permission } from '../../../contracts/roles.js';
import { totalsByCurrency } from '../../../domain/projects/money.js';
import {
  effectiveBudgetTotals,
  type Issue,
  projectInputIssues,
  spendingAgainstBudget,
} from '../../../domain/projects/project-rules.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import {
  creationStamps,
  type VersionedEntity,
  versionedChange,
  versionedCreate,
} from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { existingPartnerIds } from '../partners/partners.repository.js';
import { auditSnapshot, presentProject, presentProjectSummary } from './projects.presenter.js';
import * as repo from './projects.repository.js';

function abilitiesFor(ctx: ServiceContext): TProject['abilities'] {
  const write = can(ctx, Permission.ProjectWrite);
  return { update: write, archive: write };
}

export async function findProjects(ctx: ServiceContext, q: TFindProjectsQuery) {
  requirePermission(ctx, Permission.ProjectRead);
  const { rows, total } = await repo.findProjects(ctx.deps.db, ctx.actor.organizationId, q);
  const children = await repo.summaryChildrenOf(
    ctx.deps.db,
    ctx.actor.organizationId,
    rows.map((r) => r.id),
  );
  return {
    data: rows.map((r) => presentProjectSummary(r, children)),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

/** Counts by type, status and country, and the total budget per currency, of the filtered projects. */
export async function getPortfolio(ctx: ServiceContext, f: repo.ProjectFilters): Promise<TProjectPortfolio> {
  requirePermission(ctx, Permission.ProjectRead);
  const r = await repo.portfolio(ctx.deps.db, ctx.actor.organizationId, f);
  const count = (rows: { count: number | string | bigint }[]) =>
    rows.reduce((n, x) => n + Number(x.count), 0);
  const byProject = new Map<string, typeof r.budgets>();
  for (const b of r.budgets) {
    byProject.set(b.projectId, [...(byProject.get(b.projectId) ?? []), b]);
  }
  const perProject = [...byProject.values()].flatMap((budgets) =>
    effectiveBudgetTotals(
      budgets.map((b) => ({ ...b, type: b.type as '1' | '2', valueMinor: Number(b.valueMinor) })),
    ),
  );
  return {
    total: count(r.byType),
    byType: r.byType
      .filter((x) => (PROJECT_TYPES as readonly string[]).includes(x.type))
      .map((x) => ({ type: x.type as TProject['type'], count: Number(x.count) })),
    byStatus: r.byStatus
      .filter((x) => (PROJECT_STATUSES as readonly string[]).includes(x.status))
      .map((x) => ({ status: x.status as TProject['status'], count: Number(x.count) })),
    byCountry: r.byCountry.map((x) => ({ country: x.country, count: Number(x.count) })),
    budgetByCurrency: totalsByCurrency(perProject),
  };
}

async function loadProject(ctx: ServiceContext, db: Executor, id: string): Promise<TProject> {
  const row = await repo.getProject(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('Project');
  }
  const [summary, detail] = await Promise.all([
    repo.summaryChildrenOf(db, ctx.actor.organizationId, [id]),
    repo.detailChildrenOf(db, ctx.actor.organizationId, id),
  ]);
  return presentProject(row, summary, detail, abilitiesFor(ctx));
}

/** @throws NOT_FOUND when absent or in another organization */
export async function getProject(ctx: ServiceContext, id: string): Promise<TProject> {
  requirePermission(ctx, Permission.ProjectRead);
  return loadProject(ctx, ctx.deps.db, id);
}

/** The project page: the project, its sub-projects, and spent against budget per currency. */
export async function getProjectPage(ctx: ServiceContext, id: string): Promise<TProjectPage> {
  requirePermission(ctx, Permission.ProjectRead);
  const project = await loadProject(ctx, ctx.deps.db, id);
  const subs = await findProjects(ctx, {
    parentId: id,
    archived: 'all',
    sort: 'plannedStart',
    page: 1,
    pageSize: 200,
  });
  return {
    project,
    subProjects: subs.data,
    spending: spendingAgainstBudget(project.budgets, project.transactions),
  };
}

function invalid(issues: Issue[]): AppError {
  return new AppError('INVALID_INPUT', 'The project is not valid', {
    issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/**
 * The rules of the domain plus what only the database knows: the code is free in the
 * organization, and partners, agreements, the responsible person and the parent programme
 * belong to it (a parent never below the project itself).
 */
async function check(ctx: ServiceContext, trx: Executor, input: TProjectInput, selfId: string | null) {
  const orgId = ctx.actor.organizationId;
  const issues = projectInputIssues(input);
  if (issues.length > 0) {
    throw invalid(issues);
  }
  if (await repo.codeTaken(trx, orgId, input.code, selfId)) {
    throw new AppError('ALREADY_EXISTS', 'Project code already used', {
      issues: [{ path: ['code'], message: 'code_taken' }],
    });
  }
  const partnerIds = input.participants.map((p) => p.partnerId).filter((id): id is string => id !== null);
  const knownPartners = await existingPartnerIds(trx, orgId, [...new Set(partnerIds)]);
  input.participants.forEach((p, i) => {
    if (p.partnerId && !knownPartners.has(p.partnerId)) {
      issues.push({ path: ['participants', i, 'partnerId'], message: 'unknown_partner' });
    }
  });
  const knownAgreements = await repo.existingAgreementIds(trx, orgId, input.agreementIds);
  input.agreementIds.forEach((id, i) => {
    if (!knownAgreements.has(id)) {
      issues.push({ path: ['agreementIds', i], message: 'unknown_agreement' });
    }
  });
  if (input.responsibleUserId && !(await repo.isActiveMember(trx, orgId, input.responsibleUserId))) {
    issues.push({ path: ['responsibleUserId'], message: 'unknown_user' });
  }
  if (input.parentId) {
    const parent = await repo.getProject(trx, orgId, input.parentId);
    const cycle =
      selfId !== null &&
      (input.parentId === selfId || (await repo.ancestorIds(trx, orgId, input.parentId)).includes(selfId));
    if (!parent) {
      issues.push({ path: ['parentId'], message: 'unknown_project' });
    } else if (cycle) {
      issues.push({ path: ['parentId'], message: 'parent_cycle' });
    }
  }
  if (issues.length > 0) {
    throw invalid(issues);
  }
}

const projectEntity: VersionedEntity<TProject> = {
  table: 'projects',
  entityType: 'project',
  load: loadProject,
  snapshot: auditSnapshot,
};

export async function createProject(ctx: ServiceContext, input: TProjectInput): Promise<TProject> {
  requirePermission(ctx, Permission.ProjectWrite);
  return versionedCreate(ctx, projectEntity, async (trx) => {
    await check(ctx, trx, input, null);
    const id = newId();
    await trx
      .insertInto('projects')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        ...repo.projectColumns(input),
        ...creationStamps(ctx),
      })
      .execute();
    await repo.replaceChildren(trx, ctx.actor.organizationId, id, input);
    return id;
  });
}

export async function updateProject(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TProjectInput },
) {
  requirePermission(ctx, Permission.ProjectWrite);
  return versionedChange(ctx, projectEntity, id, input.version, {
    set: async (trx) => {
      await check(ctx, trx, input.data, id);
      return repo.projectColumns(input.data);
    },
    afterSet: (trx) => repo.replaceChildren(trx, ctx.actor.organizationId, id, input.data),
  });
}

/** Archiving hides a project from lists and the portfolio but keeps it and its history. */
export async function archiveProject(
  ctx: ServiceContext,
  id: string,
  input: { version: number; archived: boolean },
) {
  requirePermission(ctx, Permission.ProjectWrite);
  return versionedChange(
    ctx,
    projectEntity,
    id,
    input.version,
    { set: () => ({ archivedAt: input.archived ? ctx.deps.clock.now().toISOString() : null }) },
    { action: input.archived ? 'archive' : 'restore', snapshot: (p) => ({ archived: p.archived }) },
  );
}
