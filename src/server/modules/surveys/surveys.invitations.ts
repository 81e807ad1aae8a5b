import { LOCALES, type Locale } from '../../../contracts/common.js';
import { calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson } from '../../platform/db/sql-helpers.js';
import { newId, newToken } from '../../platform/ids.js';
import { renderSurveyMail, type SurveyMailKind } from './survey-mails.js';
import { textIn } from './surveys.presenter.js';
import type { SurveyRow } from './surveys.tables.js';

/**
 * The invitation's language: the first of the participant's languages the platform speaks
 * (`zh`, `zh-Hans`… count as zh-CN), else the survey's default language.
 */
export function invitationLocale(languagesJson: string, fallback: string): Locale {
  for (const tag of parseJson<string[]>(languagesJson, [])) {
    if ((LOCALES as readonly string[]).includes(tag)) {
      return tag as Locale;
    }
    const base = tag.split('-')[0]?.toLowerCase();
    if (base === 'zh') {
      return 'zh-CN';
    }
    if (base && (LOCALES as readonly string[]).includes(base)) {
      return base as Locale;
    }
  }
  return (LOCALES as readonly string[]).includes(fallback) ? (fallback as Locale) : 'en';
}

/** A new personal link of the invitation: the token goes into the mail, only its hash is stored. */
export async function issueLinkToken(
  deps: Deps,
  trx: Executor,
  organizationId: string,
  invitationId: string,
): Promise<string> {
  const token = newToken();
  await trx
    .insertInto('surveyLinks')
    .values({
      tokenHash: hashToken(token),
      organizationId,
      invitationId,
      createdAt: deps.clock.now().toISOString(),
    })
    .execute();
  return token;
}

export function surveyLinkUrl(deps: Deps, token: string): string {
  return `${deps.config.publicUrl}/s/${token}`;
}

interface Invitee {
  id: string;
  email: string;
  languagesJson: string;
}

/**
 * Invites participants not invited yet (one invitation per person and survey), each with a
 * personal link mailed in their language through the outbox. Runs inside the caller's
 * transaction; `flush` the mailer after it commits.
 */
export async function inviteParticipants(
  deps: Deps,
  trx: Executor,
  survey: SurveyRow,
  organizationName: string,
  invitees: readonly Invitee[],
  opts: { actorId: string | null; locale?: Locale },
): Promise<{ invited: number; skipped: number; withoutEmail: number; invitationIds: string[] }> {
  const existing = new Set(
    (
      await trx
        .selectFrom('surveyInvitations')
        .select('participantId')
        .where('organizationId', '=', survey.organizationId)
        .where('surveyId', '=', survey.id)
        .execute()
    ).map((r) => r.participantId),
  );
  const now = deps.clock.now().toISOString();
  const title = parseJson<Record<string, string>>(survey.titleJson, {});
  let invited = 0;
  let withoutEmail = 0;
  const invitationIds: string[] = [];
  for (const p of invitees) {
    if (existing.has(p.id)) {
      continue;
    }
    existing.add(p.id);
    const id = newId();
    const locale = opts.locale ?? invitationLocale(p.languagesJson, survey.defaultLocale);
    const email = p.email.trim();
    await trx
      .insertInto('surveyInvitations')
      .values({
        id,
        organizationId: survey.organizationId,
        surveyId: survey.id,
        participantId: p.id,
        locale,
        sentAt: email ? now : null,
        reminderCount: 0,
        lastRemindedAt: null,
        respondedOn: null,
        createdAt: now,
        createdBy: opts.actorId,
      })
      .execute();
    invitationIds.push(id);
    invited++;
    if (!email) {
      withoutEmail++;
      continue;
    }
    await mailLink(
      deps,
      trx,
      survey,
      organizationName,
      id,
      email,
      locale,
      textIn(title, locale),
      'survey_invitation',
    );
  }
  return { invited, skipped: invitees.length - invited, withoutEmail, invitationIds };
}

export async function mailLink(
  deps: Deps,
  trx: Executor,
  survey: SurveyRow,
  organizationName: string,
  invitationId: string,
  email: string,
  locale: string,
  surveyTitle: string,
  kind: SurveyMailKind,
): Promise<void> {
  const token = await issueLinkToken(deps, trx, survey.organizationId, invitationId);
  const mail = renderSurveyMail(kind, locale, {
    organization: organizationName,
    survey: surveyTitle,
    link: surveyLinkUrl(deps, token),
    closes: survey.closesOn ?? '',
  });
  await deps.mailer.enqueue(trx, { organizationId: survey.organizationId, to: email, kind, ...mail });
}

/**
 * Reminds invitations not answered yet, with a fresh personal link (earlier links keep working).
 * `due` decides per invitation from its last contact's calendar date in the organization's zone.
 */
export async function remindInvitations(
  deps: Deps,
  trx: Executor,
  survey: SurveyRow,
  organization: { name: string; timeZone: string },
  due: (lastContactOn: string | null, reminderCount: number) => boolean,
): Promise<number> {
  const rows = await trx
    .selectFrom('surveyInvitations as i')
    .innerJoin('trainingParticipants as p', 'p.id', 'i.participantId')
    .select(['i.id', 'i.locale', 'i.sentAt', 'i.lastRemindedAt', 'i.reminderCount', 'p.email'])
    .where('i.organizationId', '=', survey.organizationId)
    .where('i.surveyId', '=', survey.id)
    .where('i.respondedOn', 'is', null)
    .execute();
  const now = deps.clock.now().toISOString();
  const title = parseJson<Record<string, string>>(survey.titleJson, {});
  let reminded = 0;
  for (const r of rows) {
    const email = r.email.trim();
    const last = r.lastRemindedAt ?? r.sentAt;
    const lastOn = last ? calendarDateInTimeZone(last, organization.timeZone) : null;
    if (!email || !due(lastOn, r.reminderCount)) {
      continue;
    }
    const firstContact = r.sentAt === null;
    await mailLink(
      deps,
      trx,
      survey,
      organization.name,
      r.id,
      email,
      r.locale,
      textIn(title, r.locale),
      firstContact ? 'survey_invitation' : 'survey_reminder',
    );
    await trx
      .updateTable('surveyInvitations')
      .set(firstContact ? { sentAt: now } : { lastRemindedAt: now, reminderCount: r.reminderCount + 1 })
      .where('id', '=', r.id)
      .where('organizationId', '=', survey.organizationId)
      .execute();
    reminded++;
  }
  return reminded;
}
