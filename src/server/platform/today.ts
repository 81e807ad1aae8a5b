import { calendarDateInTimeZone } from '../../domain/dates/calendar-date.js';
import type { ServiceContext } from './context.js';

/** Today's calendar date in the actor's organization, the "today" every date rule takes. */
export function todayFor(ctx: ServiceContext): string {
  return calendarDateInTimeZone(ctx.deps.clock.now().toISOString(), ctx.actor.timeZone);
}
