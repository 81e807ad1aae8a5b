/**
 * Hard filters and the explainable score of one profile against one posting.
 *
 * Hard filters (a profile failing any is excluded; every failure is recorded):
 * - consent given (on or before `today`) and not withdrawn;
 * - willing to work in the posting's country ('any' accepts every country);
 * - available by the start date (availableFrom ≤ startDate);
 * - every required language at or above its minimum CEFR level.
 *
 * Relevance: a profile is considered at all only when it holds at least one of the posting's skills
 * (required or optional, at any level) or its occupation is in the posting's ISCO-08 minor group.
 * Others are counted as "not relevant", not scored.
 *
 * Score, 0..100, the sum of six components. Each component has a weight (defaults below); the
 * weights of the components that apply to the posting are scaled to add up to 100, so a posting
 * without optional skills or languages can still be matched at 100. A component applies when:
 * required skills and credentials → the posting has required skills; optional skills → it has
 * optional skills; languages → it names a language; competition → it names any skill; occupation →
 * always.
 *
 * - requiredSkills (60): per required skill r with weight w, share = w / Σw of the required list;
 *   credit = 1 at or above minLevel, 1 − 0.4 × gap below it (one level short 0.6, two 0.2, three 0),
 *   0 when missing. Points = max × share × credit.
 * - optionalSkills (12): the same over the optional list.
 * - languages (5): each language of the posting is one equal item. A required language scores
 *   min(levels above minimum, 2) / 2 (the minimum itself is the hard filter); an optional language
 *   scores 1 at or above its minimum, 0 below or missing.
 * - credentials (8): per required skill (same shares), 1 when a platform certificate attests it,
 *   0.5 when the profile's skill is verified by a certificate, competition or employer (evidence
 *   'self' never counts as verified), 0 otherwise.
 * - competition (8): the best competition result whose skills include one of the posting's skills;
 *   value = 5/8 × medal points / 4 (gold 4, silver 3, bronze 2, Medallion for Excellence 1) +
 *   3/8 × min(1, (points − 700) / 100) for WorldSkills Scale points above the 700 median.
 * - occupation (7): the same ESCO occupation or ISCO-08 unit group 1, the same minor group 0.5,
 *   otherwise 0.
 *
 * Points are whole hundredths. Each item's maximum (a skill, a language, a credential line…) is
 * its share of the 100 points, split by the largest-remainder method so the maxima add up to exactly
 * 100; an item earns round(maximum × credit). A component is the sum of its items, so the reasons
 * add up exactly to the components and the components to the score, a perfect candidate scores
 * exactly 100, and, the rounding being monotone, adding a skill or raising a level never lowers a
 * score.
 */
import { MEDAL_POINTS } from '../competitions/skill.js';
import { cefrRank, iscoMinorGroup } from './scales.js';
import type {
  Cefr,
  CompetitionResult,
  DemandPosting,
  Medal,
  SkillEvidence,
  SkillLevel,
  SkillRequirement,
  TalentProfile,
} from './types.js';
import { TalentInputError, validatePosting, validateProfile } from './validation.js';

export const SCORE_COMPONENTS = [
  'requiredSkills',
  'optionalSkills',
  'credentials',
  'competition',
  'languages',
  'occupation',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** Relative weights of the components (before scaling to 100). */
export type ComponentWeights = Record<ScoreComponent, number>;

export const DEFAULT_COMPONENT_WEIGHTS: Readonly<ComponentWeights> = {
  requiredSkills: 60,
  optionalSkills: 12,
  credentials: 8,
  competition: 8,
  languages: 5,
  occupation: 7,
};

/** Credit lost per level below the minimum. */
export const LEVEL_GAP_PENALTY = 0.4;
/** WorldSkills Scale median; points above it earn the points part of the competition component. */
export const COMPETITION_MEDIAN_POINTS = 700;

export type ExclusionCode =
  | 'CONSENT_NOT_GIVEN'
  | 'CONSENT_WITHDRAWN'
  | 'COUNTRY_NOT_ACCEPTED'
  | 'NOT_AVAILABLE_BY_START'
  | 'LANGUAGE_MISSING'
  | 'LANGUAGE_BELOW_MINIMUM';

export const EXCLUSION_CODES: readonly ExclusionCode[] = [
  'CONSENT_NOT_GIVEN',
  'CONSENT_WITHDRAWN',
  'COUNTRY_NOT_ACCEPTED',
  'NOT_AVAILABLE_BY_START',
  'LANGUAGE_MISSING',
  'LANGUAGE_BELOW_MINIMUM',
];

export interface ExclusionReason {
  code: ExclusionCode;
  /** For language reasons. */
  languageCode?: string;
  cefr?: Cefr;
  minCefr?: Cefr;
}

export type ReasonCode =
  | 'REQUIRED_SKILL_MET'
  | 'REQUIRED_SKILL_BELOW_LEVEL'
  | 'REQUIRED_SKILL_MISSING'
  | 'OPTIONAL_SKILL_MET'
  | 'OPTIONAL_SKILL_BELOW_LEVEL'
  | 'OPTIONAL_SKILL_MISSING'
  | 'CREDENTIAL_COVERS_SKILL'
  | 'VERIFIED_SKILL'
  | 'SKILL_NOT_EVIDENCED'
  | 'COMPETITION_RESULT'
  | 'NO_RELATED_COMPETITION_RESULT'
  | 'LANGUAGE_ABOVE_MINIMUM'
  | 'LANGUAGE_AT_MINIMUM'
  | 'OPTIONAL_LANGUAGE_MET'
  | 'OPTIONAL_LANGUAGE_MISSING'
  | 'OCCUPATION_SAME_UNIT_GROUP'
  | 'OCCUPATION_SAME_MINOR_GROUP'
  | 'OCCUPATION_DIFFERENT';

/**
 * One line of a score's explanation: what matched or is missing, and the points it brought.
 * `points` ≤ `maxPoints`; `outcome` is 'matched' at full credit, 'partial' in between, 'missing' at 0.
 */
export interface ScoreReason {
  component: ScoreComponent;
  code: ReasonCode;
  outcome: 'matched' | 'partial' | 'missing';
  points: number;
  maxPoints: number;
  skillKey?: string;
  level?: SkillLevel;
  minLevel?: SkillLevel;
  weight?: number;
  evidence?: SkillEvidence;
  credentialId?: string;
  languageCode?: string;
  cefr?: Cefr;
  minCefr?: Cefr;
  medal?: Medal | null;
  competitionPoints?: number | null;
  competitionYear?: number;
  competitionSkill?: string;
  isco?: string;
}

export type ComponentScores = Record<ScoreComponent, number>;

// ---------------------------------------------------------------------------------------------
// Prepared forms: built once per profile and per posting, so that scoring a pair is map lookups.

interface PreparedSkill {
  level: SkillLevel;
  /** Verified with evidence other than 'self'. */
  verified: boolean;
  evidence: SkillEvidence;
}

export interface PreparedProfile {
  readonly id: string;
  readonly skills: ReadonlyMap<string, PreparedSkill>;
  readonly languages: ReadonlyMap<string, Cefr>;
  readonly anyCountry: boolean;
  readonly countries: ReadonlySet<string>;
  readonly consentGiven: boolean;
  readonly consentGivenOn: string | null;
  readonly consentWithdrawn: boolean;
  readonly availableFrom: string;
  readonly isco: string;
  readonly iscoMinor: string;
  readonly escoUri: string | null;
  /** skillKey → the id of the first certificate (by id) that attests it. */
  readonly credentialBySkill: ReadonlyMap<string, string>;
  readonly competitionResults: readonly CompetitionResult[];
}

interface PreparedRequirement {
  skillKey: string;
  minLevel: SkillLevel;
  weight: number;
  /** Hundredths of a point at full credit (component maximum × share of the list). */
  maxCents: number;
}

interface PreparedLanguage {
  code: string;
  minCefr: Cefr;
  minRank: number;
  required: boolean;
  maxCents: number;
}

export interface PreparedPosting {
  readonly id: string;
  readonly country: string;
  readonly startDate: string;
  readonly isco: string;
  readonly iscoMinor: string;
  readonly escoUri: string | null;
  readonly required: readonly PreparedRequirement[];
  readonly optional: readonly PreparedRequirement[];
  /** Per required skill, the credentials component's hundredths at full credit. */
  readonly credentialCents: readonly number[];
  readonly languages: readonly PreparedLanguage[];
  readonly requiredLanguages: readonly PreparedLanguage[];
  /** Required ∪ optional skill keys. */
  readonly skillKeys: ReadonlySet<string>;
  readonly competitionCents: number;
  readonly occupationCents: number;
}

export function prepareProfile(profile: TalentProfile): PreparedProfile {
  const issues = validateProfile(profile);
  if (issues.length > 0) {
    throw new TalentInputError(`profile ${profile.id || '(no id)'}`, issues);
  }
  const skills = new Map<string, PreparedSkill>();
  for (const s of profile.skills) {
    const verified = s.verified && s.evidence !== 'self';
    const prev = skills.get(s.skillKey);
    if (!prev) {
      skills.set(s.skillKey, { level: s.level, verified, evidence: s.evidence });
    } else {
      // Duplicates merge: the highest level, verified if any entry is.
      const level = Math.max(s.level, prev.level) as SkillLevel;
      const keepNew = verified && !prev.verified;
      skills.set(s.skillKey, {
        level,
        verified: prev.verified || verified,
        evidence: keepNew ? s.evidence : prev.evidence,
      });
    }
  }
  const languages = new Map<string, Cefr>();
  for (const l of profile.languages) {
    languages.set(l.code, l.cefr);
  }
  const credentialBySkill = new Map<string, string>();
  const credentials = [...profile.credentials].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of credentials) {
    for (const key of c.skillKeys) {
      if (!credentialBySkill.has(key)) {
        credentialBySkill.set(key, c.id);
      }
    }
  }
  return {
    id: profile.id,
    skills,
    languages,
    anyCountry: profile.countries.includes('any'),
    countries: new Set(profile.countries),
    consentGiven: profile.consent.given,
    consentGivenOn: profile.consent.givenOn,
    consentWithdrawn: profile.consent.withdrawnOn != null,
    availableFrom: profile.availableFrom,
    isco: profile.occupation.isco,
    iscoMinor: iscoMinorGroup(profile.occupation.isco),
    escoUri: profile.occupation.escoUri ?? null,
    credentialBySkill,
    competitionResults: profile.competitionResults,
  };
}

function resolveWeights(weights: Partial<ComponentWeights> | undefined): ComponentWeights {
  const w = { ...DEFAULT_COMPONENT_WEIGHTS, ...weights };
  for (const c of SCORE_COMPONENTS) {
    if (!(Number.isFinite(w[c]) && w[c] >= 0)) {
      throw new RangeError(`weights.${c} must be a finite number ≥ 0, got ${w[c]}`);
    }
  }
  return w;
}

export function preparePosting(posting: DemandPosting, weights?: Partial<ComponentWeights>): PreparedPosting {
  const issues = validatePosting(posting);
  if (issues.length > 0) {
    throw new TalentInputError(`posting ${posting.id || '(no id)'}`, issues);
  }
  const w = resolveWeights(weights);
  const hasRequired = posting.requiredSkills.length > 0;
  const hasOptional = posting.optionalSkills.length > 0;
  const hasLanguages = posting.requiredLanguages.length + posting.optionalLanguages.length > 0;
  const applies: ComponentWeights = {
    requiredSkills: hasRequired ? w.requiredSkills : 0,
    optionalSkills: hasOptional ? w.optionalSkills : 0,
    credentials: hasRequired ? w.credentials : 0,
    competition: hasRequired || hasOptional ? w.competition : 0,
    languages: hasLanguages ? w.languages : 0,
    occupation: w.occupation,
  };
  const total = SCORE_COMPONENTS.reduce((sum, c) => sum + applies[c], 0);
  const scale = total > 0 ? 100 / total : 0;
  const max = (c: ScoreComponent) => applies[c] * scale;

  const prepareList = (list: readonly SkillRequirement[], componentMax: number) => {
    const sum = list.reduce((s, r) => s + r.weight, 0);
    return list.map((r) => ({
      skillKey: r.skillKey,
      minLevel: r.minLevel,
      weight: r.weight,
      maxCents: (componentMax * r.weight) / sum,
    }));
  };
  const required = prepareList(posting.requiredSkills, max('requiredSkills'));
  const optional = prepareList(posting.optionalSkills, max('optionalSkills'));
  const requiredWeight = posting.requiredSkills.reduce((s, r) => s + r.weight, 0);
  const credentialCents = posting.requiredSkills.map((r) => (max('credentials') * r.weight) / requiredWeight);

  const languageCount = posting.requiredLanguages.length + posting.optionalLanguages.length;
  const languageItem = languageCount > 0 ? max('languages') / languageCount : 0;
  const languages: PreparedLanguage[] = [
    ...posting.requiredLanguages.map((l) => ({
      code: l.code,
      minCefr: l.minCefr,
      minRank: cefrRank(l.minCefr),
      required: true,
      maxCents: languageItem,
    })),
    ...posting.optionalLanguages.map((l) => ({
      code: l.code,
      minCefr: l.minCefr,
      minRank: cefrRank(l.minCefr),
      required: false,
      maxCents: languageItem,
    })),
  ];
  // Whole hundredths per item, adding up to exactly 100 points (largest remainder), so that a
  // perfect candidate scores 100 and no sum of rounded items exceeds it.
  const items = [...required, ...optional, ...languages];
  const raw = [...items.map((i) => i.maxCents), ...credentialCents, max('competition'), max('occupation')];
  const whole = apportion(raw, total > 0 ? 10_000 : 0);
  items.forEach((item, i) => {
    item.maxCents = whole[i] ?? 0;
  });
  const credentialWhole = whole.slice(items.length, items.length + credentialCents.length);
  return {
    id: posting.id,
    country: posting.country,
    startDate: posting.startDate,
    isco: posting.occupation.isco,
    iscoMinor: iscoMinorGroup(posting.occupation.isco),
    escoUri: posting.occupation.escoUri ?? null,
    required,
    optional,
    credentialCents: credentialWhole,
    languages,
    requiredLanguages: languages.filter((l) => l.required),
    skillKeys: new Set([...required, ...optional].map((r) => r.skillKey)),
    competitionCents: whole[raw.length - 2] ?? 0,
    occupationCents: whole[raw.length - 1] ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Filters and relevance.

/**
 * Splits `total` hundredths in proportion to `points` (which add up to total / 100): each item gets
 * the floor of its share, and the hundredths left go to the largest remainders (earlier items first
 * on equal remainders).
 */
function apportion(points: readonly number[], total: number): number[] {
  const exact = points.map((p) => p * 100);
  const whole = exact.map((e) => Math.floor(e + 1e-9));
  let left = total - whole.reduce((s, x) => s + x, 0);
  const order = exact
    .map((e, i) => ({ i, remainder: e - (whole[i] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) {
      break;
    }
    whole[i] = (whole[i] ?? 0) + 1;
    left -= 1;
  }
  return whole;
}

/** The hundredths earned at `fraction` (0..1) of an item worth `maxCents`; monotone in fraction. */
function part(maxCents: number, fraction: number): number {
  return Math.round(maxCents * fraction + 1e-9);
}

export function isRelevant(p: PreparedProfile, q: PreparedPosting): boolean {
  if (p.iscoMinor === q.iscoMinor) {
    return true;
  }
  for (const key of q.skillKeys) {
    if (p.skills.has(key)) {
      return true;
    }
  }
  return false;
}

/** True when the profile passes every hard filter (fast path, no allocation). */
export function passesFilters(p: PreparedProfile, q: PreparedPosting, today: string): boolean {
  if (p.consentWithdrawn || !p.consentGiven || p.consentGivenOn === null || p.consentGivenOn > today) {
    return false;
  }
  if (!p.anyCountry && !p.countries.has(q.country)) {
    return false;
  }
  if (p.availableFrom > q.startDate) {
    return false;
  }
  for (const l of q.requiredLanguages) {
    const cefr = p.languages.get(l.code);
    if (cefr === undefined || cefrRank(cefr) < l.minRank) {
      return false;
    }
  }
  return true;
}

/**
 * The hard filters the profile fails as a bit mask: bit i set ⇔ EXCLUSION_CODES[i] is among
 * `exclusionReasons` (0 when it passes). Allocates nothing, for counting over large pools.
 */
export function exclusionMask(p: PreparedProfile, q: PreparedPosting, today: string): number {
  let mask = 0;
  if (p.consentWithdrawn) {
    mask |= 1 << 1;
  } else if (!p.consentGiven || p.consentGivenOn === null || p.consentGivenOn > today) {
    mask |= 1 << 0;
  }
  if (!p.anyCountry && !p.countries.has(q.country)) {
    mask |= 1 << 2;
  }
  if (p.availableFrom > q.startDate) {
    mask |= 1 << 3;
  }
  for (const l of q.requiredLanguages) {
    const cefr = p.languages.get(l.code);
    if (cefr === undefined) {
      mask |= 1 << 4;
    } else if (cefrRank(cefr) < l.minRank) {
      mask |= 1 << 5;
    }
  }
  return mask;
}

/** Every hard filter the profile fails, in a fixed order; empty when it passes. */
export function exclusionReasons(p: PreparedProfile, q: PreparedPosting, today: string): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (p.consentWithdrawn) {
    reasons.push({ code: 'CONSENT_WITHDRAWN' });
  } else if (!p.consentGiven || p.consentGivenOn === null || p.consentGivenOn > today) {
    reasons.push({ code: 'CONSENT_NOT_GIVEN' });
  }
  if (!p.anyCountry && !p.countries.has(q.country)) {
    reasons.push({ code: 'COUNTRY_NOT_ACCEPTED' });
  }
  if (p.availableFrom > q.startDate) {
    reasons.push({ code: 'NOT_AVAILABLE_BY_START' });
  }
  for (const l of q.requiredLanguages) {
    const cefr = p.languages.get(l.code);
    if (cefr === undefined) {
      reasons.push({ code: 'LANGUAGE_MISSING', languageCode: l.code, minCefr: l.minCefr });
    } else if (cefrRank(cefr) < l.minRank) {
      reasons.push({ code: 'LANGUAGE_BELOW_MINIMUM', languageCode: l.code, cefr, minCefr: l.minCefr });
    }
  }
  return reasons;
}

// ---------------------------------------------------------------------------------------------
// Scoring. One code path computes the numbers; when `reasons` is given it also explains them.

/** Component order of `out` is SCORE_COMPONENTS; values are hundredths of a point. */
export type ComponentCents = Int32Array;

export function newComponentCents(): ComponentCents {
  return new Int32Array(SCORE_COMPONENTS.length);
}

const REQ = 0;
const OPT = 1;
const CRED = 2;
const COMP = 3;
const LANG = 4;
const OCC = 5;

function skillCredit(level: SkillLevel, minLevel: SkillLevel): number {
  if (level >= minLevel) {
    return 1;
  }
  const credit = 1 - LEVEL_GAP_PENALTY * (minLevel - level);
  return Math.max(credit, 0);
}

function outcomeOf(pointsCents: number, maxCents: number): ScoreReason['outcome'] {
  return pointsCents <= 0 ? 'missing' : pointsCents >= maxCents ? 'matched' : 'partial';
}

const SKILL_CODES = {
  requiredSkills: {
    met: 'REQUIRED_SKILL_MET',
    below: 'REQUIRED_SKILL_BELOW_LEVEL',
    missing: 'REQUIRED_SKILL_MISSING',
  },
  optionalSkills: {
    met: 'OPTIONAL_SKILL_MET',
    below: 'OPTIONAL_SKILL_BELOW_LEVEL',
    missing: 'OPTIONAL_SKILL_MISSING',
  },
} as const satisfies Record<string, Record<string, ReasonCode>>;

function scoreSkillList(
  list: readonly PreparedRequirement[],
  p: PreparedProfile,
  component: 'requiredSkills' | 'optionalSkills',
  reasons: ScoreReason[] | null,
): number {
  let total = 0;
  for (const r of list) {
    const held = p.skills.get(r.skillKey);
    const credit = held ? skillCredit(held.level, r.minLevel) : 0;
    const c = part(r.maxCents, credit);
    total += c;
    if (reasons) {
      const maxCents = r.maxCents;
      const codes = SKILL_CODES[component];
      const code = !held ? codes.missing : held.level >= r.minLevel ? codes.met : codes.below;
      reasons.push({
        component,
        code,
        outcome: outcomeOf(c, maxCents),
        points: c / 100,
        maxPoints: maxCents / 100,
        skillKey: r.skillKey,
        level: held?.level,
        minLevel: r.minLevel,
        weight: r.weight,
      });
    }
  }
  return total;
}

function scoreCredentials(p: PreparedProfile, q: PreparedPosting, reasons: ScoreReason[] | null): number {
  let total = 0;
  for (let i = 0; i < q.required.length; i++) {
    const r = q.required[i] as PreparedRequirement;
    const maxCents = q.credentialCents[i] ?? 0;
    const credentialId = p.credentialBySkill.get(r.skillKey);
    const held = p.skills.get(r.skillKey);
    const coverage = credentialId !== undefined ? 1 : held?.verified ? 0.5 : 0;
    const c = part(maxCents, coverage);
    total += c;
    if (reasons) {
      const reason: ScoreReason = {
        component: 'credentials',
        code:
          credentialId !== undefined
            ? 'CREDENTIAL_COVERS_SKILL'
            : held?.verified
              ? 'VERIFIED_SKILL'
              : 'SKILL_NOT_EVIDENCED',
        outcome: outcomeOf(c, maxCents),
        points: c / 100,
        maxPoints: maxCents / 100,
        skillKey: r.skillKey,
      };
      if (credentialId !== undefined) {
        reason.credentialId = credentialId;
      } else if (held?.verified) {
        reason.evidence = held.evidence;
      }
      reasons.push(reason);
    }
  }
  return total;
}

function competitionValue(r: CompetitionResult): number {
  const medal = r.medal ? MEDAL_POINTS[r.medal] / 4 : 0;
  const above = r.points !== null ? (r.points - COMPETITION_MEDIAN_POINTS) / 100 : 0;
  const points = Math.min(Math.max(above, 0), 1);
  return (5 / 8) * medal + (3 / 8) * points;
}

function scoreCompetition(p: PreparedProfile, q: PreparedPosting, reasons: ScoreReason[] | null): number {
  if (q.competitionCents === 0) {
    return 0;
  }
  let best: CompetitionResult | null = null;
  let bestValue = -1;
  for (const r of p.competitionResults) {
    let related = false;
    for (const k of r.skillKeys) {
      if (q.skillKeys.has(k)) {
        related = true;
        break;
      }
    }
    if (!related) {
      continue;
    }
    const v = competitionValue(r);
    // Ties: the most recent, then the lower skill number, so the explanation is deterministic.
    if (
      v > bestValue ||
      (v === bestValue &&
        best !== null &&
        (r.year > best.year || (r.year === best.year && r.skillNumber < best.skillNumber)))
    ) {
      best = r;
      bestValue = v;
    }
  }
  const c = best ? part(q.competitionCents, bestValue) : 0;
  if (reasons) {
    const maxCents = q.competitionCents;
    if (best) {
      reasons.push({
        component: 'competition',
        code: 'COMPETITION_RESULT',
        outcome: outcomeOf(c, maxCents),
        points: c / 100,
        maxPoints: maxCents / 100,
        medal: best.medal,
        competitionPoints: best.points,
        competitionYear: best.year,
        competitionSkill: `${best.skillNumber} ${best.skillName}`.trim(),
      });
    } else {
      reasons.push({
        component: 'competition',
        code: 'NO_RELATED_COMPETITION_RESULT',
        outcome: 'missing',
        points: 0,
        maxPoints: maxCents / 100,
      });
    }
  }
  return c;
}

function scoreLanguages(p: PreparedProfile, q: PreparedPosting, reasons: ScoreReason[] | null): number {
  let total = 0;
  for (const l of q.languages) {
    const cefr = p.languages.get(l.code);
    const rank = cefr === undefined ? 0 : cefrRank(cefr);
    let fraction: number;
    let code: ReasonCode;
    if (l.required) {
      const above = rank - l.minRank;
      fraction = Math.min(Math.max(above, 0), 2) / 2;
      code = above > 0 ? 'LANGUAGE_ABOVE_MINIMUM' : 'LANGUAGE_AT_MINIMUM';
    } else {
      fraction = rank >= l.minRank ? 1 : 0;
      code = fraction > 0 ? 'OPTIONAL_LANGUAGE_MET' : 'OPTIONAL_LANGUAGE_MISSING';
    }
    const c = part(l.maxCents, fraction);
    total += c;
    if (reasons) {
      const maxCents = l.maxCents;
      reasons.push({
        component: 'languages',
        code,
        outcome: outcomeOf(c, maxCents),
        points: c / 100,
        maxPoints: maxCents / 100,
        languageCode: l.code,
        cefr,
        minCefr: l.minCefr,
      });
    }
  }
  return total;
}

function scoreOccupation(p: PreparedProfile, q: PreparedPosting, reasons: ScoreReason[] | null): number {
  const sameOccupation = (p.escoUri !== null && p.escoUri === q.escoUri) || p.isco === q.isco;
  const fraction = sameOccupation ? 1 : p.iscoMinor === q.iscoMinor ? 0.5 : 0;
  const c = part(q.occupationCents, fraction);
  if (reasons) {
    const maxCents = q.occupationCents;
    reasons.push({
      component: 'occupation',
      code:
        fraction === 1
          ? 'OCCUPATION_SAME_UNIT_GROUP'
          : fraction > 0
            ? 'OCCUPATION_SAME_MINOR_GROUP'
            : 'OCCUPATION_DIFFERENT',
      outcome: outcomeOf(c, maxCents),
      points: c / 100,
      maxPoints: maxCents / 100,
      isco: p.isco,
    });
  }
  return c;
}

/**
 * Scores a prepared pair into `out` (hundredths of a point per component, SCORE_COMPONENTS order)
 * and returns the total in hundredths. Hard filters are not applied here.
 */
export function scoreInto(
  p: PreparedProfile,
  q: PreparedPosting,
  out: ComponentCents,
  reasons: ScoreReason[] | null = null,
): number {
  out[REQ] = scoreSkillList(q.required, p, 'requiredSkills', reasons);
  out[OPT] = scoreSkillList(q.optional, p, 'optionalSkills', reasons);
  out[CRED] = scoreCredentials(p, q, reasons);
  out[COMP] = scoreCompetition(p, q, reasons);
  out[LANG] = scoreLanguages(p, q, reasons);
  out[OCC] = scoreOccupation(p, q, reasons);
  return out[REQ] + out[OPT] + out[CRED] + out[COMP] + out[LANG] + out[OCC];
}

export interface ScoreExplanation {
  /** 0..100, hundredths. */
  score: number;
  components: ComponentScores;
  reasons: ScoreReason[];
}

export function centsToComponents(c: ComponentCents): ComponentScores {
  return {
    requiredSkills: (c[REQ] ?? 0) / 100,
    optionalSkills: (c[OPT] ?? 0) / 100,
    credentials: (c[CRED] ?? 0) / 100,
    competition: (c[COMP] ?? 0) / 100,
    languages: (c[LANG] ?? 0) / 100,
    occupation: (c[OCC] ?? 0) / 100,
  };
}

export function explainPrepared(p: PreparedProfile, q: PreparedPosting): ScoreExplanation {
  const out = newComponentCents();
  const reasons: ScoreReason[] = [];
  const total = scoreInto(p, q, out, reasons);
  return { score: total / 100, components: centsToComponents(out), reasons };
}

/**
 * The score of one profile for one posting, with its explanation, whatever the hard filters say
 * (a coordinator may ask "how would this person score?").
 */
export function scoreProfile(
  posting: DemandPosting,
  profile: TalentProfile,
  options: { weights?: Partial<ComponentWeights> } = {},
): ScoreExplanation {
  return explainPrepared(prepareProfile(profile), preparePosting(posting, options.weights));
}
