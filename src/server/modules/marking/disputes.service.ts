import type { z } from 'zod';
import {
  EVIDENCE_FILE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  type TDecideDisputeRequest,
  type TDispute,
  type TDisputeEvidence,
  type TDisputeList,
  type ZRaiseDisputeRequestSchema,
} from '../../../contracts/marking.js';
import { Permission } from '../../../contracts/roles.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { can, requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { updateVersioned } from '../../platform/db/versioned-update.js';
import { AppError, notFound, versionConflict } from '../../platform/errors.js';
import { cleanFileName } from '../../platform/files/document-types.js';
import { checkUploadSize, readStoredFile, storeWithRow } from '../../platform/files/stored-files.js';
import { newId } from '../../platform/ids.js';
import { expertOfActor, isSkillSupervisor, loadSkill } from '../competitions/competition-access.js';
import type { CompetitionDisputeRow, CompetitionSkillRow } from '../competitions/competitions.tables.js';
import { evidenceContentType } from './evidence-types.js';
import { problem } from './marking.access.js';
import { personOf } from './marking.presenter.js';
import * as repo from './marking.repository.js';

/**
 * Disputes of a skill (issue 4 "raise, attach evidence, decide; an open dispute blocks final results
 * for its skill"). Who sees and raises them: the skill's experts and supervisor (every dispute of the
 * skill), and a member's registrar (partner staff) for the disputes they raised or about their own
 * member's entrants. The supervisor decides (upheld / rejected with a decision text); the raiser may
 * withdraw. Evidence: photos and PDF, added by the raiser or the supervisor while the dispute is open.
 */

interface Viewer {
  skill: CompetitionSkillRow;
  /** Sees every dispute of the skill. */
  all: boolean;
  supervisor: boolean;
  /** Members whose registrar the user is (partner staff). */
  memberIds: Set<string>;
}

async function viewerOf(ctx: ServiceContext, skillId: string, db: Executor = ctx.deps.db): Promise<Viewer> {
  requirePermission(ctx, Permission.DisputeRaise);
  const skill = await loadSkill(ctx, skillId, db);
  const [expert, supervisor] = await Promise.all([
    expertOfActor(ctx, skillId, db),
    isSkillSupervisor(ctx, skillId, db),
  ]);
  let memberIds = new Set<string>();
  if (can(ctx, Permission.CompetitionRegister)) {
    const rows = await db
      .selectFrom('competitionMemberRegistrars as r')
      .innerJoin('competitionMembers as m', 'm.id', 'r.memberId')
      .select('r.memberId')
      .where('r.organizationId', '=', ctx.actor.organizationId)
      .where('r.userId', '=', ctx.actor.userId)
      .where('m.competitionId', '=', skill.competitionId)
      .execute();
    memberIds = new Set(rows.map((r) => r.memberId));
  }
  const all = supervisor || expert !== null;
  if (!all && memberIds.size === 0) {
    throw problem(
      'FORBIDDEN',
      'not_member_registrar',
      'Only the experts of this skill and member registrars see its disputes',
    );
  }
  return { skill, all, supervisor, memberIds };
}

function disputesQuery(db: Executor, org: string) {
  return db
    .selectFrom('competitionDisputes as d')
    .leftJoin('competitionEntries as e', 'e.id', 'd.entryId')
    .leftJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .leftJoin('markingForms as f', 'f.id', 'd.formId')
    .selectAll('d')
    .select([
      'e.displayName as entryName',
      'e.memberId as entryMemberId',
      'm.code as entryMemberCode',
      'f.subCriterionKey as formSubCriterionKey',
    ])
    .where('d.organizationId', '=', org);
}

type DisputeJoined = CompetitionDisputeRow & {
  entryName: string | null;
  entryMemberId: string | null;
  entryMemberCode: string | null;
  formSubCriterionKey: string | null;
};

function visibleTo(ctx: ServiceContext, v: Viewer, d: DisputeJoined): boolean {
  return (
    v.all || d.raisedBy === ctx.actor.userId || (d.entryMemberId !== null && v.memberIds.has(d.entryMemberId))
  );
}

async function present(
  ctx: ServiceContext,
  db: Executor,
  v: Viewer,
  rows: DisputeJoined[],
): Promise<TDispute[]> {
  const ids = rows.map((r) => r.id);
  const evidence =
    ids.length === 0
      ? []
      : await db
          .selectFrom('competitionDisputeEvidence')
          .selectAll()
          .where('organizationId', '=', ctx.actor.organizationId)
          .where('disputeId', 'in', ids)
          .orderBy('uploadedAt')
          .orderBy('id')
          .execute();
  const people = await repo.peopleByIds(db, [
    ...rows.flatMap((r) => [r.raisedBy, r.decidedBy]),
    ...evidence.map((e) => e.uploadedBy),
  ]);
  return rows.map((d) => {
    const open = d.status === 'open';
    const raiser = d.raisedBy === ctx.actor.userId;
    return {
      id: d.id,
      skillId: d.skillId,
      entry: d.entryId
        ? { id: d.entryId, displayName: d.entryName ?? '', memberCode: d.entryMemberCode ?? '' }
        : null,
      form: d.formId ? { id: d.formId, subCriterionKey: d.formSubCriterionKey ?? '' } : null,
      subject: d.subject,
      description: d.description,
      status: d.status,
      raisedBy: personOf(people, d.raisedBy) ?? { id: d.raisedBy, name: '' },
      raisedAt: d.raisedAt,
      decision: d.decision,
      decidedBy: personOf(people, d.decidedBy),
      decidedAt: d.decidedAt,
      version: d.version,
      evidence: evidence.filter((e) => e.disputeId === d.id).map((e) => presentEvidence(e, people)),
      abilities: {
        addEvidence: open && (raiser || v.supervisor),
        decide: open && v.supervisor && can(ctx, Permission.MarkingSupervise),
        withdraw: open && raiser,
      },
    };
  });
}

function presentEvidence(
  e: {
    id: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string;
    uploadedAt: string;
  },
  people: Map<string, { id: string; name: string }>,
): TDisputeEvidence {
  return {
    id: e.id,
    fileName: e.fileName,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    uploadedBy: personOf(people, e.uploadedBy) ?? { id: e.uploadedBy, name: '' },
    uploadedAt: e.uploadedAt,
  };
}

export async function listDisputes(ctx: ServiceContext, skillId: string): Promise<TDisputeList> {
  const db = ctx.deps.db;
  const v = await viewerOf(ctx, skillId);
  const rows = (await disputesQuery(db, ctx.actor.organizationId)
    .where('d.skillId', '=', skillId)
    .orderBy('d.raisedAt', 'desc')
    .orderBy('d.id', 'desc')
    .execute()) as DisputeJoined[];
  const entries = (await repo.skillEntries(db, ctx.actor.organizationId, skillId)).filter(
    (e) => e.status !== 'withdrawn' && (v.all || v.memberIds.has(e.memberId)),
  );
  return {
    data: await present(
      ctx,
      db,
      v,
      rows.filter((d) => visibleTo(ctx, v, d)),
    ),
    entries: entries.map((e) => ({ id: e.id, displayName: e.displayName, memberCode: e.memberCode })),
    abilities: { raise: true, decide: v.supervisor && can(ctx, Permission.MarkingSupervise) },
  };
}

/** A dispute the user may see, with its viewer; 404 when absent, elsewhere or not visible. */
async function loadDispute(ctx: ServiceContext, db: Executor, disputeId: string) {
  const row = (await disputesQuery(db, ctx.actor.organizationId)
    .where('d.id', '=', disputeId)
    .executeTakeFirst()) as DisputeJoined | undefined;
  if (!row) {
    throw notFound('Dispute');
  }
  const v = await viewerOf(ctx, row.skillId, db);
  if (!visibleTo(ctx, v, row)) {
    throw notFound('Dispute');
  }
  return { row, v };
}

export async function getDispute(ctx: ServiceContext, disputeId: string): Promise<TDispute> {
  const { row, v } = await loadDispute(ctx, ctx.deps.db, disputeId);
  const [presented] = await present(ctx, ctx.deps.db, v, [row]);
  return presented as TDispute;
}

export type RaiseDispute = z.output<typeof ZRaiseDisputeRequestSchema>;

/**
 * Raises a dispute on a skill, optionally about one entrant and one of its forms.
 * @throws FORBIDDEN (not_member_registrar) | NOT_FOUND | INVALID_INPUT (entry_not_in_skill, form_not_in_skill)
 */
export async function raiseDispute(
  ctx: ServiceContext,
  skillId: string,
  input: RaiseDispute,
): Promise<TDispute> {
  const org = ctx.actor.organizationId;
  return ctx.deps.db.transaction().execute(async (trx) => {
    const v = await viewerOf(ctx, skillId, trx);
    let entryId = input.entryId;
    if (input.formId) {
      const form = await repo.getForm(trx, org, input.formId);
      if (!form || form.skillId !== skillId || (entryId !== null && form.entryId !== entryId)) {
        throw new AppError('INVALID_INPUT', 'The form is not one of this skill (or of that entrant)', {
          reason: 'form_not_in_skill',
          issues: [{ path: ['formId'], message: 'form_not_in_skill' }],
        });
      }
      entryId = form.entryId;
    }
    if (entryId) {
      const entry = await trx
        .selectFrom('competitionEntries')
        .select(['id', 'memberId'])
        .where('organizationId', '=', org)
        .where('skillId', '=', skillId)
        .where('id', '=', entryId)
        .executeTakeFirst();
      if (!entry) {
        throw new AppError('INVALID_INPUT', 'The entrant is not in this skill', {
          reason: 'entry_not_in_skill',
          issues: [{ path: ['entryId'], message: 'entry_not_in_skill' }],
        });
      }
      if (!v.all && !v.memberIds.has(entry.memberId)) {
        throw problem(
          'FORBIDDEN',
          'not_member_registrar',
          'A registrar raises disputes about their own member only',
        );
      }
    } else if (!v.all) {
      throw problem(
        'FORBIDDEN',
        'not_member_registrar',
        'A registrar raises disputes about one of their entrants',
      );
    }
    const now = ctx.deps.clock.now().toISOString();
    const id = newId();
    await trx
      .insertInto('competitionDisputes')
      .values({
        id,
        organizationId: org,
        skillId,
        entryId,
        formId: input.formId,
        subject: input.subject,
        description: input.description,
        status: 'open',
        raisedBy: ctx.actor.userId,
        raisedAt: now,
        decision: '',
        decidedBy: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'competition_dispute',
      entityId: id,
      after: {
        skillId,
        entryId,
        formId: input.formId,
        subject: input.subject,
        description: input.description,
      },
    });
    const { row } = await loadDispute(ctx, trx, id);
    const [presented] = await present(ctx, trx, v, [row]);
    return presented as TDispute;
  });
}

async function changeDispute(
  ctx: ServiceContext,
  disputeId: string,
  version: number,
  check: (row: DisputeJoined, v: Viewer) => void,
  set: Record<string, unknown>,
  reason: string | null,
): Promise<TDispute> {
  return ctx.deps.db.transaction().execute(async (trx) => {
    const { row, v } = await loadDispute(ctx, trx, disputeId);
    check(row, v);
    if (row.version !== version) {
      throw versionConflict(row.version);
    }
    if (row.status !== 'open') {
      throw problem('INVALID_STATE', 'dispute_closed', `The dispute is ${row.status}`, {
        status: row.status,
      });
    }
    await updateVersioned(ctx, trx, 'competitionDisputes', disputeId, version, set);
    const after = await loadDispute(ctx, trx, disputeId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'competition_dispute',
      entityId: disputeId,
      before: { status: row.status, decision: row.decision },
      after: { status: after.row.status, decision: after.row.decision },
      reason,
    });
    const [presented] = await present(ctx, trx, after.v, [after.row]);
    return presented as TDispute;
  });
}

/** The skill's supervisor upholds or rejects an open dispute, with the decision text. */
export async function decideDispute(
  ctx: ServiceContext,
  disputeId: string,
  input: TDecideDisputeRequest,
): Promise<TDispute> {
  requirePermission(ctx, Permission.MarkingSupervise);
  return changeDispute(
    ctx,
    disputeId,
    input.version,
    (_row, v) => {
      if (!v.supervisor) {
        throw new AppError('FORBIDDEN', 'Only the chief expert of this skill decides its disputes');
      }
    },
    {
      status: input.outcome,
      decision: input.decision,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.deps.clock.now().toISOString(),
    },
    null,
  );
}

/** The raiser withdraws an open dispute. */
export async function withdrawDispute(
  ctx: ServiceContext,
  disputeId: string,
  version: number,
): Promise<TDispute> {
  return changeDispute(
    ctx,
    disputeId,
    version,
    (row) => {
      if (row.raisedBy !== ctx.actor.userId) {
        throw problem('FORBIDDEN', 'not_raiser', 'Only the person who raised a dispute may withdraw it');
      }
    },
    { status: 'withdrawn', decidedBy: ctx.actor.userId, decidedAt: ctx.deps.clock.now().toISOString() },
    null,
  );
}

/**
 * Stores an evidence file (photo or PDF, by content, at most EVIDENCE_MAX_BYTES) on an open dispute.
 * The bytes are written before the row and removed again when the row fails.
 * @throws FORBIDDEN | NOT_FOUND | FILE_REJECTED | INVALID_STATE (dispute_closed)
 */
export async function addEvidence(
  ctx: ServiceContext,
  disputeId: string,
  input: { fileName: string; bytes: Buffer },
): Promise<TDisputeEvidence> {
  const { row, v } = await loadDispute(ctx, ctx.deps.db, disputeId);
  if (row.raisedBy !== ctx.actor.userId && !v.supervisor) {
    throw problem(
      'FORBIDDEN',
      'not_raiser',
      'Evidence is added by the person who raised the dispute or the chief expert',
    );
  }
  if (row.status !== 'open') {
    throw problem('INVALID_STATE', 'dispute_closed', `The dispute is ${row.status}`, { status: row.status });
  }
  checkUploadSize(input.bytes, EVIDENCE_MAX_BYTES);
  const contentType = evidenceContentType(input.fileName, input.bytes);
  if (!contentType) {
    throw new AppError('FILE_REJECTED', 'Only photos (PNG, JPEG, WebP) and PDF are accepted', {
      reason: 'type',
      accepted: EVIDENCE_FILE_EXTENSIONS,
    });
  }
  const fileName = cleanFileName(input.fileName, 'evidence');
  return storeWithRow(ctx, input.bytes, async (trx, stored) => {
    const again = await loadDispute(ctx, trx, disputeId);
    if (again.row.status !== 'open') {
      throw problem('INVALID_STATE', 'dispute_closed', `The dispute is ${again.row.status}`);
    }
    const evidence = {
      id: newId(),
      organizationId: ctx.actor.organizationId,
      disputeId,
      fileName,
      contentType,
      ...stored,
    };
    await trx.insertInto('competitionDisputeEvidence').values(evidence).execute();
    await recordAudit(trx, ctx, {
      action: 'upload',
      entityType: 'dispute_evidence',
      entityId: evidence.id,
      after: { disputeId, fileName, contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    const people = await repo.peopleByIds(trx, [ctx.actor.userId]);
    return presentEvidence(evidence, people);
  });
}

/** The bytes of one evidence file of a dispute the user may see. */
export async function readEvidence(ctx: ServiceContext, disputeId: string, evidenceId: string) {
  await loadDispute(ctx, ctx.deps.db, disputeId);
  const e = await ctx.deps.db
    .selectFrom('competitionDisputeEvidence')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('disputeId', '=', disputeId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!e) {
    throw notFound('Evidence');
  }
  return readStoredFile(ctx, e);
}

/**
 * For the results engine: the number of open disputes of a skill (an open dispute blocks sign-off).
 * No permission check: the caller has already authorised the sign-off.
 */
export async function countOpenDisputes(
  ctx: ServiceContext,
  skillId: string,
  db: Executor = ctx.deps.db,
): Promise<number> {
  const row = await db
    .selectFrom('competitionDisputes')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('skillId', '=', skillId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
