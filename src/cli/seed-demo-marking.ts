import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Insertable } from 'kysely';
import { type Permission, type Role, rolePermissions } from '../contracts/roles.js';
import type {
  Aspect,
  MarkingScheme,
  MeasurementAspect,
  MeasurementObservation,
} from '../domain/competitions/marking-scheme.js';
import * as results from '../server/modules/competition-results/results.service.js';
import { loadSkill } from '../server/modules/competitions/competition-access.js';
import type { MarkingFormRow } from '../server/modules/competitions/competitions.tables.js';
import * as disputes from '../server/modules/marking/disputes.service.js';
import { enterMarks } from '../server/modules/marking/entry.service.js';
import { formSnapshot } from '../server/modules/marking/marking.presenter.js';
import * as workflow from '../server/modules/marking/workflow.service.js';
import * as schemes from '../server/modules/marking-schemes/marking-schemes.service.js';
import { importScheme } from '../server/modules/marking-schemes/marking-schemes.transfer.js';
import * as teams from '../server/modules/marking-schemes/marking-teams.service.js';
import type { ServiceContext } from '../server/platform/context.js';
import type { Database } from '../server/platform/db/database.js';
import { newId } from '../server/platform/ids.js';
import { COOKING_SCHEME, MECHATRONICS_DRAFT } from './seed-demo-marking-schemes.js';

// Marking in the demo invitational, after the set-up seed (seed-demo-competitions.ts):
// - 17 Web Technologies: the real EuroSkills 2025 CIS workbook of samples/marking-schemes imported,
//   locked, teams assigned under the compatriot rule, every form marked (three judges per judgement
//   aspect, spread ≤ 1), checked, signed and locked, results signed off and published;
// - 34 Cooking: a hand-written scheme, locked, teams assigned, marking in progress on day C2: the day-C1
//   forms locked, later ones signed, checked or entered, one judgement spread waiting for re-scoring,
//   day C3 not started, one open and one decided dispute;
// - 04 Mechatronics: a draft scheme still being written.
// Skill 44 is left without a scheme. Marks are pseudo-random but keyed on stable names (skill number,
// member code, aspect key), so every seed gives the same results.
//
// The import, the locks, the checks of team coverage, the sign-off and publication go through the
// services. Teams and fully locked forms (skill 17's 248, Cooking's 24 of day C1) are written in one
// transaction each with what the services would store (marks with their typist, each judge's score
// under the judge, check and sign stamps of people other than the typist, the chief expert's lock,
// an audit entry per step), because a service call per step would add seconds to the first start.
// Cooking's forms in progress and the disputes go through the services, so those states are reached
// the real way.

const ES2025_WORKBOOK = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../samples/marking-schemes/ES2025_Marking_Scheme_Web_Development_17.xlsx',
);

const INSERT_BATCH = 500;

/** How strong each member's competitor is in a skill (0..1); decides the medals. */
const ABILITY: Record<string, Record<string, number>> = {
  '17': { IE: 0.93, KE: 0.89, AT: 0.85, CN: 0.8, BD: 0.72, PK: 0.66, KH: 0.6, ZA: 0.53 },
  '34': { AT: 0.9, CN: 0.86, ZA: 0.8, KH: 0.77, IE: 0.7, KE: 0.66, PK: 0.6, BD: 0.55 },
};

/** A judge's habit: the chief marks straight, some experts a little generously or severely. */
const JUDGE_BIAS: Record<string, number> = {
  chief: 0,
  IE: 0.3,
  KE: -0.25,
  BD: 0.1,
  AT: -0.2,
  KH: 0.25,
  ZA: 0,
};

/** A number in [0, 1) from stable parts (FNV-1a). */
function unit(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The observation a marker of this ability's work would record. */
function observe(aspect: MeasurementAspect, ability: number, seed: string): MeasurementObservation {
  const difficulty = (unit(aspect.key, 'difficulty') - 0.5) * 0.3;
  const p = clamp(ability - difficulty, 0.05, 0.98);
  const u = unit(seed, aspect.key);
  const calc = aspect.calculation;
  switch (calc.kind) {
    case 'PASS_FAIL':
      return { kind: 'PASS_FAIL', passed: u < p };
    case 'NUMBER_COMPLETED': {
      let completed = 0;
      for (let i = 0; i < calc.possible; i++) {
        completed += unit(seed, aspect.key, i) < p ? 1 : 0;
      }
      return { kind: 'NUMBER_COMPLETED', completed };
    }
    case 'CHOICE': {
      const byDeduction = calc.choices
        .map((c, index) => ({ index, pct: Number(c.deductionPct) }))
        .sort((a, b) => a.pct - b.pct);
      const step = u < p ? 0 : 1 + Math.floor(unit(seed, aspect.key, 'worse') * (byDeduction.length - 1));
      return { kind: 'CHOICE', choiceIndex: byDeduction[step]?.index ?? 0 };
    }
    case 'RANGED_SCORE': {
      if (u < p * 0.7 || calc.ranges.length === 0) {
        return { kind: 'RANGED_SCORE', value: calc.target };
      }
      const i = u < p ? 0 : Math.min(calc.ranges.length - 1, 1);
      const range = calc.ranges[i];
      const value = unit(seed, aspect.key, 'side') < 0.5 ? range?.lower : range?.upper;
      return { kind: 'RANGED_SCORE', value: value ?? calc.target };
    }
    case 'DEDUCT':
      return { kind: 'DEDUCT', errors: Math.floor((1 - p) * 7 * unit(seed, aspect.key, 'errors')) };
  }
}

/** Each judge's 0..3 score of one aspect, kept within a spread of 1. */
function judgeScores(ability: number, seed: string, aspectKey: string, judges: readonly string[]): number[] {
  const level = clamp((ability + (unit(seed, aspectKey, 'plate') - 0.5) * 0.3) * 3, 0, 3);
  const raw = judges.map((judge) =>
    clamp(Math.round(level + (JUDGE_BIAS[judge] ?? 0) + (unit(seed, aspectKey, judge) - 0.5) * 0.6), 0, 3),
  );
  const median = [...raw].sort((a, b) => a - b)[Math.floor(raw.length / 2)] ?? 0;
  const lo = Math.max(...raw) - Math.min(...raw) > 1 ? median : Math.min(...raw);
  return raw.map((s) => clamp(s, lo, lo + 1));
}

/** A ServiceContext of one demo user, with the permissions of their role in the college. */
async function actorOf(ctx: ServiceContext, userId: string): Promise<ServiceContext> {
  const row = await ctx.deps.db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.userId', 'u.id')
    .select(['u.email', 'u.displayName', 'u.locale', 'm.role'])
    .where('u.id', '=', userId)
    .where('m.organizationId', '=', ctx.actor.organizationId)
    .executeTakeFirstOrThrow();
  const role = row.role as Role;
  return {
    ...ctx,
    actor: {
      ...ctx.actor,
      userId,
      email: row.email,
      displayName: row.displayName,
      locale: row.locale,
      role,
      permissions: new Set<Permission>(rolePermissions[role]),
    },
  };
}

interface Expert {
  id: string;
  /** Member code, or 'chief' for the (independent) chief expert. */
  code: string;
  memberId: string | null;
  ctx: ServiceContext;
}

interface Staff {
  skillId: string;
  number: string;
  chief: Expert;
  /** The experts of members, in a fixed order. */
  members: Expert[];
  entries: { id: string; memberId: string; code: string }[];
}

async function staffOf(ctx: ServiceContext, skillId: string, number: string): Promise<Staff> {
  const org = ctx.actor.organizationId;
  const rows = await ctx.deps.db
    .selectFrom('competitionExperts as x')
    .leftJoin('competitionMembers as m', 'm.id', 'x.memberId')
    .select(['x.id', 'x.userId', 'x.role', 'x.memberId', 'm.code'])
    .where('x.organizationId', '=', org)
    .where('x.skillId', '=', skillId)
    .where('x.status', '!=', 'withdrawn')
    .orderBy('m.code')
    .execute();
  const experts: Expert[] = [];
  for (const r of rows) {
    if (r.userId) {
      experts.push({
        id: r.id,
        code: r.role === 'chief_expert' ? 'chief' : (r.code ?? ''),
        memberId: r.memberId,
        ctx: await actorOf(ctx, r.userId),
      });
    }
  }
  const chief = experts.find((x) => x.code === 'chief');
  if (!chief) {
    throw new Error(`Skill ${number} has no chief expert with an account`);
  }
  const entries = await ctx.deps.db
    .selectFrom('competitionEntries as e')
    .innerJoin('competitionMembers as m', 'm.id', 'e.memberId')
    .select(['e.id', 'e.memberId', 'm.code'])
    .where('e.organizationId', '=', org)
    .where('e.skillId', '=', skillId)
    .where('e.status', 'in', ['registered', 'confirmed'])
    .orderBy('m.code')
    .execute();
  return { skillId, number, chief, members: experts.filter((x) => x !== chief), entries };
}

/**
 * Teams: every sub-criterion with judgement aspects is judged by all four experts (so each entrant
 * keeps three non-compatriot judges); measurement-only ones are marked by the member experts. Written
 * in one statement with the audit entry per team that replaceTeam records, then checked through the
 * service: no entrant may be left without enough non-compatriot markers and judges.
 */
async function assignTeams(staff: Staff, schemeId: string, scheme: MarkingScheme): Promise<void> {
  const ctx = staff.chief.ctx;
  const org = ctx.actor.organizationId;
  const at = ctx.deps.clock.now().toISOString();
  const rows: Insertable<Database['markingTeamMembers']>[] = [];
  const audits: Insertable<Database['auditLog']>[] = [];
  for (const sc of scheme.subCriteria) {
    const judged = scheme.aspects.some((a) => a.subCriterionKey === sc.key && a.type === 'J');
    const members = judged
      ? [staff.chief, ...staff.members].map((x) => ({ expertId: x.id, teamRole: 'judge' as const }))
      : staff.members.map((x) => ({ expertId: x.id, teamRole: 'marker' as const }));
    for (const m of members) {
      rows.push({
        id: newId(),
        organizationId: org,
        skillId: staff.skillId,
        schemeId,
        subCriterionKey: sc.key,
        ...m,
        createdAt: at,
        createdBy: ctx.actor.userId,
      });
    }
    audits.push({
      id: newId(),
      organizationId: org,
      at,
      actorId: ctx.actor.userId,
      actorEmail: ctx.actor.email,
      action: 'update',
      entityType: 'marking_team',
      entityId: schemeId,
      beforeJson: JSON.stringify({ subCriterionKey: sc.key, members: [] }),
      afterJson: JSON.stringify({ subCriterionKey: sc.key, members, problems: 0 }),
      reason: null,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  }
  await ctx.deps.db.transaction().execute(async (trx) => {
    await insertInBatches(rows, (b) => trx.insertInto('markingTeamMembers').values(b).execute());
    await insertInBatches(audits, (b) => trx.insertInto('auditLog').values(b).execute());
  });
  const assigned = await teams.getSchemeTeams(ctx, staff.skillId, schemeId);
  if (assigned.problemCount > 0) {
    throw new Error(`Skill ${staff.number}: ${assigned.problemCount} marking team problem(s)`);
  }
}

interface Crew {
  /** Who types the marks: the chief expert for judged forms (the judges' score cards), else a marker. */
  typist: Expert;
  judges: Expert[];
  checker: Expert;
  signer: Expert;
}

/** Who marks one form, never a compatriot of the entrant; checker and signer differ from the typist. */
function crewOf(
  staff: Staff,
  entry: Staff['entries'][number],
  aspects: readonly Aspect[],
  turn: number,
): Crew {
  const eligible = staff.members.filter((x) => x.memberId !== entry.memberId);
  const rotate = (list: Expert[]) => list.map((_, i) => list[(i + turn) % list.length] as Expert);
  const judged = aspects.some((a) => a.type === 'J');
  const order = rotate(eligible);
  const typist = judged ? staff.chief : (order[0] as Expert);
  const others = order.filter((x) => x !== typist);
  return {
    typist,
    judges: [...order, staff.chief].slice(0, 3),
    checker: others[0] ?? staff.chief,
    signer: others[1] ?? staff.chief,
  };
}

function aspectsOf(scheme: MarkingScheme, subCriterionKey: string) {
  return scheme.aspects.filter((a) => a.subCriterionKey === subCriterionKey);
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await insert(rows.slice(i, i + INSERT_BATCH));
  }
}

/** 17 Web Technologies: the EuroSkills 2025 scheme marked completely; results signed off and published. */
async function seedWebTechnologies(admin: ServiceContext, staff: Staff): Promise<void> {
  const chief = staff.chief.ctx;
  const draft = await importScheme(
    chief,
    staff.skillId,
    path.basename(ES2025_WORKBOOK),
    fs.readFileSync(ES2025_WORKBOOK),
  );
  const locked = await schemes.lockSchemeVersion(chief, staff.skillId, draft.id, draft.version);
  const scheme = locked.scheme as MarkingScheme;
  await assignTeams(staff, locked.id, scheme);
  await writeLockedForms(staff, scheme, await formsOf(chief, locked.id));
  const skill = await loadSkill(chief, staff.skillId);
  const signed = await results.signOff(chief, staff.skillId, { version: skill.version });
  await results.publish(admin, staff.skillId, { version: signed.skill.version });
}

async function formsOf(ctx: ServiceContext, schemeId: string) {
  return ctx.deps.db
    .selectFrom('markingForms')
    .selectAll()
    .where('organizationId', '=', ctx.actor.organizationId)
    .where('schemeId', '=', schemeId)
    .orderBy('subCriterionKey')
    .orderBy('entryId')
    .execute();
}

/**
 * Marks these forms completely and takes each through entered → checked → signed → locked, in one
 * transaction, storing what the services would: the typist on every mark, each judge's score under
 * the judge, the stamps of a checker and signer other than the typist, the chief expert's lock, and
 * the audit entry of every step.
 */
async function writeLockedForms(staff: Staff, scheme: MarkingScheme, forms: MarkingFormRow[]) {
  const chief = staff.chief.ctx;
  const org = chief.actor.organizationId;
  const db = chief.deps.db;
  const now = chief.deps.clock.now().toISOString();
  const entryById = new Map(staff.entries.map((e, i) => [e.id, { entry: e, turn: i }]));
  const ability = ABILITY[staff.number] ?? {};
  const measurements: Insertable<Database['measurementMarks']>[] = [];
  const scores: Insertable<Database['judgementScores']>[] = [];
  const audits: Insertable<Database['auditLog']>[] = [];
  /** Forms with the same typist, checker and signer are stamped in one statement. */
  const byCrew = new Map<string, { crew: Crew; ids: string[] }>();
  for (const form of forms) {
    const found = entryById.get(form.entryId);
    if (!found) {
      continue;
    }
    const { entry, turn } = found;
    const aspects = aspectsOf(scheme, form.subCriterionKey);
    const crew = crewOf(staff, entry, aspects, turn);
    const seed = `${staff.number}:${entry.code}`;
    const level = ability[entry.code] ?? 0.6;
    const typed: unknown[] = [];
    for (const aspect of aspects) {
      if (aspect.type === 'M') {
        const observation = observe(aspect, level, seed);
        measurements.push({
          id: newId(),
          organizationId: org,
          formId: form.id,
          aspectKey: aspect.key,
          observationJson: JSON.stringify(observation),
          comment: '',
          markerExpertId: crew.typist.id,
          enteredBy: crew.typist.ctx.actor.userId,
          enteredAt: now,
          version: 1,
        });
        typed.push({ aspectKey: aspect.key, observation, version: 1 });
      } else {
        const values = judgeScores(
          level,
          seed,
          aspect.key,
          crew.judges.map((j) => j.code),
        );
        crew.judges.forEach((judge, i) => {
          scores.push({
            id: newId(),
            organizationId: org,
            formId: form.id,
            aspectKey: aspect.key,
            judgeExpertId: judge.id,
            score: values[i] ?? 0,
            enteredBy: crew.typist.ctx.actor.userId,
            enteredAt: now,
            version: 1,
          });
          typed.push({ aspectKey: aspect.key, judgeExpertId: judge.id, score: values[i], version: 1 });
        });
      }
    }
    const crewKey = [crew.typist.id, crew.checker.id, crew.signer.id].join(' ');
    const group = byCrew.get(crewKey) ?? { crew, ids: [] };
    group.ids.push(form.id);
    byCrew.set(crewKey, group);
    // The four workflow steps, audited as the services record them (entry: the marks; then the form).
    const by = (x: Expert) => x.ctx.actor.userId;
    const entered = { ...formSnapshot(form), state: 'entered', enteredBy: by(crew.typist) };
    const checked = { ...entered, state: 'checked', checkedBy: by(crew.checker) };
    const signed = { ...checked, state: 'signed', signedBy: by(crew.signer) };
    const lockedForm = { ...signed, state: 'locked', lockedBy: by(staff.chief) };
    const steps: [Expert, unknown, unknown][] = [
      [crew.typist, { state: 'not_started', marks: [] }, { state: 'entered', marks: typed }],
      [crew.checker, entered, checked],
      [crew.signer, checked, signed],
      [staff.chief, signed, lockedForm],
    ];
    for (const [actor, before, after] of steps) {
      audits.push({
        id: newId(),
        organizationId: org,
        at: now,
        actorId: by(actor),
        actorEmail: actor.ctx.actor.email,
        action: 'update',
        entityType: 'marking_form',
        entityId: form.id,
        beforeJson: JSON.stringify(before),
        afterJson: JSON.stringify(after),
        reason: null,
        requestId: chief.requestId,
        ip: chief.ip,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertInBatches(measurements, (b) => trx.insertInto('measurementMarks').values(b).execute());
    await insertInBatches(scores, (b) => trx.insertInto('judgementScores').values(b).execute());
    await insertInBatches(audits, (b) => trx.insertInto('auditLog').values(b).execute());
    for (const { crew, ids } of byCrew.values()) {
      await trx
        .updateTable('markingForms')
        .set({
          state: 'locked',
          enteredBy: crew.typist.ctx.actor.userId,
          enteredAt: now,
          checkedBy: crew.checker.ctx.actor.userId,
          checkedAt: now,
          signedBy: crew.signer.ctx.actor.userId,
          signedAt: now,
          lockedBy: staff.chief.ctx.actor.userId,
          lockedAt: now,
          updatedAt: now,
          updatedBy: staff.chief.ctx.actor.userId,
          version: 5,
        })
        .where('organizationId', '=', org)
        .where('id', 'in', ids)
        .execute();
    }
  });
}

type FormPlan = 'signed' | 'checked' | 'entered' | 'rescore';

/** Cooking on day C2: the day-C1 sub-criteria are locked; C3's not started; the rest in progress. */
const COOKING_LOCKED = new Set(['A1', 'B1', 'B2']);
/** The in-progress sub-criteria: what state each form reaches, by the entrant's place in the list. */
const COOKING_IN_PROGRESS = ['A2', 'C1', 'C2'];
function cookingPlan(subCriterionKey: string, turn: number): FormPlan | null {
  switch (subCriterionKey) {
    case 'A2':
      return turn < 4 ? 'signed' : 'checked';
    case 'C1':
      return turn < 3 ? 'signed' : turn < 6 ? 'checked' : 'entered';
    case 'C2':
      return turn === 1 ? 'rescore' : turn < 4 ? 'entered' : null;
    default:
      return null;
  }
}

/** 34 Cooking: a hand-written scheme with marking in progress, through the services form by form. */
async function seedCooking(staff: Staff): Promise<void> {
  const chief = staff.chief.ctx;
  const draft = await schemes.createSchemeVersion(chief, staff.skillId, {
    from: 'json',
    scheme: COOKING_SCHEME,
  });
  const locked = await schemes.lockSchemeVersion(chief, staff.skillId, draft.id, draft.version);
  const scheme = COOKING_SCHEME;
  await assignTeams(staff, locked.id, scheme);
  const forms = await formsOf(chief, locked.id);
  await writeLockedForms(
    staff,
    scheme,
    forms.filter((f) => COOKING_LOCKED.has(f.subCriterionKey)),
  );
  const formOf = (key: string, entryId: string) =>
    forms.find((f) => f.subCriterionKey === key && f.entryId === entryId);
  const ability = ABILITY[staff.number] ?? {};

  for (const key of COOKING_IN_PROGRESS) {
    const aspects = aspectsOf(scheme, key);
    for (const [turn, entry] of staff.entries.entries()) {
      const plan = cookingPlan(key, turn);
      const form = formOf(key, entry.id);
      if (!plan || !form) {
        continue;
      }
      const crew = crewOf(staff, entry, aspects, turn);
      const seed = `${staff.number}:${entry.code}`;
      const level = ability[entry.code] ?? 0.6;
      const judgeItems = aspects.flatMap((aspect) => {
        if (aspect.type !== 'J') {
          return [];
        }
        const values =
          plan === 'rescore' && aspect.key === `${key}.1`
            ? [3, 2, 1] // two judges two points apart: the form cannot be checked until re-scored
            : judgeScores(
                level,
                seed,
                aspect.key,
                crew.judges.map((j) => j.code),
              );
        return crew.judges.map((judge, i) => ({
          aspectKey: aspect.key,
          judgeExpertId: judge.id,
          score: values[i] ?? 0,
          expectedVersion: 0,
        }));
      });
      const entered = await enterMarks(crew.typist.ctx, form.id, {
        clientBatchId: `seed-${form.id}`,
        measurements: aspects.flatMap((aspect) =>
          aspect.type === 'M'
            ? [{ aspectKey: aspect.key, observation: observe(aspect, level, seed), expectedVersion: 0 }]
            : [],
        ),
        judgeScores: judgeItems,
      });
      if (plan === 'entered' || plan === 'rescore') {
        continue;
      }
      const checked = await workflow.checkForm(crew.checker.ctx, form.id, entered.formVersion);
      if (plan === 'checked') {
        continue;
      }
      await workflow.signForm(crew.signer.ctx, form.id, checked.form.version);
    }
  }
  await seedCookingDisputes(staff, formOf);
}

/**
 * Kenya's registrar disputes a locked mark (open: it blocks the sign-off of Cooking); Cambodia's
 * expert raised one about their competitor's dressing that the chief expert rejected. The texts
 * describe marks the seed gave, which is checked so that a change of the marks cannot leave them wrong.
 */
async function seedCookingDisputes(
  staff: Staff,
  formOf: (key: string, entryId: string) => { id: string } | undefined,
): Promise<void> {
  const chief = staff.chief.ctx;
  const org = chief.actor.organizationId;
  const failedForm = async (code: string, key: string, aspectKey: string, observation: object) => {
    const entry = staff.entries.find((e) => e.code === code);
    const form = entry && formOf(key, entry.id);
    const mark =
      form &&
      (await chief.deps.db
        .selectFrom('measurementMarks')
        .select('observationJson')
        .where('organizationId', '=', org)
        .where('formId', '=', form.id)
        .where('aspectKey', '=', aspectKey)
        .executeTakeFirst());
    if (!entry || !form || mark?.observationJson !== JSON.stringify(observation)) {
      throw new Error(`The demo dispute about ${code} ${aspectKey} no longer matches the seeded mark`);
    }
    return { entryId: entry.id, formId: form.id };
  };

  const registrar = await chief.deps.db
    .selectFrom('competitionMemberRegistrars as r')
    .innerJoin('competitionMembers as m', 'm.id', 'r.memberId')
    .select('r.userId')
    .where('r.organizationId', '=', org)
    .where('m.code', '=', 'KE')
    .executeTakeFirstOrThrow();
  await disputes.raiseDispute(await actorOf(chief, registrar.userId), staff.skillId, {
    ...(await failedForm('KE', 'B1', 'B1.8', { kind: 'PASS_FAIL', passed: false })),
    subject: 'Cold starter plates marked as not chilled',
    description:
      'B1.8 was marked as failed because the plates were not chilled. Our competitor took them from the ' +
      'blast chiller at 11:55 and the pass temperature log shows 4 °C at 12:02. Please review the log ' +
      'and restore the mark.',
  });

  const expert = staff.members.find((x) => x.code === 'KH');
  if (!expert) {
    throw new Error('Cooking has no expert of Cambodia');
  }
  const raised = await disputes.raiseDispute(expert.ctx, staff.skillId, {
    ...(await failedForm('KH', 'B1', 'B1.6', { kind: 'CHOICE', choiceIndex: 2 })),
    subject: 'Dressing marked as split',
    description:
      'B1.6 gives no marks for the dressing as "split or missing". It was a broken hazelnut vinaigrette, ' +
      'split on purpose as the dish description says.',
  });
  await disputes.decideDispute(chief, raised.id, {
    version: raised.version,
    outcome: 'rejected',
    decision:
      'Rejected: the dish description handed in names a "hazelnut emulsion", and B1.6 requires a stable ' +
      'emulsion. The mark stands.',
  });
}

/** 04 Mechatronics: a draft scheme being written (not locked), for the editor. */
async function seedMechatronicsDraft(staff: Staff): Promise<void> {
  await schemes.createSchemeVersion(staff.chief.ctx, staff.skillId, {
    from: 'json',
    scheme: MECHATRONICS_DRAFT,
  });
}

/** `skillIds` maps the demo skill numbers ('04', '17', '34', '44') to their ids. */
export async function seedDemoMarking(
  ctx: ServiceContext,
  skillIds: ReadonlyMap<string, string>,
): Promise<void> {
  const staff = async (number: string) => {
    const id = skillIds.get(number);
    if (!id) {
      throw new Error(`The demo has no skill ${number}`);
    }
    return staffOf(ctx, id, number);
  };
  await seedWebTechnologies(ctx, await staff('17'));
  await seedCooking(await staff('34'));
  await seedMechatronicsDraft(await staff('04'));
}
