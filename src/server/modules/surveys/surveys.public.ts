import { randomUUID } from 'node:crypto';
import type {
  TAnswerInput,
  TPublicSurvey,
  TQuestion,
  TSubmitResponseRequest,
} from '../../../contracts/surveys.js';
import { calendarDateInTimeZone } from '../../../domain/dates/calendar-date.js';
import { hashToken } from '../../platform/auth/tokens.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../platform/db/executor.js';
import { parseJson, toBool, toJson } from '../../platform/db/sql-helpers.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { presentQuestion } from './surveys.presenter.js';
import * as repo from './surveys.repository.js';

type Link = NonNullable<Awaited<ReturnType<typeof repo.linkByHash>>>;
type State = TPublicSurvey['state'];

/** Any token that is not a current link answers the same: 404, "this link is not valid". */
async function linkOf(db: Executor, token: string): Promise<Link> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    throw notFound('Survey link');
  }
  const link = await repo.linkByHash(db, hashToken(token));
  if (!link) {
    throw notFound('Survey link');
  }
  return link;
}

function stateOf(link: Link, today: string): State {
  if (link.respondedOn) {
    return 'answered';
  }
  if (link.status === 'closed' || (link.closesOn !== null && link.closesOn < today)) {
    return 'closed';
  }
  if (link.status === 'draft' || (link.opensOn !== null && link.opensOn > today)) {
    return 'not_yet_open';
  }
  return 'open';
}

async function questionsOf(db: Executor, link: Link): Promise<TQuestion[]> {
  return (await repo.questionsOf(db, link.organizationId, [link.surveyId])).map(presentQuestion);
}

/** What the personal link shows: the survey in the invitation's language, or why it cannot be answered. */
export async function getPublicSurvey(deps: Deps, token: string): Promise<TPublicSurvey> {
  const link = await linkOf(deps.db, token);
  const state = stateOf(link, calendarDateInTimeZone(deps.clock.now().toISOString(), link.timeZone));
  const questions = state === 'open' ? await questionsOf(deps.db, link) : [];
  return {
    state,
    locale: link.locale as TPublicSurvey['locale'],
    organizationName: link.organizationName,
    title: parseJson<Record<string, string>>(link.titleJson, {}),
    intro: parseJson<Record<string, string>>(link.introJson, {}),
    anonymous: toBool(link.anonymous),
    closesOn: link.closesOn,
    // Correct answers and analysis flags never leave the server.
    questions: questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text,
      help: q.help,
      options: q.options,
      required: q.required,
      currency: q.currency,
      minValue: q.minValue,
      maxValue: q.maxValue,
    })),
  };
}

interface StoredAnswer {
  questionId: string;
  valueNumber: number | null;
  valueText: string | null;
  valueChoicesJson: string | null;
}

type Issue = { path: (string | number)[]; message: string };

function isBlank(a: TAnswerInput | undefined): boolean {
  if (!a) {
    return true;
  }
  const noNumber = a.number === null || a.number === undefined;
  const noText = !a.text || a.text.trim() === '';
  const noChoices = !a.choices || a.choices.length === 0;
  return noNumber && noText && noChoices;
}

function whole(n: number, min: number, max: number) {
  return Number.isInteger(n) && n >= min && n <= max;
}

/**
 * Checks an answer sheet against the questions: each problem names its question
 * (`path: ['answers', questionId]`), so the page can show it next to the question.
 */
export function checkAnswers(
  questions: readonly TQuestion[],
  answers: readonly TAnswerInput[],
): { issues: Issue[]; stored: StoredAnswer[] } {
  const issues: Issue[] = [];
  const stored: StoredAnswer[] = [];
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const known = new Set(questions.map((q) => q.id));
  for (const a of answers) {
    if (!known.has(a.questionId)) {
      issues.push({ path: ['answers', a.questionId], message: 'unknown_question' });
    }
  }
  for (const q of questions) {
    const a = byId.get(q.id);
    if (isBlank(a)) {
      if (q.required) {
        issues.push({ path: ['answers', q.id], message: 'answer_required' });
      }
      continue;
    }
    const n = a?.number ?? null;
    const base = { questionId: q.id, valueNumber: null, valueText: null, valueChoicesJson: null };
    switch (q.type) {
      case 'likert5':
      case 'likert7':
      case 'nps': {
        const [min, max] = q.type === 'nps' ? [0, 10] : [1, q.type === 'likert5' ? 5 : 7];
        if (n === null || !whole(n, min, max)) {
          issues.push({ path: ['answers', q.id], message: 'answer_out_of_range' });
        } else {
          stored.push({ ...base, valueNumber: n });
        }
        break;
      }
      case 'number': {
        if (n === null) {
          issues.push({ path: ['answers', q.id], message: 'answer_required' });
        } else if ((q.minValue !== null && n < q.minValue) || (q.maxValue !== null && n > q.maxValue)) {
          issues.push({ path: ['answers', q.id], message: 'answer_out_of_range' });
        } else {
          stored.push({ ...base, valueNumber: n });
        }
        break;
      }
      case 'text': {
        const text = (a?.text ?? '').trim();
        if (text === '') {
          issues.push({ path: ['answers', q.id], message: 'answer_required' });
        } else {
          stored.push({ ...base, valueText: text });
        }
        break;
      }
      case 'single':
      case 'multiple': {
        const chosen = [...new Set(a?.choices ?? [])];
        const keys = new Set(q.options.map((o) => o.key));
        if (chosen.length === 0) {
          issues.push({ path: ['answers', q.id], message: 'answer_required' });
        } else if (chosen.some((c) => !keys.has(c))) {
          issues.push({ path: ['answers', q.id], message: 'unknown_option' });
        } else if (q.type === 'single' && chosen.length > 1) {
          issues.push({ path: ['answers', q.id], message: 'one_choice_only' });
        } else {
          stored.push({ ...base, valueChoicesJson: toJson(chosen) });
        }
        break;
      }
    }
  }
  return { issues, stored };
}

/**
 * Saves an answer sheet once. The invitation is marked answered with a compare-and-set in the same
 * transaction, so a second submission (or two at once) gets 409 `already_answered`. For an
 * anonymous survey the response row carries no invitation, no participant, a random (not
 * time-ordered) id and only the date, and the invitation only the date: nothing links the two.
 * @throws NOT_FOUND (link not valid), INVALID_STATE (already_answered, closed, not_yet_open),
 *   INVALID_INPUT (per-question problems in details.issues)
 */
export async function submitResponse(deps: Deps, token: string, body: TSubmitResponseRequest) {
  await deps.db.transaction().execute(async (trx) => {
    const link = await linkOf(trx, token);
    const nowIso = deps.clock.now().toISOString();
    const today = calendarDateInTimeZone(nowIso, link.timeZone);
    const state = stateOf(link, today);
    if (state !== 'open') {
      throw new AppError('INVALID_STATE', `This survey cannot be answered: ${state}`, {
        reason: state === 'answered' ? 'already_answered' : state,
      });
    }
    const questions = await questionsOf(trx, link);
    const { issues, stored } = checkAnswers(questions, body.answers);
    if (issues.length > 0) {
      throw new AppError('INVALID_INPUT', 'Some answers need attention', { issues });
    }
    const claimed = await trx
      .updateTable('surveyInvitations')
      .set({ respondedOn: today })
      .where('id', '=', link.invitationId)
      .where('organizationId', '=', link.organizationId)
      .where('respondedOn', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new AppError('INVALID_STATE', 'This survey was already answered', { reason: 'already_answered' });
    }
    const anonymous = toBool(link.anonymous);
    const responseId = anonymous ? randomUUID() : newId();
    await trx
      .insertInto('surveyResponses')
      .values({
        id: responseId,
        organizationId: link.organizationId,
        surveyId: link.surveyId,
        invitationId: anonymous ? null : link.invitationId,
        participantId: anonymous ? null : link.participantId,
        locale: body.locale,
        submittedAt: anonymous ? today : nowIso,
      })
      .execute();
    for (const a of stored) {
      await trx
        .insertInto('surveyAnswers')
        .values({ responseId, organizationId: link.organizationId, ...a })
        .execute();
    }
  });
  return { ok: true as const };
}
