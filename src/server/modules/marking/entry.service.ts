import type { z } from 'zod';
import type {
  TMarkBatchResult,
  TMeasurementObservation,
  TStaleMarkItem,
  ZMarkBatchRequestSchema,
} from '../../../contracts/marking.js';
import { Permission } from '../../../contracts/roles.js';
import { measurementMark } from '../../../domain/competitions/aspect-mark.js';
import type { Aspect, MeasurementAspect } from '../../../domain/competitions/marking-scheme.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  entryBlocker,
  type FormContext,
  judgeIsCompatriot,
  judgesTypableBy,
  loadFormContext,
  mayEnterMeasurements,
  problem,
} from './marking.access.js';
import { parseObservation, personOf } from './marking.presenter.js';
import * as repo from './marking.repository.js';

/**
 * Mark entry at the workshop bench (worldskills.md §6.2, §6.4, §8.2, §9.7 items 1, 5, 8).
 *
 * A batch of changes to one form — measurement observations per aspect and judge scores per (aspect,
 * judge) — each carrying the version the client last saw (0 for a new mark), applied all or nothing:
 * - the form row is updated first (state → entered, version + 1) under the condition that it is still
 *   open, which serialises every writer of the form against each other and against check/sign/lock;
 * - then every item's version is compared: any stale item → 409 VERSION_CONFLICT listing each stale
 *   item with the server's value (`details.stale`), and the transaction rolls back (nothing written);
 * - the result is stored under the client's `clientBatchId` in the same transaction
 *   (table marking_batches), so a replay of the batch — its answer lost on a flaky connection — gets
 *   the original result (`replayed: true`) rather than a second write or a false 409. Stored results
 *   are kept BATCH_RETENTION_DAYS days, pruned as new batches arrive.
 * Every batch writes one audit entry on the form with each item's value and version before and after.
 */

export type MarkBatch = z.output<typeof ZMarkBatchRequestSchema>;

export const BATCH_RETENTION_DAYS = 14;

/** Thrown inside the transaction when the batch turns out to be already applied: rolls back, then answers. */
class ReplayFound extends Error {
  constructor(readonly result: TMarkBatchResult) {
    super('replay');
  }
}

async function storedBatch(
  ctx: ServiceContext,
  db: Executor,
  formId: string,
  clientBatchId: string,
): Promise<TMarkBatchResult | null> {
  const row = await db
    .selectFrom('markingBatches')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('clientBatchId', '=', clientBatchId)
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  if (row.formId !== formId || row.userId !== ctx.actor.userId) {
    throw problem(
      'INVALID_INPUT',
      'batch_id_reused',
      'This batch id was already used for another form or user',
      {
        clientBatchId,
      },
    );
  }
  return { ...(JSON.parse(row.resultJson) as TMarkBatchResult), replayed: true };
}

/** The problem code decides the answer: a closed form is a state (409), the rest is who you are (403). */
function blockerError(code: NonNullable<ReturnType<typeof entryBlocker>>, c: FormContext): AppError {
  switch (code) {
    case 'compatriot_marking':
      return problem('FORBIDDEN', code, 'Experts do not mark an entrant of their own member in this skill', {
        entryId: c.entry.id,
      });
    case 'not_on_team':
      return problem('FORBIDDEN', code, 'You are not on the marking team of this sub-criterion', {
        subCriterionKey: c.form.subCriterionKey,
      });
    default:
      return problem('INVALID_STATE', code, `Marks cannot be entered on this form now (${code})`, {
        state: c.form.state,
      });
  }
}

function aspectFor(c: FormContext, aspectKey: string): Aspect {
  const aspect = c.scheme.aspects.find(
    (a) => a.key === aspectKey && a.subCriterionKey === c.form.subCriterionKey,
  );
  if (!aspect) {
    throw problem('INVALID_INPUT', 'aspect_not_in_form', `Aspect ${aspectKey} is not on this form`, {
      aspectKey,
    });
  }
  return aspect;
}

/** Everything that does not need the current marks: aspects, kinds, ranges, who may write what. */
function validateItems(c: FormContext, batch: MarkBatch): void {
  const seen = new Set<string>();
  for (const item of batch.measurements) {
    if (seen.has(`m:${item.aspectKey}`)) {
      throw problem('INVALID_INPUT', 'duplicate_item', `Aspect ${item.aspectKey} appears twice`, {
        aspectKey: item.aspectKey,
      });
    }
    seen.add(`m:${item.aspectKey}`);
    const aspect = aspectFor(c, item.aspectKey);
    if (aspect.type !== 'M') {
      throw problem(
        'INVALID_INPUT',
        'aspect_not_measurement',
        `Aspect ${item.aspectKey} is a judgement aspect`,
        {
          aspectKey: item.aspectKey,
        },
      );
    }
    if (!mayEnterMeasurements(c)) {
      throw problem(
        'FORBIDDEN',
        'not_on_team',
        'Only the marking team of this sub-criterion enters measurements',
        {
          aspectKey: item.aspectKey,
        },
      );
    }
    if (item.observation) {
      const result = measurementMark(
        (aspect as MeasurementAspect).calculation,
        item.observation,
        aspect.maxMark,
        c.rules.aspectMarkRounding,
      );
      if (!result.ok) {
        throw problem('INVALID_INPUT', 'observation_invalid', `Aspect ${item.aspectKey}: ${result.code}`, {
          aspectKey: item.aspectKey,
          code: result.code,
          params: result.params,
        });
      }
    }
  }
  const typable = new Set(judgesTypableBy(c));
  for (const item of batch.judgeScores) {
    const key = `j:${item.aspectKey}:${item.judgeExpertId}`;
    if (seen.has(key)) {
      throw problem(
        'INVALID_INPUT',
        'duplicate_item',
        `The score of aspect ${item.aspectKey} appears twice`,
        {
          aspectKey: item.aspectKey,
          judgeExpertId: item.judgeExpertId,
        },
      );
    }
    seen.add(key);
    const aspect = aspectFor(c, item.aspectKey);
    if (aspect.type !== 'J') {
      throw problem(
        'INVALID_INPUT',
        'aspect_not_judgement',
        `Aspect ${item.aspectKey} is a measurement aspect`,
        {
          aspectKey: item.aspectKey,
        },
      );
    }
    const judge = c.team.find((t) => t.expertId === item.judgeExpertId && t.teamRole === 'judge');
    if (!judge) {
      throw problem('FORBIDDEN', 'judge_not_on_team', 'This expert is not a judge of this sub-criterion', {
        aspectKey: item.aspectKey,
        judgeExpertId: item.judgeExpertId,
      });
    }
    if (judgeIsCompatriot(c, judge)) {
      throw problem(
        'FORBIDDEN',
        'compatriot_marking',
        'A judge does not score an entrant of their own member',
        {
          aspectKey: item.aspectKey,
          judgeExpertId: item.judgeExpertId,
          entryId: c.entry.id,
        },
      );
    }
    if (!typable.has(item.judgeExpertId)) {
      throw problem('FORBIDDEN', 'not_on_team', "You may not enter this judge's scores", {
        aspectKey: item.aspectKey,
        judgeExpertId: item.judgeExpertId,
      });
    }
  }
}

/**
 * Applies a batch of marks to one form. See the module comment for the guarantees.
 * @throws FORBIDDEN (not_on_team, judge_not_on_team, compatriot_marking, not_skill_expert) | NOT_FOUND |
 *   INVALID_STATE (form_state, marking_suspended, scheme_not_locked, entry_withdrawn) |
 *   INVALID_INPUT (aspect_*, observation_invalid, duplicate_item, too_many_scores, batch_id_reused) |
 *   VERSION_CONFLICT (`details.stale`)
 */
export async function enterMarks(
  ctx: ServiceContext,
  formId: string,
  batch: MarkBatch,
): Promise<TMarkBatchResult> {
  requirePermission(ctx, Permission.MarkEnter);
  const replay = await storedBatch(ctx, ctx.deps.db, formId, batch.clientBatchId);
  if (replay) {
    return replay;
  }
  try {
    return await ctx.deps.db.transaction().execute((trx) => applyBatch(ctx, trx, formId, batch));
  } catch (err) {
    if (err instanceof ReplayFound) {
      return err.result;
    }
    if (!(err instanceof AppError)) {
      // A concurrent delivery of the same batch id won the unique index: answer with its result.
      const stored = await storedBatch(ctx, ctx.deps.db, formId, batch.clientBatchId);
      if (stored) {
        return stored;
      }
    }
    throw err;
  }
}

async function applyBatch(
  ctx: ServiceContext,
  trx: Executor,
  formId: string,
  batch: MarkBatch,
): Promise<TMarkBatchResult> {
  const org = ctx.actor.organizationId;
  const now = ctx.deps.clock.now().toISOString();
  const c = await loadFormContext(ctx, trx, formId);
  const blocker = entryBlocker(c);
  if (blocker) {
    throw blockerError(blocker, c);
  }
  validateItems(c, batch);

  // Take the form: still open, version + 1. Concurrent writers of the form and the workflow queue here.
  const taken = await trx
    .updateTable('markingForms')
    .set((eb) => ({
      state: 'entered',
      enteredBy: ctx.actor.userId,
      enteredAt: now,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
      version: eb('version', '+', 1),
    }))
    .where('organizationId', '=', org)
    .where('id', '=', formId)
    .where('state', 'in', ['not_started', 'entered'])
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) {
    throw problem('INVALID_STATE', 'form_state', 'The form was checked, signed or locked meanwhile');
  }
  const taken2 = await repo.getForm(trx, org, formId);
  const formVersion = taken2?.version ?? c.form.version + 1;
  const again = await storedBatch(ctx, trx, formId, batch.clientBatchId);
  if (again) {
    throw new ReplayFound(again);
  }

  const current = await repo.marksOf(trx, org, { formId });
  const people = await repo.peopleByIds(trx, [
    ...current.measurements.map((m) => m.enteredBy),
    ...current.scores.map((s) => s.enteredBy),
  ]);
  const mByAspect = new Map(current.measurements.map((m) => [m.aspectKey, m]));
  const sByKey = new Map(current.scores.map((s) => [`${s.aspectKey}\u0000${s.judgeExpertId}`, s]));

  const stale: TStaleMarkItem[] = [];
  for (const item of batch.measurements) {
    const row = mByAspect.get(item.aspectKey);
    const currentVersion = row?.version ?? 0;
    if (currentVersion !== item.expectedVersion) {
      stale.push({
        kind: 'measurement',
        aspectKey: item.aspectKey,
        expectedVersion: item.expectedVersion,
        currentVersion,
        current: row ? (parseObservation(row.observationJson) as TMeasurementObservation) : null,
        enteredBy: row ? personOf(people, row.enteredBy) : null,
      });
    }
  }
  for (const item of batch.judgeScores) {
    const row = sByKey.get(`${item.aspectKey}\u0000${item.judgeExpertId}`);
    const currentVersion = row?.version ?? 0;
    if (currentVersion !== item.expectedVersion) {
      stale.push({
        kind: 'judge_score',
        aspectKey: item.aspectKey,
        judgeExpertId: item.judgeExpertId,
        expectedVersion: item.expectedVersion,
        currentVersion,
        current: row ? row.score : null,
        enteredBy: row ? personOf(people, row.enteredBy) : null,
      });
    }
  }
  if (stale.length > 0) {
    throw new AppError('VERSION_CONFLICT', 'Some marks were changed by someone else; nothing was saved', {
      stale,
    });
  }

  const before: unknown[] = [];
  const after: unknown[] = [];
  const result: TMarkBatchResult = {
    clientBatchId: batch.clientBatchId,
    replayed: false,
    formId,
    formState: 'entered',
    formVersion,
    measurements: [],
    judgeScores: [],
  };
  const markerExpertId = c.expert?.id ?? null;

  for (const item of batch.measurements) {
    const row = mByAspect.get(item.aspectKey);
    before.push({
      aspectKey: item.aspectKey,
      observation: row ? parseObservation(row.observationJson) : null,
      comment: row?.comment ?? '',
      version: row?.version ?? 0,
    });
    let version = 0;
    if (item.observation === null) {
      if (row) {
        await trx
          .deleteFrom('measurementMarks')
          .where('id', '=', row.id)
          .where('organizationId', '=', org)
          .execute();
      }
    } else if (row) {
      version = row.version + 1;
      await trx
        .updateTable('measurementMarks')
        .set({
          observationJson: JSON.stringify(item.observation),
          comment: item.comment ?? row.comment,
          markerExpertId,
          enteredBy: ctx.actor.userId,
          enteredAt: now,
          version,
        })
        .where('id', '=', row.id)
        .where('organizationId', '=', org)
        .execute();
    } else {
      version = 1;
      await trx
        .insertInto('measurementMarks')
        .values({
          id: newId(),
          organizationId: org,
          formId,
          aspectKey: item.aspectKey,
          observationJson: JSON.stringify(item.observation),
          comment: item.comment ?? '',
          markerExpertId,
          enteredBy: ctx.actor.userId,
          enteredAt: now,
          version,
        })
        .execute();
    }
    after.push({
      aspectKey: item.aspectKey,
      observation: item.observation,
      comment: item.observation === null ? '' : (item.comment ?? row?.comment ?? ''),
      version,
    });
    result.measurements.push({ aspectKey: item.aspectKey, version, observation: item.observation });
  }

  const scoreCount = new Map<string, number>();
  for (const s of current.scores) {
    scoreCount.set(s.aspectKey, (scoreCount.get(s.aspectKey) ?? 0) + 1);
  }
  for (const item of batch.judgeScores) {
    const row = sByKey.get(`${item.aspectKey}\u0000${item.judgeExpertId}`);
    before.push({
      aspectKey: item.aspectKey,
      judgeExpertId: item.judgeExpertId,
      score: row?.score ?? null,
      version: row?.version ?? 0,
    });
    let version = 0;
    if (item.score === null) {
      if (row) {
        await trx
          .deleteFrom('judgementScores')
          .where('id', '=', row.id)
          .where('organizationId', '=', org)
          .execute();
        scoreCount.set(item.aspectKey, (scoreCount.get(item.aspectKey) ?? 1) - 1);
      }
    } else if (row) {
      version = row.version + 1;
      await trx
        .updateTable('judgementScores')
        .set({ score: item.score, enteredBy: ctx.actor.userId, enteredAt: now, version })
        .where('id', '=', row.id)
        .where('organizationId', '=', org)
        .execute();
    } else {
      version = 1;
      await trx
        .insertInto('judgementScores')
        .values({
          id: newId(),
          organizationId: org,
          formId,
          aspectKey: item.aspectKey,
          judgeExpertId: item.judgeExpertId,
          score: item.score,
          enteredBy: ctx.actor.userId,
          enteredAt: now,
          version,
        })
        .execute();
      scoreCount.set(item.aspectKey, (scoreCount.get(item.aspectKey) ?? 0) + 1);
    }
    after.push({ aspectKey: item.aspectKey, judgeExpertId: item.judgeExpertId, score: item.score, version });
    result.judgeScores.push({
      aspectKey: item.aspectKey,
      judgeExpertId: item.judgeExpertId,
      version,
      score: item.score,
    });
  }
  for (const [aspectKey, count] of scoreCount) {
    if (count > c.rules.numJudges) {
      throw problem(
        'INVALID_INPUT',
        'too_many_scores',
        `Aspect ${aspectKey} would have ${count} judge scores`,
        {
          aspectKey,
          received: count,
          required: c.rules.numJudges,
        },
      );
    }
  }

  const cutoff = new Date(ctx.deps.clock.now().getTime() - BATCH_RETENTION_DAYS * 86_400_000).toISOString();
  await trx
    .deleteFrom('markingBatches')
    .where('organizationId', '=', org)
    .where('createdAt', '<', cutoff)
    .execute();
  await trx
    .insertInto('markingBatches')
    .values({
      id: newId(),
      organizationId: org,
      clientBatchId: batch.clientBatchId,
      formId,
      userId: ctx.actor.userId,
      resultJson: JSON.stringify(result),
      createdAt: now,
    })
    .execute();
  await recordAudit(trx, ctx, {
    action: 'update',
    entityType: 'marking_form',
    entityId: formId,
    before: { state: c.form.state, marks: before },
    after: { state: 'entered', clientBatchId: batch.clientBatchId, marks: after },
  });
  return result;
}
