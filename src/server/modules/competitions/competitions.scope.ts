import { sql } from 'kysely';
import type { RegistrationRefusal } from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { can } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { todayFor } from '../../platform/today.js';
import { loadCompetition } from './competition-access.js';
import type { CompetitionRow } from './competitions.tables.js';

// Who sees what of a competition. Organizers (CompetitionManage) see everything; a registrar
// (CompetitionRegister without CompetitionManage: partner staff) sees only the competitions where
// they register for a member, and of those only their own members' entries and experts; other
// readers (experts, observers) see the whole set-up but no sensitive competitor data.

/** The actor registers for members and sees only their data. */
export function isRegistrarScoped(ctx: ServiceContext): boolean {
  return !can(ctx, Permission.CompetitionManage) && can(ctx, Permission.CompetitionRegister);
}

/** The one permission of the two the actor needs, checked first. @throws FORBIDDEN */
export function requireManageOrRegister(ctx: ServiceContext): void {
  if (!can(ctx, Permission.CompetitionManage) && !can(ctx, Permission.CompetitionRegister)) {
    throw new AppError('FORBIDDEN', `Missing permission ${Permission.CompetitionRegister}`);
  }
}

/** Members of the competition the actor is registrar of. */
export async function registrarMemberIds(
  ctx: ServiceContext,
  competitionId: string,
  db: Executor = ctx.deps.db,
): Promise<string[]> {
  const rows = await db
    .selectFrom('competitionMemberRegistrars as r')
    .innerJoin('competitionMembers as m', (j) =>
      j.onRef('m.id', '=', 'r.memberId').onRef('m.organizationId', '=', 'r.organizationId'),
    )
    .select('m.id')
    .where('r.organizationId', '=', ctx.actor.organizationId)
    .where('r.userId', '=', ctx.actor.userId)
    .where('m.competitionId', '=', competitionId)
    .orderBy('m.code')
    .execute();
  return rows.map((r) => r.id);
}

/** Which members' entries and experts the actor sees: null = all. */
export interface Scope {
  memberIds: string[] | null;
}

/**
 * The competition as the actor may see it: 404 outside the college, and for a registrar also when
 * they register for none of its members.
 * @throws NOT_FOUND
 */
export async function loadVisibleCompetition(
  ctx: ServiceContext,
  competitionId: string,
  db: Executor = ctx.deps.db,
): Promise<{ competition: CompetitionRow; scope: Scope }> {
  const competition = await loadCompetition(ctx, competitionId, db);
  if (!isRegistrarScoped(ctx)) {
    return { competition, scope: { memberIds: null } };
  }
  const memberIds = await registrarMemberIds(ctx, competitionId, db);
  if (memberIds.length === 0) {
    throw notFound('competition');
  }
  return { competition, scope: { memberIds } };
}

/** A member id the actor may write for: any of the competition for organizers, own ones for registrars. */
export function memberInScope(scope: Scope, memberId: string | null): boolean {
  return scope.memberIds === null || (memberId !== null && scope.memberIds.includes(memberId));
}

/** Registration is open on `today` (the college's date): status 'registration' and inside the window. */
export function isRegistrationOpen(c: CompetitionRow, today: string): boolean {
  return (
    c.status === 'registration' &&
    c.registrationOpensOn !== null &&
    c.registrationClosesOn !== null &&
    c.registrationOpensOn <= today &&
    today <= c.registrationClosesOn
  );
}

/** A refusal of the registration rules, with the specific reason the web explains. */
export function refused(
  code: 'INVALID_STATE' | 'ALREADY_EXISTS' | 'INVALID_INPUT',
  reason: RegistrationRefusal,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { reason, ...extra });
}

/** Registrars write only while registration is open; organizers any time before cancellation. */
export function requireRegistrationWritable(ctx: ServiceContext, c: CompetitionRow): void {
  if (c.status === 'cancelled') {
    throw refused('INVALID_STATE', 'competition_cancelled', 'The competition was cancelled');
  }
  if (isRegistrarScoped(ctx) && !isRegistrationOpen(c, todayFor(ctx))) {
    throw refused('INVALID_STATE', 'registration_closed', 'Registration is not open', {
      opensOn: c.registrationOpensOn,
      closesOn: c.registrationClosesOn,
    });
  }
}

/**
 * Serializes registrations for one skill (entry limits, one chief expert): a row lock on PostgreSQL;
 * SQLite runs one write transaction at a time anyway.
 */
export async function lockSkillRow(ctx: ServiceContext, trx: Executor, skillId: string): Promise<void> {
  if (ctx.deps.dialect === 'postgres') {
    await sql`select id from competition_skills where id = ${skillId} and organization_id = ${ctx.actor.organizationId} for update`.execute(
      trx,
    );
  }
}

/**
 * Deletes one versioned row of the set-up inside the organization, compare-and-set on `version`.
 * @throws AppError VERSION_CONFLICT
 */
export async function deleteVersioned(
  ctx: ServiceContext,
  trx: Executor,
  table: 'competitionWorkshops' | 'competitionSkills' | 'competitionMembers',
  id: string,
  version: number,
  currentVersion: number,
): Promise<void> {
  const r = await trx
    .deleteFrom(table)
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) {
    throw versionConflict(currentVersion);
  }
}
