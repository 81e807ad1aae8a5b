import type { TExpert, TExpertInput } from '../../../contracts/competitions.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { type VersionedEntity, versionedChange } from '../../platform/db/versioned-change.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { loadSkill } from './competition-access.js';
import { expertSnapshot, presentExpert } from './competitions.presenter.js';
import * as repo from './competitions.repository.js';
import {
  isRegistrarScoped,
  loadVisibleCompetition,
  lockSkillRow,
  memberInScope,
  refused,
  requireManageOrRegister,
  requireRegistrationWritable,
  type Scope,
} from './competitions.scope.js';
import { showsExpertEmail } from './skills.service.js';

// Experts per skill. Organizers appoint chief experts, deputies and judges and link user accounts
// (needed for mark entry); a registrar registers experts of their own member, who start
// 'registered' with the role 'expert' and no account until an organizer confirms them.

export async function listExperts(
  ctx: ServiceContext,
  competitionId: string,
  filter: { skillId?: string; memberId?: string },
) {
  requirePermission(ctx, Permission.CompetitionRead);
  const { scope } = await loadVisibleCompetition(ctx, competitionId);
  const rows = await repo.listExperts(
    ctx.deps.db,
    ctx.actor.organizationId,
    { competitionId, ...filter },
    scope.memberIds,
  );
  const showEmail = showsExpertEmail(ctx);
  return { data: rows.map((r) => presentExpert(r, showEmail)) };
}

async function loadExpertRow(ctx: ServiceContext, db: Executor, id: string) {
  const row = await repo.getExpert(db, ctx.actor.organizationId, id);
  if (!row) {
    throw notFound('expert');
  }
  return row;
}

type Person = Omit<TExpertInput, 'skillId'>;

/**
 * The rules an expert record must meet: the member belongs to the competition (and to the
 * registrar), the linked account is a member of the college, at most one chief expert per skill,
 * and nobody twice in a skill.
 */
async function checkExpert(
  ctx: ServiceContext,
  trx: Executor,
  competitionId: string,
  skillId: string,
  person: Person,
  scope: Scope,
  selfId: string | null,
) {
  if (person.memberId !== null) {
    const member = await repo.getMemberRow(trx, ctx.actor.organizationId, person.memberId);
    if (!member || member.competitionId !== competitionId) {
      throw new AppError('INVALID_INPUT', 'Unknown member', {
        issues: [{ path: ['memberId'], message: 'competition_unknown_member' }],
      });
    }
  }
  if (!memberInScope(scope, person.memberId)) {
    throw notFound('member');
  }
  if (
    person.userId !== null &&
    (await repo.memberRole(trx, ctx.actor.organizationId, person.userId)) === null
  ) {
    throw new AppError('INVALID_INPUT', 'Unknown user', {
      issues: [{ path: ['userId'], message: 'unknown_user' }],
    });
  }
  await lockSkillRow(ctx, trx, skillId);
  if (person.status !== 'withdrawn') {
    if (person.role === 'chief_expert') {
      const chief = await repo.chiefExpertOf(trx, skillId, selfId);
      if (chief) {
        throw refused('ALREADY_EXISTS', 'chief_expert_exists', 'The skill already has a chief expert', {
          chiefExpert: { id: chief.id, name: `${chief.firstName} ${chief.lastName}` },
          issues: [{ path: ['role'], message: 'chief_expert_exists' }],
        });
      }
    }
    const twin = await repo.sameExpertInSkill(trx, skillId, person, selfId);
    if (twin) {
      throw refused('ALREADY_EXISTS', 'expert_already_registered', 'This expert is already in the skill', {
        expertId: twin.id,
        issues: [{ path: ['lastName'], message: 'expert_already_registered' }],
      });
    }
  }
}

/**
 * Registers an expert for a skill. Registrars: their own member only (another: 404), while
 * registration is open; the record starts as a 'registered' expert without a linked account.
 */
export async function createExpert(
  ctx: ServiceContext,
  competitionId: string,
  input: TExpertInput,
): Promise<TExpert> {
  requireManageOrRegister(ctx);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const { competition, scope } = await loadVisibleCompetition(ctx, competitionId, trx);
    const skill = await loadSkill(ctx, input.skillId, trx);
    if (skill.competitionId !== competitionId) {
      throw notFound('skill');
    }
    const registrar = isRegistrarScoped(ctx);
    if (registrar && input.memberId === null) {
      throw new AppError('INVALID_INPUT', 'Choose your member', {
        issues: [{ path: ['memberId'], message: 'competition_member_required' }],
      });
    }
    const person: Person = registrar
      ? { ...input, userId: null, role: 'expert', status: 'registered' }
      : input;
    requireRegistrationWritable(ctx, competition);
    await checkExpert(ctx, trx, competitionId, skill.id, person, scope, null);
    const id = newId();
    const now = ctx.deps.clock.now().toISOString();
    await trx
      .insertInto('competitionExperts')
      .values({
        id,
        organizationId: ctx.actor.organizationId,
        competitionId,
        skillId: skill.id,
        memberId: person.memberId,
        userId: person.userId,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        role: person.role,
        status: person.status,
        registeredBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    const created = await loadExpertRow(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_expert',
      entityId: id,
      after: expertSnapshot(created),
    });
    return presentExpert(created, showsExpertEmail(ctx));
  });
}

const expertEntity: VersionedEntity<repo.ExpertRow> = {
  table: 'competitionExperts',
  entityType: 'competition_expert',
  load: loadExpertRow,
  snapshot: expertSnapshot,
};

/**
 * Edits an expert. A registrar edits names and e-mail of their own member's expert while it is
 * 'registered' and registration is open, and may withdraw it; role, account and confirmation are
 * the organizers'.
 */
export async function updateExpert(
  ctx: ServiceContext,
  id: string,
  input: { version: number; data: Person },
): Promise<TExpert> {
  requireManageOrRegister(ctx);
  const after = await versionedChange(ctx, expertEntity, id, input.version, {
    set: async (trx, before) => {
      const { competition, scope } = await loadVisibleCompetition(ctx, before.competitionId, trx).catch(
        () => {
          throw notFound('expert');
        },
      );
      if (!memberInScope(scope, before.memberId)) {
        throw notFound('expert');
      }
      requireRegistrationWritable(ctx, competition);
      let person: Person = input.data;
      if (isRegistrarScoped(ctx)) {
        if (before.status !== 'registered') {
          throw refused('INVALID_STATE', 'entry_confirmed', 'Only the organizers change a confirmed expert');
        }
        person = {
          ...input.data,
          memberId: input.data.memberId ?? before.memberId,
          userId: before.userId,
          role: before.role,
          status: input.data.status === 'withdrawn' ? 'withdrawn' : before.status,
        };
      }
      await checkExpert(ctx, trx, before.competitionId, before.skillId, person, scope, id);
      return {
        memberId: person.memberId,
        userId: person.userId,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        role: person.role,
        status: person.status,
      };
    },
  });
  return presentExpert(after, showsExpertEmail(ctx));
}
