// What the load run needs on top of the demo seed, made the way members make it (through the API
// of the running server): expert sessions and the marks they may type in 34 Cooking, a pile of
// survey invitations with their personal links, and a coordinator session for the dashboard.
import type { Kysely } from 'kysely';
import { DEMO_PASSWORD } from '../src/cli/seed-demo.js';
import type { TFormDetail, TFormMatrix } from '../src/contracts/marking.js';
import type { TQuestion } from '../src/contracts/surveys.js';
import { surveyTemplate } from '../src/server/modules/surveys/survey-templates.js';
import { hashToken } from '../src/server/platform/auth/tokens.js';
import type { Database } from '../src/server/platform/db/database.js';
import type { MarkSlot } from './load-marks.js';

export interface Session {
  email: string;
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) {
    throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { email, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function api<T>(base: string, s: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) {
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 400)}`);
  }
  return JSON.parse(text) as T;
}

export interface MarkFixture {
  skillId: string;
  slots: MarkSlot[];
  /** Form versions before the load, to check afterwards that each accepted batch moved them once. */
  formVersions: Map<string, number>;
}

/**
 * Every mark the Cooking experts may type on the forms still open for entry, as the form pages
 * show them (abilities, versions). Experts of members come before the chief expert, so each mark
 * is typed by the expert who would type it; the slots are interleaved across forms.
 */
export async function markFixture(base: string, db: Kysely<Database>): Promise<MarkFixture> {
  const skill = await db
    .selectFrom('competitionSkills as s')
    .innerJoin('markingForms as f', 'f.skillId', 's.id')
    .select('s.id')
    .where('s.number', '=', '34')
    .groupBy('s.id')
    .executeTakeFirstOrThrow();
  const experts = await db
    .selectFrom('competitionExperts as e')
    .innerJoin('users as u', 'u.id', 'e.userId')
    .select(['u.email', 'e.role'])
    .where('e.skillId', '=', skill.id)
    .orderBy('e.role', 'desc')
    .orderBy('u.email')
    .execute();
  const byForm = new Map<string, MarkSlot[]>();
  const seen = new Set<string>();
  const formVersions = new Map<string, number>();
  /** New judge scores planned per form and aspect. */
  const newScores = new Map<string, number>();
  for (const expert of experts) {
    const s = await signIn(base, expert.email);
    const matrix = await api<TFormMatrix>(base, s, 'GET', `/api/v1/marking/skills/${skill.id}/forms`);
    for (const form of matrix.forms.filter((f) => f.state === 'not_started' || f.state === 'entered')) {
      const d = await api<TFormDetail>(base, s, 'GET', `/api/v1/marking/forms/${form.id}`);
      if (d.entryBlockedBy) {
        continue;
      }
      formVersions.set(form.id, d.form.version);
      const add = (key: string, slot: MarkSlot) => {
        if (!seen.has(key)) {
          seen.add(key);
          byForm.set(form.id, [...(byForm.get(form.id) ?? []), slot]);
        }
      };
      for (const a of d.aspects) {
        const base = { formId: form.id, cookie: s.cookie, csrf: s.csrf, aspectKey: a.aspect.key };
        if (a.aspect.type === 'M' && d.abilities.enterMeasurements && a.observation) {
          add(`${form.id}|m|${a.aspect.key}`, {
            ...base,
            kind: 'measurement',
            observation: a.observation.observation,
            version: a.observation.version,
          });
        }
        if (a.aspect.type === 'J') {
          // A judge without a score yet adds one: never more than the skill's number of judges.
          const aspectKey = `${form.id}|${a.aspect.key}`;
          for (const judgeExpertId of d.abilities.enterJudgeScoresFor) {
            const version = a.judgeScores.find((j) => j.judgeExpertId === judgeExpertId)?.version ?? 0;
            const key = `${form.id}|j|${a.aspect.key}|${judgeExpertId}`;
            if (version === 0 && !seen.has(key)) {
              const added = newScores.get(aspectKey) ?? 0;
              if (a.judgeScores.length + added >= d.rules.numJudges) {
                continue;
              }
              newScores.set(aspectKey, added + 1);
            }
            add(key, { ...base, kind: 'judge', judgeExpertId, version });
          }
        }
      }
    }
  }
  // Round robin over forms: the first connections work on different forms.
  const lists = [...byForm.values()];
  const slots: MarkSlot[] = [];
  for (let i = 0; slots.length < seen.size; i++) {
    for (const l of lists) {
      const slot = l[i];
      if (slot) {
        slots.push(slot);
      }
    }
  }
  return { skillId: skill.id, slots, formVersions };
}

/** The stored version of each slot's mark (0 when there is none), in slot order. */
export async function markVersions(db: Kysely<Database>, slots: readonly MarkSlot[]): Promise<number[]> {
  const formIds = [...new Set(slots.map((s) => s.formId))];
  const [measurements, scores] = await Promise.all([
    db
      .selectFrom('measurementMarks')
      .select(['formId', 'aspectKey', 'version'])
      .where('formId', 'in', formIds)
      .execute(),
    db
      .selectFrom('judgementScores')
      .select(['formId', 'aspectKey', 'judgeExpertId', 'version'])
      .where('formId', 'in', formIds)
      .execute(),
  ]);
  const m = new Map(measurements.map((r) => [`${r.formId}|${r.aspectKey}`, r.version]));
  const j = new Map(scores.map((r) => [`${r.formId}|${r.aspectKey}|${r.judgeExpertId}`, r.version]));
  return slots.map((s) =>
    s.kind === 'measurement'
      ? (m.get(`${s.formId}|${s.aspectKey}`) ?? 0)
      : (j.get(`${s.formId}|${s.aspectKey}|${s.judgeExpertId}`) ?? 0),
  );
}

/** A complete, valid answer sheet for the questions. */
function answerSheet(questions: readonly TQuestion[], locale: string): string {
  const answers = questions.map((q) => {
    switch (q.type) {
      case 'likert5':
        return { questionId: q.id, number: 4 };
      case 'likert7':
        return { questionId: q.id, number: 6 };
      case 'nps':
        return { questionId: q.id, number: 9 };
      case 'number':
        return { questionId: q.id, number: q.minValue ?? 1 };
      case 'text':
        return { questionId: q.id, text: 'Clear and practical; more time at the bench next time.' };
      default:
        return { questionId: q.id, choices: [q.options[0]?.key ?? ''] };
    }
  });
  return JSON.stringify({ locale, answers });
}

export interface SurveyFixture {
  cohortId: string;
  surveyIds: string[];
  /** Personal links with the index of their survey's answer sheet in `bodies`. */
  links: [string, number][];
  bodies: string[];
}

/** An empty survey fixture on the demo's largest cohort; `addSurveyLinks` fills it. */
export async function surveyFixture(db: Kysely<Database>): Promise<SurveyFixture> {
  const cohort = await db
    .selectFrom('trainingEnrolments')
    .select(['cohortId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '!=', 'withdrawn')
    .groupBy('cohortId')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  return { cohortId: cohort.cohortId, surveyIds: [], links: [], bodies: [] };
}

/** One reaction (L1) survey, opened and sent to the cohort by the coordinator; its answer sheet. */
async function sendSurvey(base: string, coordinator: Session, cohortId: string) {
  const created = await api<{ id: string; version: number }>(
    base,
    coordinator,
    'POST',
    '/api/v1/surveys',
    surveyTemplate('L1', { cohortId }),
  );
  await api(base, coordinator, 'POST', `/api/v1/surveys/${created.id}/status`, {
    version: created.version,
    status: 'open',
  });
  const r = await api<{ invited: number }>(
    base,
    coordinator,
    'POST',
    `/api/v1/surveys/${created.id}/invitations`,
    {},
  );
  if (r.invited === 0) {
    throw new Error('the cohort has no participants to invite');
  }
  const survey = await api<{ questions: TQuestion[] }>(
    base,
    coordinator,
    'GET',
    `/api/v1/surveys/${created.id}`,
  );
  return { id: created.id, invited: r.invited, body: answerSheet(survey.questions, 'en') };
}

/**
 * Adds at least `wanted` personal links: surveys sent as a coordinator would (three at a time),
 * the links read back from the outbox (no SMTP in the bench) as the participants read them in
 * their mail. Called between steps, so only as many are made as the load needs.
 */
export async function addSurveyLinks(
  base: string,
  db: Kysely<Database>,
  coordinator: Session,
  f: SurveyFixture,
  wanted: number,
): Promise<void> {
  const sent: { id: string; invited: number; body: string }[] = [];
  let invited = 0;
  while (invited < wanted) {
    const batch = await Promise.all([1, 2, 3].map(() => sendSurvey(base, coordinator, f.cohortId)));
    sent.push(...batch);
    invited += batch.reduce((a, b) => a + b.invited, 0);
  }
  const bodyOf = new Map<string, number>();
  for (const s of sent) {
    bodyOf.set(s.id, f.bodies.length);
    f.bodies.push(s.body);
    f.surveyIds.push(s.id);
  }
  const ids = sent.map((s) => s.id);
  const hashes = await db
    .selectFrom('surveyLinks as l')
    .innerJoin('surveyInvitations as i', 'i.id', 'l.invitationId')
    .select(['l.tokenHash', 'i.surveyId', 'i.createdAt'])
    .where('i.surveyId', 'in', ids)
    .execute();
  const surveyOfHash = new Map(hashes.map((r) => [r.tokenHash, r.surveyId]));
  // ISO instants sort as strings: the earliest invitation of these surveys.
  const since = hashes.map((r) => r.createdAt).sort()[0] ?? '';
  const mails = await db
    .selectFrom('outbox')
    .select('bodyText')
    .where('kind', '=', 'survey_invitation')
    .where('createdAt', '>=', since)
    .execute();
  let found = 0;
  for (const m of mails) {
    const token = /\/s\/([A-Za-z0-9_-]{20,100})/.exec(m.bodyText)?.[1];
    const surveyId = token ? surveyOfHash.get(hashToken(token)) : undefined;
    const body = surveyId === undefined ? undefined : bodyOf.get(surveyId);
    if (token && body !== undefined) {
      f.links.push([token, body]);
      found++;
    }
  }
  if (found < invited) {
    throw new Error(`found ${found} personal links in the outbox for ${invited} invitations`);
  }
}
