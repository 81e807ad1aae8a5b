import type { TPortfolio, TPortfolioQuery } from '../../../contracts/portfolio.js';
import { Permission } from '../../../contracts/roles.js';
import { deriveAgreementStatus } from '../../../domain/agreements/agreement-status.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../domain/evaluation/comparisons.js';
import { type Indicator, type IndicatorStatus, indicatorStatus } from '../../../domain/evaluation/index.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { todayFor } from '../../platform/today.js';
import {
  type CollegeLine,
  type Gathered,
  presentCollegeView,
  presentProvincialView,
} from './portfolio.presenter.js';
import * as repo from './portfolio.repository.js';

/**
 * Whether the actor sees every college: an `observer` membership in an authority organization.
 * Anyone else (an authority's admin included) sees their own organization only.
 */
async function isProvincialObserver(ctx: ServiceContext): Promise<boolean> {
  if (ctx.actor.role !== 'observer') {
    return false;
  }
  const org = await repo.organizationKind(ctx.deps.db, ctx.actor.organizationId);
  return org?.kind === 'authority';
}

/** The portfolio figures of the actor's scope (see {@link isProvincialObserver}), counts only. */
export async function getPortfolio(ctx: ServiceContext, f: TPortfolioQuery): Promise<TPortfolio> {
  requirePermission(ctx, Permission.PortfolioRead);
  const { db } = ctx.deps;
  const today = todayFor(ctx);
  if (f.partnerId && !(await repo.partnerInOrganization(db, ctx.actor.organizationId, f.partnerId))) {
    // Partners belong to one college: an authority has none, and another college's is not visible.
    throw new AppError('INVALID_INPUT', 'Unknown partner', {
      issues: [{ path: ['querystring', 'partnerId'], message: 'unknown_partner' }],
    });
  }
  if (await isProvincialObserver(ctx)) {
    const list = await repo.colleges(db);
    const gathered =
      list.length === 0
        ? null
        : await gather(
            ctx,
            list.map((c) => c.id),
            f,
            today,
          );
    return presentProvincialView({
      colleges: list,
      gathered,
      filters: f,
      today,
      minGroupSize: DEFAULT_MIN_GROUP_SIZE,
    });
  }
  const gathered = await gather(ctx, [ctx.actor.organizationId], f, today);
  return presentCollegeView({ gathered, filters: f, today });
}

/** Every aggregate of the scope, then the two rules that need rows: agreement and indicator status. */
async function gather(
  ctx: ServiceContext,
  scope: repo.Scope,
  f: TPortfolioQuery,
  today: string,
): Promise<Gathered> {
  const { db } = ctx.deps;
  const [projects, participants, agreements, indicators, mobilities, certificates, medals, surveys] =
    await Promise.all([
      repo.projectCounts(db, scope, f),
      repo.participantCounts(db, scope, f),
      repo.agreementsInForce(db, scope, f, today),
      repo.indicatorRows(db, scope, f),
      repo.mobilityCounts(db, scope, f),
      repo.certificateCounts(db, scope, f),
      repo.medalCounts(db, scope, f),
      repo.surveyResponseCounts(db, scope, f),
    ]);

  const agreementLines: CollegeLine<'active' | 'expiring'>[] = [];
  for (const a of agreements) {
    const { status } = deriveAgreementStatus(
      {
        stage: a.stage,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        autoRenewal: a.autoRenewal === 1,
        renewalMonths: a.renewalMonths,
        terminatedOn: a.terminatedOn,
        expiringWindowDays: a.expiringWindowDays,
      },
      today,
    );
    if (status === 'active' || status === 'expiring') {
      agreementLines.push({ organizationId: a.organizationId, key: status });
    }
  }

  return {
    projects,
    participants,
    agreements: agreementLines,
    indicators: indicatorStatuses(indicators, today),
    mobilities,
    certificates,
    medals,
    surveys,
  };
}

/**
 * Status of every indicator at `today` by the domain rule (src/domain/evaluation), from the two
 * bulk queries: periods are grouped by indicator in one pass, nothing is read per indicator.
 * Status reads only the measure, direction, aggregation, baseline and the periods' dates, targets
 * and actuals, so the texts and breakdowns are not loaded.
 */
export function indicatorStatuses(
  rows: Awaited<ReturnType<typeof repo.indicatorRows>>,
  today: string,
): CollegeLine<IndicatorStatus>[] {
  const periodsOf = new Map<string, Indicator['periods'][number][]>();
  for (const p of rows.periods) {
    const list = periodsOf.get(p.indicatorId) ?? [];
    list.push({
      start: p.periodStart,
      end: p.periodEnd,
      target: { value: p.targetValue, comment: null, breakdown: [] },
      actual: p.hasActual === 1 ? { value: p.actualValue, comment: null, breakdown: [] } : null,
    });
    periodsOf.set(p.indicatorId, list);
  }
  return rows.indicators.map((i) => {
    const indicator: Indicator = {
      code: null,
      title: {},
      definition: null,
      measure: i.measure,
      ascending: i.ascending === 1,
      aggregation: i.aggregation,
      unitLabel: null,
      meansOfVerification: null,
      disaggregations: [],
      references: [],
      baseline:
        i.baselineYear === null
          ? null
          : { year: i.baselineYear, isoDate: null, value: i.baselineValue, comment: null },
      periods: periodsOf.get(i.id) ?? [],
      source: null,
      comment: null,
    };
    return { organizationId: i.organizationId, key: indicatorStatus(indicator, today).status };
  });
}
