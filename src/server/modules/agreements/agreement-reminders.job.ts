import { calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import type { Deps } from '../../platform/context.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { runOncePerPeriod } from '../../platform/jobs/run-once.js';
import { renderMail } from '../../platform/mail/templates.js';
import { statusOf } from './agreements.presenter.js';
import { listAgreements } from './agreements.repository.js';

/**
 * Once a day per organization (its own calendar day), sends each active coordinator and admin
 * one digest of the agreements whose status is "expiring", into the outbox (and SMTP if set).
 */
export async function sendAgreementReminders(
  deps: Deps,
): Promise<{ organizations: number; messages: number }> {
  const orgs = await deps.db.selectFrom('organizations').select(['id', 'name', 'timeZone']).execute();
  let messages = 0;
  let organizations = 0;
  for (const org of orgs) {
    const today = calendarDateInTimeZone(deps.clock.now().toISOString(), org.timeZone);
    const outcome = await runOncePerPeriod(
      deps.db,
      deps.clock,
      `agreement-reminders:${org.id}`,
      today,
      async () => {
        const expiring = (await listAgreements(deps.db, org.id, { inForceOnly: true }, today))
          .map((row) => ({ row, derived: statusOf(row, today) }))
          .filter((a) => a.derived.status === 'expiring')
          .sort((a, b) => (a.derived.daysToEnd ?? 0) - (b.derived.daysToEnd ?? 0));
        if (expiring.length === 0) {
          return 0;
        }
        const recipients = await deps.db
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.userId')
          .select(['u.email', 'u.locale'])
          .where('m.organizationId', '=', org.id)
          .where('m.status', '=', 'active')
          .where('m.role', 'in', ['coordinator', 'admin'])
          .execute();
        return deps.db.transaction().execute(async (trx) => {
          for (const r of recipients) {
            const list = expiring
              .map(({ row, derived }) => {
                const title = parseJson<Record<string, string>>(row.titleJson, {});
                return `- ${title[r.locale] || title.en || Object.values(title)[0]}: ${derived.effectiveEndsOn} (${derived.daysToEnd})`;
              })
              .join('\n');
            const mail = renderMail('agreements_expiring', r.locale, {
              count: String(expiring.length),
              days: String(Math.max(...expiring.map((e) => e.row.expiringWindowDays))),
              organization: org.name,
              list,
              link: `${deps.config.publicUrl}/agreements?status=expiring`,
            });
            await deps.mailer.enqueue(trx, {
              organizationId: org.id,
              to: r.email,
              kind: 'agreements_expiring',
              ...mail,
            });
          }
          return recipients.length;
        });
      },
    );
    if (outcome.ran) {
      organizations++;
      messages += outcome.result ?? 0;
    }
  }
  await deps.mailer.flush(deps.db);
  return { organizations, messages };
}
