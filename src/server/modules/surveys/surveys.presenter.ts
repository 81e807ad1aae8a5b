import type { Locale } from '../../../contracts/common.js';
import type { TInvitation, TQuestion, TSurvey, TSurveySummary } from '../../../contracts/surveys.js';
import { responseRate } from '../../../domain/evaluation/roi.js';
import { parseJson, toBool } from '../../platform/db/sql-helpers.js';
import type { SurveyContextRow, SurveyCounts } from './surveys.repository.js';
import type { InvitationRow, QuestionRow } from './surveys.tables.js';

type Texts = Record<string, string>;

/** The text in a language, else English, else the first filled one. */
export function textIn(text: Texts, locale: string): string {
  return text[locale]?.trim() || text.en?.trim() || Object.values(text).find((v) => v.trim()) || '';
}

export function presentQuestion(row: QuestionRow): TQuestion {
  return {
    id: row.id,
    type: row.type,
    text: parseJson<Texts>(row.textJson, {}),
    help: parseJson<Texts>(row.helpJson, {}),
    options: parseJson<TQuestion['options']>(row.optionsJson, []),
    required: toBool(row.required),
    reverseCoded: toBool(row.reverseCoded),
    scaleKey: row.scaleKey,
    scored: toBool(row.scored),
    correct: parseJson<string[]>(row.correctJson, []),
    points: row.points,
    purpose: row.purpose,
    applied: parseJson<string[]>(row.appliedJson, []),
    currency: row.currency,
    minValue: row.minValue === null ? null : Number(row.minValue),
    maxValue: row.maxValue === null ? null : Number(row.maxValue),
  };
}

export function presentCounts(c: SurveyCounts | undefined) {
  const invited = c?.invited ?? 0;
  const responded = Math.min(c?.responded ?? 0, invited);
  return { invited, responded, responseRate: responseRate(responded, invited) };
}

export function presentSurveySummary(
  row: SurveyContextRow,
  counts: SurveyCounts | undefined,
  questionCount: number,
): TSurveySummary {
  return {
    id: row.id,
    projectId: row.projectId,
    projectTitle: row.projectTitleJson ? parseJson<Texts>(row.projectTitleJson, {}) : null,
    cohortId: row.cohortId,
    cohortName: row.cohortName ?? null,
    cohortEndsOn: row.cohortEndsOn ?? null,
    level: row.level,
    testPhase: row.testPhase,
    title: parseJson<Texts>(row.titleJson, {}),
    anonymous: toBool(row.anonymous),
    status: row.status,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    followUpDays: row.followUpDays,
    followUpOf: row.followUpOf,
    questionCount,
    counts: presentCounts(counts),
    updatedAt: row.updatedAt,
  };
}

export function presentSurvey(
  row: SurveyContextRow,
  counts: SurveyCounts | undefined,
  questions: QuestionRow[],
  abilities: TSurvey['abilities'],
): TSurvey {
  return {
    ...presentSurveySummary(row, counts, questions.length),
    preTestId: row.preTestId,
    intro: parseJson<Texts>(row.introJson, {}),
    defaultLocale: row.defaultLocale as Locale,
    questions: questions.map(presentQuestion),
    responseCount: counts?.responses ?? 0,
    createdAt: row.createdAt,
    version: row.version,
    abilities,
  };
}

export function presentInvitation(
  row: InvitationRow & { nameLatin: string; nameNative: string; email: string },
): TInvitation {
  return {
    id: row.id,
    participantId: row.participantId,
    nameLatin: row.nameLatin,
    nameNative: row.nameNative,
    email: row.email,
    locale: row.locale as Locale,
    sentAt: row.sentAt,
    reminderCount: row.reminderCount,
    lastRemindedAt: row.lastRemindedAt,
    respondedOn: row.respondedOn,
  };
}
