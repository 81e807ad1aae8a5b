import { Permission } from '../../../contracts/roles.js';
import { buildICalendar, type CalendarEvent } from '../../../domain/training/icalendar.js';
import { requirePermission } from '../../platform/auth/require-permission.js';
import type { ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './training.repository.js';
import type { SessionRow } from './training.tables.js';

function uidDomain(ctx: ServiceContext): string {
  try {
    return new URL(ctx.deps.config.publicUrl).hostname || 'tvet-bridge';
  } catch {
    return 'tvet-bridge';
  }
}

function toEvent(s: SessionRow, summaryPrefix: string, trainerName?: string | null): CalendarEvent {
  const details = [
    s.language ? `Language: ${s.language}` : '',
    s.interpreter ? `Interpreter: ${s.interpreter}` : '',
    trainerName ? `Trainer: ${trainerName}` : '',
    `Time zone: ${s.timeZone}`,
    s.onlineUrl ? `Online: ${s.onlineUrl}` : '',
  ].filter((l) => l !== '');
  return {
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timeZone: s.timeZone,
    summary: summaryPrefix ? `${summaryPrefix}: ${s.title}` : s.title,
    description: details.join('\n'),
    location: s.venue || s.onlineUrl,
    ...(s.onlineUrl ? { url: s.onlineUrl } : {}),
    sequence: s.version - 1,
  };
}

/** The schedule of a cohort as an iCalendar file. */
export async function cohortCalendar(ctx: ServiceContext, cohortId: string) {
  requirePermission(ctx, Permission.TrainingRead);
  const cohort = await repo.getCohort(ctx.deps.db, ctx.actor.organizationId, cohortId);
  if (!cohort) {
    throw notFound('Cohort');
  }
  const sessions = await repo.sessionsOfCohort(ctx.deps.db, ctx.actor.organizationId, cohortId);
  return buildICalendar({
    name: cohort.name,
    now: ctx.deps.clock.now().toISOString(),
    uidDomain: uidDomain(ctx),
    events: sessions.map((s) => toEvent(s, '', s.trainerName)),
  });
}

/** Every session a trainer leads in the organization, as an iCalendar file. */
export async function trainerCalendar(ctx: ServiceContext, trainerUserId: string) {
  requirePermission(ctx, Permission.TrainingRead);
  if (!(await repo.isActiveMember(ctx.deps.db, ctx.actor.organizationId, trainerUserId))) {
    throw notFound('Trainer');
  }
  const sessions = await repo.sessionsOfTrainer(ctx.deps.db, ctx.actor.organizationId, trainerUserId);
  return buildICalendar({
    name: 'Training sessions',
    now: ctx.deps.clock.now().toISOString(),
    uidDomain: uidDomain(ctx),
    events: sessions.map((s) => toEvent(s, s.cohortName)),
  });
}
