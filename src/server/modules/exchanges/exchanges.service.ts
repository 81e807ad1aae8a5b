import type {
  ChecklistCode,
  TFindMobilitiesQuery,
  TMobility,
  TMobilityCounts,
  TMobilityCountsQuery,
  TMobilityInput,
  TTransitionMobilityRequest,
} from '../../../contracts/exchanges.js';
import { MOBILITY_CATEGORIES, MOBILITY_DIRECTIONS, MOBILITY_STAGES } from '../../../contracts/exchanges.js';
import { Permission } from '../../../contracts/roles.js';
import { canSubmitReport, checkTransition, defaultChecklist } from '../../../domain/mobilities/workflow.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { todayFor } from '../../platform/today.js';
import {
  auditSnapshot,
  type PartnerInfo,
  presentMobility,
  presentMobilitySummary,
} from './exchanges.presenter.js';
import * as repo from './exchanges.repository.js';
import type { MobilityRow } from './exchanges.tables.js';

/** English labels of the default checklist items, stored with each item (the web translates the code). */
const CHECKLIST_LABELS: Record<ChecklistCode, string> = {
  passport_valid: 'Passport valid for 6 months after return',
  visa: 'Visa obtained',
  travel_insurance: 'Travel and health insurance',
  flight_booked: 'Flights booked',
  fao_approval: 'Foreign affairs office approval',
  work_plan: 'Work or teaching plan agreed',
  learning_agreement: 'Learning agreement signed',
  agenda_confirmed: 'Agenda confirmed with the host',
  invitation_letter_issued: 'Invitation letter issued',
  visa_support: 'Visa support documents sent',
  accommodation: 'Accommodation booked',
  airport_pickup: 'Airport pickup arranged',
  local_registration: 'Registered with the local police within 24 hours',
  reception_protocol: 'Reception and protocol arranged',
};

function abilitiesFor(ctx: ServiceContext, row: MobilityRow, memberCount: number): TMobility['abilities'] {
  const write = can(ctx, Permission.MobilityWrite);
  return {
    update: write,
    transition: write,
    readSensitive: can(ctx, Permission.MobilitySensitiveRead),
    invitationLetter: row.direction === 'inbound' && row.stage !== 'cancelled' && memberCount > 0,
  };
}

function partnerMap(list: PartnerInfo[]) {
  return new Map(list.map((p) => [p.id, p]));
}

async function loadMobility(ctx: ServiceContext, db: Executor, id: string): Promise<TMobility> {
  const org = ctx.actor.organizationId;
  const row = await repo.getMobility(db, org, id);
  if (!row) {
    throw notFound('Mobility');
  }
  const partnerIds = [row.homePartnerId, row.hostPartnerId].filter((p): p is string => p !== null);
  const [partners, members, checklist, events, report, project, agreement] = await Promise.all([
    repo.partnersByIds(db, org, partnerIds),
    repo.membersOf(db, org, [id]),
    repo.checklistOf(db, org, [id]),
    repo.eventsOf(db, org, id),
    repo.reportOf(db, org, id),
    row.projectId ? repo.projectLink(db, org, row.projectId) : undefined,
    row.agreementId ? repo.agreementLink(db, org, row.agreementId) : undefined,
  ]);
  return presentMobility(
    row,
    {
      partners: partnerMap(partners),
      members,
      checklist,
      events,
      report: report
        ? {
            summary: report.summary,
            outcomes: report.outcomes,
            followUpActions: report.followUpActions,
            submittedBy: report.submittedBy,
            submittedByName: report.submittedByName ?? null,
            submittedAt: report.submittedAt,
          }
        : null,
      project: project ?? null,
      agreement: agreement ?? null,
    },
    abilitiesFor(ctx, row, members.length),
  );
}

export async function findMobilities(ctx: ServiceContext, q: TFindMobilitiesQuery) {
  requirePermission(ctx, Permission.MobilityRead);
  const org = ctx.actor.organizationId;
  const { rows, total } = await repo.listMobilities(ctx.deps.db, org, q);
  const ids = rows.map((r) => r.id);
  const partnerIds = rows.flatMap((r) => [r.homePartnerId, r.hostPartnerId]).filter((p): p is string => !!p);
  const [partners, members, checklist] = await Promise.all([
    repo.partnersByIds(ctx.deps.db, org, partnerIds),
    repo.membersOf(ctx.deps.db, org, ids),
    repo.checklistOf(ctx.deps.db, org, ids),
  ]);
  const map = partnerMap(partners);
  return {
    data: rows.map((r) =>
      presentMobilitySummary(
        r,
        map,
        members.filter((m) => m.mobilityId === r.id).length,
        checklist.filter((c) => c.mobilityId === r.id),
      ),
    ),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

export async function getMobility(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.MobilityRead);
  return loadMobility(ctx, ctx.deps.db, id);
}

/** Counts for the evaluation module and dashboards, over the same filters as the list. */
export async function countMobilities(
  ctx: ServiceContext,
  q: TMobilityCountsQuery,
): Promise<TMobilityCounts> {
  requirePermission(ctx, Permission.MobilityRead);
  const groups = await repo.countMobilities(ctx.deps.db, ctx.actor.organizationId, q);
  const zero = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const out: TMobilityCounts = {
    total: 0,
    people: 0,
    byDirection: zero(MOBILITY_DIRECTIONS),
    byCategory: zero(MOBILITY_CATEGORIES),
    byStage: zero(MOBILITY_STAGES),
    byCountry: [],
  };
  const countries = new Map<string, { mobilities: number; people: number }>();
  for (const g of groups) {
    out.total += g.mobilities;
    out.people += g.people;
    out.byDirection[g.direction] += g.mobilities;
    out.byCategory[g.category as keyof typeof out.byCategory] += g.mobilities;
    out.byStage[g.stage] += g.mobilities;
    if (g.country) {
      const c = countries.get(g.country) ?? { mobilities: 0, people: 0 };
      c.mobilities += g.mobilities;
      c.people += g.people;
      countries.set(g.country, c);
    }
  }
  out.byCountry = [...countries]
    .map(([country, c]) => ({ country, ...c }))
    .sort((a, b) => b.mobilities - a.mobilities || a.country.localeCompare(b.country));
  return out;
}

/** Partners, project and agreement must belong to the organization; 400 with the field otherwise. */
async function checkLinks(ctx: ServiceContext, trx: Executor, input: TMobilityInput) {
  const org = ctx.actor.organizationId;
  const issues: { path: string[]; message: string }[] = [];
  for (const side of ['home', 'host'] as const) {
    const pid = input[side].isOwn ? null : input[side].partnerId;
    if (pid && (await repo.partnersByIds(trx, org, [pid])).length === 0) {
      issues.push({ path: [side, 'partnerId'], message: 'unknown_partner' });
    }
  }
  if (input.projectId && !(await repo.projectLink(trx, org, input.projectId))) {
    issues.push({ path: ['projectId'], message: 'unknown_project' });
  }
  if (input.agreementId && !(await repo.agreementLink(trx, org, input.agreementId))) {
    issues.push({ path: ['agreementId'], message: 'unknown_agreement' });
  }
  if (issues.length > 0) {
    throw new AppError('INVALID_INPUT', 'Unknown linked record', { issues });
  }
}

export async function createMobility(ctx: ServiceContext, input: TMobilityInput) {
  requirePermission(ctx, Permission.MobilityWrite);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    await checkLinks(ctx, trx, input);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('mobilities')
      .values({
        id,
        organizationId: org,
        ...repo.mobilityColumns(input),
        stage: 'proposed',
        cancellationReason: null,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const keepPassports = !can(ctx, Permission.MobilitySensitiveRead);
    await repo.replaceMembers(trx, org, id, input.members, keepPassports);
    await trx
      .insertInto('mobilityChecklistItems')
      .values(
        defaultChecklist(input.direction, input.category).map((code, i) => ({
          id: newId(),
          organizationId: org,
          mobilityId: id,
          code,
          label: CHECKLIST_LABELS[code],
          done: 0,
          doneBy: null,
          doneAt: null,
          sortOrder: i,
        })),
      )
      .execute();
    await trx
      .insertInto('mobilityEvents')
      .values({
        id: newId(),
        organizationId: org,
        mobilityId: id,
        fromStage: null,
        toStage: 'proposed',
        actorId: ctx.actor.userId,
        at: now,
        note: '',
      })
      .execute();
    const created = await loadMobility(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'mobility',
      entityId: id,
      after: auditSnapshot(created),
    });
    return created;
  });
}

const mobilityEntity: VersionedEntity<TMobility> = {
  table: 'mobilities',
  entityType: 'mobility',
  load: loadMobility,
  snapshot: auditSnapshot,
};

/** Loads, checks the version, applies `change` with compare-and-set, audits before and after. */
function mutate(
  ctx: ServiceContext,
  id: string,
  version: number,
  change: (trx: Executor, before: TMobility) => Promise<Record<string, unknown>>,
  reason: string | null = null,
) {
  return versionedChange(ctx, mobilityEntity, id, version, { set: change }, { reason });
}

export async function updateMobility(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: TMobilityInput },
) {
  requirePermission(ctx, Permission.MobilityWrite);
  return mutate(ctx, id, input.version, async (trx) => {
    await checkLinks(ctx, trx, input.data);
    const keepPassports = !can(ctx, Permission.MobilitySensitiveRead);
    await repo.replaceMembers(trx, ctx.actor.organizationId, id, input.data.members, keepPassports);
    return repo.mobilityColumns(input.data);
  });
}

/**
 * Moves the mobility one step along the workflow (or cancels it), recording who and when in the
 * history. Dates sent with the step (actual start when travelling, actual end when returned) are
 * stored with it.
 * @throws INVALID_STATE with `details.allowed` (the stages allowed next) and `details.problem`
 */
export async function transitionMobility(ctx: ServiceContext, id: string, body: TTransitionMobilityRequest) {
  requirePermission(ctx, Permission.MobilityWrite);
  const reason = `${body.to}${body.note ? `: ${body.note}` : ''}`;
  return mutate(
    ctx,
    id,
    body.version,
    async (trx, before) => {
      const actualStartOn = body.actualStartOn ?? before.actualStartOn;
      const actualEndOn = body.actualEndOn ?? before.actualEndOn;
      const check = checkTransition(before.stage, body.to, {
        memberCount: before.members.length,
        actualStartOn,
        actualEndOn,
        hasReport: before.report !== null,
        note: body.note,
        today: todayFor(ctx),
      });
      if (!check.ok) {
        throw new AppError('INVALID_STATE', `Cannot move from ${before.stage} to ${body.to}`, {
          stage: before.stage,
          to: body.to,
          problem: check.problem,
          allowed: check.allowed,
        });
      }
      await trx
        .insertInto('mobilityEvents')
        .values({
          id: newId(),
          organizationId: ctx.actor.organizationId,
          mobilityId: id,
          fromStage: before.stage,
          toStage: body.to,
          actorId: ctx.actor.userId,
          at: ctx.deps.clock.now().toISOString(),
          note: body.note,
        })
        .execute();
      return {
        stage: body.to,
        actualStartOn,
        actualEndOn,
        ...(body.to === 'cancelled' ? { cancellationReason: body.note } : {}),
      };
    },
    reason,
  );
}

/**
 * Submits (or revises) the outcome report of a returned mobility. Counts as a change of the
 * mobility, so it takes and bumps the mobility's version.
 * @throws INVALID_STATE before the return or after a cancellation
 */
export async function submitReport(
  ctx: ServiceContext,
  id: string,
  body: { version: number; summary: string; outcomes: string; followUpActions: string },
) {
  requirePermission(ctx, Permission.MobilityWrite);
  return mutate(ctx, id, body.version, async (trx, before) => {
    if (!canSubmitReport(before.stage)) {
      throw new AppError('INVALID_STATE', 'The report follows the return', {
        stage: before.stage,
        problem: 'not_returned',
      });
    }
    const org = ctx.actor.organizationId;
    const values = {
      summary: body.summary,
      outcomes: body.outcomes,
      followUpActions: body.followUpActions,
      submittedBy: ctx.actor.userId,
      submittedAt: ctx.deps.clock.now().toISOString(),
    };
    if (before.report) {
      await trx
        .updateTable('mobilityReports')
        .set(values)
        .where('organizationId', '=', org)
        .where('mobilityId', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('mobilityReports')
        .values({ id: newId(), organizationId: org, mobilityId: id, ...values })
        .execute();
    }
    return {};
  });
}

/** Adds a custom item at the end of the checklist. */
export async function addChecklistItem(ctx: ServiceContext, id: string, label: string) {
  requirePermission(ctx, Permission.MobilityWrite);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadMobility(ctx, trx, id);
    const itemId = newId();
    await trx
      .insertInto('mobilityChecklistItems')
      .values({
        id: itemId,
        organizationId: org,
        mobilityId: id,
        code: null,
        label,
        done: 0,
        doneBy: null,
        doneAt: null,
        sortOrder: before.checklist.length,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'mobility',
      entityId: id,
      after: { checklistItem: { id: itemId, label, done: false } },
      reason: 'checklist',
    });
    return loadMobility(ctx, trx, id);
  });
}

/**
 * Ticks or unticks one checklist item, recording who and when. Ticks need no version: two people
 * ticking different items at once must both succeed, and ticking twice means the same.
 */
export async function tickChecklistItem(ctx: ServiceContext, id: string, itemId: string, done: boolean) {
  requirePermission(ctx, Permission.MobilityWrite);
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const before = await loadMobility(ctx, trx, id);
    const item = before.checklist.find((c) => c.id === itemId);
    if (!item) {
      throw notFound('Checklist item');
    }
    if (item.done !== done) {
      await trx
        .updateTable('mobilityChecklistItems')
        .set({
          done: done ? 1 : 0,
          doneBy: done ? ctx.actor.userId : null,
          doneAt: done ? ctx.deps.clock.now().toISOString() : null,
        })
        .where('organizationId', '=', org)
        .where('mobilityId', '=', id)
        .where('id', '=', itemId)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'update',
        entityType: 'mobility',
        entityId: id,
        before: { checklistItem: { id: itemId, label: item.label, done: item.done } },
        after: { checklistItem: { id: itemId, label: item.label, done } },
        reason: 'checklist',
      });
    }
    return loadMobility(ctx, trx, id);
  });
}

/** What the invitation letter needs: the mobility as the caller may see it, and the college. */
export async function invitationLetterData(ctx: ServiceContext, id: string) {
  requirePermission(ctx, Permission.MobilityRead);
  const mobility = await loadMobility(ctx, ctx.deps.db, id);
  if (mobility.direction !== 'inbound') {
    throw new AppError('INVALID_STATE', 'Invitation letters are for inbound mobilities', {
      problem: 'not_inbound',
    });
  }
  if (mobility.stage === 'cancelled') {
    throw new AppError('INVALID_STATE', 'The mobility was cancelled', { problem: 'cancelled' });
  }
  if (mobility.members.length === 0) {
    throw new AppError('INVALID_STATE', 'Add the invitees first', { problem: 'members_required' });
  }
  const org = await ctx.deps.db
    .selectFrom('organizations')
    .select(['name', 'shortName', 'country'])
    .where('id', '=', ctx.actor.organizationId)
    .executeTakeFirstOrThrow();
  return { mobility, college: org, today: todayFor(ctx) };
}
