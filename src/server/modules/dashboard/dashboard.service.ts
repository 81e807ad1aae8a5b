import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../contracts/agreements.js';
import { Permission } from '../../../contracts/roles.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { todayFor } from '../../platform/today.js';
import { statusOf } from '../agreements/agreements.presenter.js';
import { listAgreements } from '../agreements/agreements.repository.js';

const EXPIRING_SOON_DAYS = 90;

/** The figures on the dashboard cards: partners, countries, agreements by derived status. */
export async function getDashboardSummary(ctx: ServiceContext) {
  requirePermission(ctx, Permission.PartnerRead);
  const { db } = ctx.deps;
  const orgId = ctx.actor.organizationId;
  const today = todayFor(ctx);
  const counts = await db
    .selectFrom('partners')
    .select((eb) => [
      eb.fn.countAll<number>().as('partners'),
      eb.fn.count<number>('country').distinct().as('countries'),
    ])
    .where('organizationId', '=', orgId)
    .where('archivedAt', 'is', null)
    .executeTakeFirstOrThrow();
  const agreementsByStatus = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, 0])) as Record<
    AgreementStatus,
    number
  >;
  let expiringSoon = 0;
  if (ctx.actor.permissions.has(Permission.AgreementRead)) {
    for (const row of await listAgreements(db, orgId, {}, today)) {
      const derived = statusOf(row, today);
      agreementsByStatus[derived.status]++;
      if (
        (derived.status === 'active' || derived.status === 'expiring') &&
        derived.daysToEnd !== null &&
        derived.daysToEnd <= EXPIRING_SOON_DAYS
      ) {
        expiringSoon++;
      }
    }
  }
  return {
    partners: Number(counts.partners),
    countries: Number(counts.countries),
    agreementsByStatus,
    expiringSoon,
  };
}
